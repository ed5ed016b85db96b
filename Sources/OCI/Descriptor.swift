/// An OS/architecture pair (plus optional variant) as it appears in index entries and image configs.
public struct Platform: Codable, Hashable, Sendable, CustomStringConvertible {
    public var architecture: String
    public var os: String
    public var variant: String?
    public var osVersion: String?
    public var osFeatures: [String]?

    public static let wasm = Platform(architecture: "wasm", os: "js")

    public init(architecture: String, os: String, variant: String? = nil) {
        self.architecture = architecture
        self.os = os
        self.variant = variant
    }

    enum CodingKeys: String, CodingKey {
        case architecture, os, variant
        case osVersion = "os.version"
        case osFeatures = "os.features"
    }

    /// Exactly js/wasm with nothing extra, the equality kpt uses when replacing an index entry.
    public var isExactlyWasm: Bool {
        self == .wasm || (os == "js" && architecture == "wasm" && (variant ?? "").isEmpty
            && (osVersion ?? "").isEmpty && (osFeatures ?? []).isEmpty)
    }

    public var isWasm: Bool { os == "js" && architecture == "wasm" }

    public var description: String { "\(os)/\(architecture)" + (variant.map { "/\($0)" } ?? "") }
}

/// A content descriptor: what a manifest or index points at.
public struct Descriptor: Codable, Hashable, Sendable {
    public var mediaType: String
    public var digest: Digest
    public var size: Int
    public var platform: Platform?
    public var annotations: [String: String]?
    public var urls: [String]?

    public init(mediaType: String, digest: Digest, size: Int, platform: Platform? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.platform = platform
    }
}
