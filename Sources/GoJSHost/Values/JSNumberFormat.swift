/// ECMAScript `Number::toString(10)`: what Go sees from `Value.String()` on
/// numbers. Swift's `description` supplies the shortest round-trip digits; the
/// layout (plain, fraction, or exponent) follows the spec's cases.
enum JSNumberFormat {
    static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == 0 { return "0" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let sign = value < 0 ? "-" : ""
        let (digits, n) = decimalDigits(abs(value))
        let k = digits.count
        let d = String(digits)
        if k <= n && n <= 21 {
            return sign + d + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return sign + String(digits[..<n]) + "." + String(digits[n...])
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + d
        }
        let e = n - 1
        let exp = (e < 0 ? "-" : "+") + String(abs(e))
        if k == 1 { return sign + d + "e" + exp }
        return sign + String(digits[0]) + "." + String(digits[1...]) + "e" + exp
    }

    /// Shortest digits (no leading/trailing zeros) and n, with value = 0.d1d2… × 10^n.
    static func decimalDigits(_ value: Double) -> (digits: [Character], n: Int) {
        let text = value.description   // e.g. "1.5", "100.0", "1e-07", "2.5e-05", "1e+21"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = Array(parts[0])
        let fracPart = parts.count > 1 ? Array(parts[1]) : []
        var all = intPart + fracPart
        var pointPosition = intPart.count + exponent   // digits before the decimal point
        while let f = all.first, f == "0" { all.removeFirst(); pointPosition -= 1 }
        while let l = all.last, l == "0" { all.removeLast() }
        return (all, pointPosition)
    }
}
