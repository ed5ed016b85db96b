/// A WebAssembly name: UTF-8 bytes, compared as bytes (never as Unicode strings).
public struct Name: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let bytes: [UInt8]

    public init(_ s: String) { bytes = Array(s.utf8) }
    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(stringLiteral value: String) { self.init(value) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { string }
}
