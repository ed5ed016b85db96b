/// A JavaScript value as the Go `syscall/js` package can observe it.
/// Symbols are not modelled: no Go program reaches one through this host.
public enum JSValue {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case object(JSObject)

    /// The object, when this value is one (functions and arrays included).
    public var object: JSObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNullOrUndefined: Bool {
        switch self {
        case .undefined, .null: return true
        default: return false
        }
    }

    /// JavaScript's `String(value)`.
    public var jsString: String {
        switch self {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return JSNumberFormat.string(d)
        case .string(let s): return s
        case .object(let o): return o.stringValue
        }
    }

    /// JavaScript's ToNumber, for the argument shapes Go passes (numbers, mostly).
    public var numberValue: Double {
        switch self {
        case .undefined: return .nan
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .number(let d): return d
        case .string(let s): return Double(s.trimmingSpaces()) ?? .nan
        case .object: return .nan
        }
    }

    /// ToNumber then truncation to an integer, clamped (indices, lengths, fds).
    public var intValue: Int {
        let d = numberValue
        guard d.isFinite else { return 0 }
        if d >= Double(Int.max) { return Int.max }
        if d <= Double(Int.min) { return Int.min }
        return Int(d)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" { s.removeLast() }
        return s
    }
}
