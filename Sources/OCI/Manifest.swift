import Foundation

/// An image manifest (docker schema 2 or OCI).
public struct ImageManifest: Codable, Hashable, Sendable {
    public var schemaVersion: Int = 2
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var annotations: [String: String]?

    public init(mediaType: String = MediaType.dockerManifest, config: Descriptor, layers: [Descriptor]) {
        self.mediaType = mediaType
        self.config = config
        self.layers = layers
    }
}

/// An image index / docker manifest list.
public struct ImageIndex: Codable, Hashable, Sendable {
    public var schemaVersion: Int = 2
    public var mediaType: String?
    public var manifests: [Descriptor]
    public var annotations: [String: String]?

    public init(mediaType: String = MediaType.dockerManifestList, manifests: [Descriptor]) {
        self.mediaType = mediaType
        self.manifests = manifests
    }
}

/// The fields of an image config we read or write.
public struct ImageConfig: Codable, Hashable, Sendable {
    public struct RootFS: Codable, Hashable, Sendable {
        public var type: String = "layers"
        public var diff_ids: [Digest]
    }
    public struct History: Codable, Hashable, Sendable {
        public var created: String?
    }
    public struct Empty: Codable, Hashable, Sendable {}

    public var architecture: String?
    public var os: String?
    public var created: String?
    public var history: [History]?
    public var rootfs: RootFS?
    public var config: Empty?
}

/// Encoding shared by everything we push: stable key order, no escaped slashes.
enum ManifestJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw OCIError.io("cannot parse \(what): \(error)")
        }
    }

    /// The `mediaType` field of a manifest document, if it has one.
    static func mediaType(of data: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["mediaType"] as? String
    }
}
