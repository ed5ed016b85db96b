/// Resource limits for one function run: `--timeout` and `--memory-limit`.
public struct RunLimits: Sendable, Equatable {
    /// Wall-clock budget for the run; nil means none.
    public var timeout: Duration?
    /// Largest linear memory (bytes) a wasm module may grow to.
    public var memoryLimit: UInt64
    /// The text the user typed, so errors can name the limit as given.
    public var timeoutText: String?
    public var memoryLimitText: String

    public static let defaultMemoryLimitText = "2Gi"
    public static let defaultMemoryLimit: UInt64 = 2 << 30

    public init(timeout: Duration? = nil, timeoutText: String? = nil,
                memoryLimit: UInt64 = RunLimits.defaultMemoryLimit,
                memoryLimitText: String = RunLimits.defaultMemoryLimitText) {
        self.timeout = timeout
        self.timeoutText = timeoutText
        self.memoryLimit = memoryLimit
        self.memoryLimitText = memoryLimitText
    }

    /// Builds limits from the flag texts, failing with a message that names the flag.
    public static func parse(timeout: String?, memoryLimit: String?) throws -> RunLimits {
        var limits = RunLimits()
        if let t = timeout {
            guard let d = GoDuration.parse(t), d > .zero else {
                throw FunctionError("invalid --timeout \"\(t)\": expected a positive duration such as 30s, 2m or 1m30s")
            }
            limits.timeout = d
            limits.timeoutText = t
        }
        if let m = memoryLimit {
            guard let bytes = ByteSize.parse(m), bytes > 0 else {
                throw FunctionError("invalid --memory-limit \"\(m)\": expected a size such as 512Mi, 2Gi or 1000000")
            }
            limits.memoryLimit = bytes
            limits.memoryLimitText = m
        }
        return limits
    }

    /// Error for a run stopped by the time limit.
    public func timeoutError() -> FunctionError {
        FunctionError("function exceeded the time limit of \(timeoutText ?? "?") (--timeout)")
    }

    /// Error for a run stopped by the memory limit.
    public func memoryError() -> FunctionError {
        FunctionError("function exceeded the memory limit of \(memoryLimitText) (--memory-limit)")
    }
}

/// Kubernetes-style quantities: `512Mi`, `2Gi`, `1G`, `100k`, plain bytes.
public enum ByteSize {
    public static func parse(_ text: String) -> UInt64? {
        let units: [(String, UInt64)] = [
            ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40),
            ("k", 1_000), ("K", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let n = UInt64(text.dropLast(suffix.count)) else { return nil }
            let (v, overflow) = n.multipliedReportingOverflow(by: scale)
            return overflow ? nil : v
        }
        return UInt64(text)
    }
}
