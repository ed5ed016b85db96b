/// Resource limits for one Go program.
public struct GoHostLimits: Sendable {
    /// Cap on linear memory in bytes (rounded up to 64 KiB pages); nil: the engine's default (4 GiB).
    public var maxMemoryBytes: UInt64?
    /// Wall-clock budget, counted from `GoProgram.start` (renewable with `renewDeadline()`).
    public var timeout: Duration?
    /// Nested wasm call limit (deep Go recursion uses the engine's call stack).
    public var maxCallDepth: Int

    public init(maxMemoryBytes: UInt64? = nil, timeout: Duration? = nil, maxCallDepth: Int = 50_000) {
        self.maxMemoryBytes = maxMemoryBytes
        self.timeout = timeout
        self.maxCallDepth = maxCallDepth
    }

    var maxMemoryPages: UInt64? {
        maxMemoryBytes.map { ($0 + 65535) / 65536 }
    }
}
