/// A content digest as registries write it: `sha256:<64 lowercase hex digits>`.
public struct Digest: Hashable, Sendable, CustomStringConvertible, Codable {
    public let algorithm: String
    public let hex: String

    public init(algorithm: String = "sha256", hex: String) {
        self.algorithm = algorithm
        self.hex = hex
    }

    /// Parses `sha256:<hex>`; only sha256 is accepted because it is the only algorithm we can verify.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "sha256" else {
            throw OCIError.invalidDigest(text, reason: "expected sha256:<64 hex digits>")
        }
        let hex = String(parts[1])
        guard hex.count == 64, hex.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            throw OCIError.invalidDigest(text, reason: "expected 64 lowercase hex digits after sha256:")
        }
        self.init(algorithm: "sha256", hex: hex)
    }

    public static func sha256(of bytes: some Collection<UInt8>) -> Digest {
        Digest(hex: hexString(SHA256Hasher.hash(bytes)))
    }

    public var description: String { "\(algorithm):\(hex)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
