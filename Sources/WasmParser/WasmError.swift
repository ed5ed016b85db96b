/// A decoding (`.malformed`) or validation (`.invalid`) error, worded like the spec's reference interpreter.
public struct WasmError: Error, CustomStringConvertible, Sendable {
    public enum Phase: Sendable { case malformed, invalid }

    public let phase: Phase
    public let message: String
    /// Byte offset in the module binary where the problem was found.
    public let offset: Int

    public init(_ phase: Phase, _ message: String, offset: Int) {
        self.phase = phase
        self.message = message
        self.offset = offset
    }

    static func malformed(_ message: String, at offset: Int) -> WasmError {
        WasmError(.malformed, message, offset: offset)
    }
    static func invalid(_ message: String, at offset: Int) -> WasmError {
        WasmError(.invalid, message, offset: offset)
    }

    public var description: String {
        "\(message) at offset 0x\(String(offset, radix: 16))"
    }
}
