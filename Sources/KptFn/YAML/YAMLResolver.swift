/// Implicit tag resolution for plain scalars, following yaml.v3's `resolve` (YAML 1.2 core
/// schema plus yaml.v3's extras: `<<`, timestamps, underscores in numbers).
/// The emitter uses it to decide when a `!!str` must be quoted.
/// (`<<` resolves to `!!str` here, as in yaml.v3; only the parser tags a plain `<<` as `!!merge`.)
public enum YAMLResolver {
    /// The short tag a plain scalar with this text resolves to.
    public static func resolve(_ text: String) -> String {
        guard let first = text.utf8.first else { return "!!null" }
        // Fast path: most values start with a letter that cannot begin a non-string.
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "<"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return "!!str"
        }
        let b = Array(text.utf8)
        switch text {
        case "true", "True", "TRUE", "false", "False", "FALSE": return "!!bool"
        case "~", "null", "Null", "NULL": return "!!null"
        case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
             "-.inf", "-.Inf", "-.INF": return "!!float"
        default: break
        }
        switch first {
        case UInt8(ascii: "."):
            return isDotFloat(b) ? "!!float" : "!!str"
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            if isTimestamp(b) { return "!!timestamp" }
            let plain = b.filter { $0 != UInt8(ascii: "_") }
            if isGoInteger(plain) { return "!!int" }
            if isYAMLFloat(plain) { return "!!float" }
            return "!!str"
        default:
            return "!!str"
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `.5`, `.5e3` (Go ParseFloat on text starting with a dot).
    private static func isDotFloat(_ b: [UInt8]) -> Bool {
        var i = 1
        let start = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        if i == start { return false }
        return exponentEnds(b, at: i)
    }

    private static func exponentEnds(_ b: [UInt8], at index: Int) -> Bool {
        var i = index
        if i == b.count { return true }
        guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        let start = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        return i > start && i == b.count
    }

    /// Go `strconv.ParseInt(s, 0, 64)` or `ParseUint` succeeding: sign, 0x/0o/0b/leading-0 bases.
    private static func isGoInteger(_ b: [UInt8]) -> Bool {
        var i = 0
        var signed = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1; signed = true }
        guard i < b.count else { return false }
        var base: UInt64 = 10
        if b[i] == UInt8(ascii: "0"), i + 1 < b.count {
            switch b[i + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): base = 16; i += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"): base = 8; i += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"): base = 2; i += 2
            default: base = 8; i += 1
            }
        }
        guard i < b.count || base == 8 else { return false }
        var value: UInt64 = 0
        var overflow = false
        while i < b.count {
            let c = b[i]
            let d: UInt64
            if isDigit(c) { d = UInt64(c - 48) }
            else if c >= 97 && c <= 102 { d = UInt64(c - 87) }
            else if c >= 65 && c <= 70 { d = UInt64(c - 55) }
            else { return false }
            if d >= base { return false }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (s, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true }
            value = s
            i += 1
        }
        if overflow { return false }
        // Signed values must fit Int64; unsigned ones (no sign) may use the full UInt64 range.
        if signed {
            let negative = b[0] == UInt8(ascii: "-")
            return negative ? value <= UInt64(Int64.max) + 1 : value <= UInt64(Int64.max)
        }
        return true
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` and finite as a Double.
    private static func isYAMLFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == start { return false }
        } else {
            let start = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == start { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, isDigit(b[i]) { i += 1 }
            }
        }
        guard exponentEnds(b, at: i) else { return false }
        guard let d = Double(String(decoding: b, as: UTF8.self)) else { return false }
        return d.isFinite
    }

    /// yaml.v3 timestamps: `YYYY-M-D`, optionally followed by `T`/`t`/` ` and `H:M:S[.frac]`,
    /// with a `Z`/`±HH:MM` zone required after `T`/`t` and forbidden after a space.
    private static func isTimestamp(_ b: [UInt8]) -> Bool {
        guard b.count >= 8, b[0...3].allSatisfy(isDigit), b[4] == UInt8(ascii: "-") else { return false }
        var i = 5
        func number(maxDigits: Int) -> Int? {
            let start = i
            var v = 0
            while i < b.count, i - start < maxDigits, isDigit(b[i]) { v = v * 10 + Int(b[i] - 48); i += 1 }
            return i > start ? v : nil
        }
        let year = b[0...3].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard let month = number(maxDigits: 2), (1...12).contains(month),
              i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let day = number(maxDigits: 2), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return false }
        if i == b.count { return true }
        let separator = b[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return false }
        i += 1
        guard let hour = number(maxDigits: 2), hour < 24, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let minute = number(maxDigits: 2), minute < 60, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let second = number(maxDigits: 2), second < 60 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == start || i - start > 9 { return false }
        }
        if separator == UInt8(ascii: " ") { return i == b.count }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count - i == 6,
              isDigit(b[i + 1]), isDigit(b[i + 2]), b[i + 3] == UInt8(ascii: ":"),
              isDigit(b[i + 4]), isDigit(b[i + 5]) else { return false }
        return true
    }
}
