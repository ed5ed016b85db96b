/// Resource limits for everything executed in one `Store`.
public struct EngineConfiguration: Sendable {
    /// Cap per memory in 64 KiB pages; growing beyond it fails (memory.grow returns -1).
    public var maxMemoryPages: UInt64 = 65536
    /// Deeper calls trap with "call stack exhausted".
    public var maxCallDepth: Int = 10_000
    /// Remaining instruction budget, charged per straight-line block; nil = unlimited.
    /// Exhaustion traps with `.outOfFuel`; the remaining amount is written back after each call.
    public var fuel: UInt64? = nil
    /// Checked at loop back-edges and calls (every few hundred of them); passing it traps with `.timeout`.
    public var deadline: ContinuousClock.Instant? = nil

    public init(maxMemoryPages: UInt64 = 65536, maxCallDepth: Int = 10_000,
                fuel: UInt64? = nil, deadline: ContinuousClock.Instant? = nil) {
        self.maxMemoryPages = maxMemoryPages
        self.maxCallDepth = maxCallDepth
        self.fuel = fuel
        self.deadline = deadline
    }
}
