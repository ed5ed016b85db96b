/// Go's duration syntax (`300ms`, `1.5s`, `2m`, `1h2m3s`) and its `String()` rendering,
/// which kpt uses for `[PASS] "…" in <dur>`.
public enum GoDuration {
    private static let unitNanos: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    /// Parses a Go duration string; nil when malformed.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        if rest == "0" { return .zero }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            // Longest unit first so "ms" is not read as "m".
            guard let unit = unitNanos.filter({ $0.0 == unitText }).first else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        return .nanoseconds(Int64(total.rounded()))
    }

    /// Go's `time.Duration.String()` after truncating to `granularity` nanoseconds.
    public static func format(_ duration: Duration, truncatingTo granularity: Int64 = 1_000_000) -> String {
        let c = duration.components
        var ns = c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000
        if granularity > 1 { ns -= ns % granularity }
        return format(nanoseconds: ns)
    }

    public static func format(nanoseconds ns: Int64) -> String {
        if ns == 0 { return "0s" }
        let negative = ns < 0
        let u = UInt64(abs(ns))
        var out: String
        if u < 1_000_000_000 {
            // Sub-second: the largest of ns, µs, ms that keeps a non-zero integer part.
            if u < 1_000 { out = "\(u)ns" }
            else if u < 1_000_000 { out = fraction(u, 1_000) + "µs" }
            else { out = fraction(u, 1_000_000) + "ms" }
        } else {
            let hours = u / 3_600_000_000_000
            let minutes = (u / 60_000_000_000) % 60
            let secNanos = u % 60_000_000_000
            out = fraction(secNanos, 1_000_000_000) + "s"
            if hours > 0 { out = "\(hours)h\(minutes)m" + out }
            else if minutes > 0 { out = "\(minutes)m" + out }
        }
        return negative ? "-" + out : out
    }

    /// `value/scale` printed with its fractional digits, trailing zeros removed.
    private static func fraction(_ value: UInt64, _ scale: UInt64) -> String {
        let whole = value / scale
        var frac = value % scale
        if frac == 0 { return "\(whole)" }
        var digits = String(scale).count - 1
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let fracText = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - fracText.count) + fracText
    }
}
