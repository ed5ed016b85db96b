import Foundation
import GoText

/// Writes a node as JSON like Go's `json.MarshalIndent(v, "", "  ")` of the decoded value
/// (object keys sorted, HTML-safe escaping), followed by a newline.
enum JSONNodeWriter {
    static func write(_ node: YAMLNode) -> [UInt8] {
        var out = ""
        value(node, indent: "", into: &out)
        out += "\n"
        return Array(out.utf8)
    }

    private static func value(_ node: YAMLNode, indent: String, into out: inout String) {
        switch node.kind {
        case .document:
            if let root = node.content.first { value(root, indent: indent, into: &out) } else { out += "null" }
        case .mapping:
            let pairs = node.pairs.sorted { Array($0.key.value.utf8).lexicographicallyPrecedes(Array($1.key.value.utf8)) }
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, pair) in pairs.enumerated() {
                out += indent + "  " + GoJSONString.quote(pair.key.value) + ": "
                value(pair.value, indent: indent + "  ", into: &out)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .sequence:
            if node.content.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in node.content.enumerated() {
                out += indent + "  "
                value(item, indent: indent + "  ", into: &out)
                out += i + 1 < node.content.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .scalar, .alias:
            switch node.tag {
            case "!!null": out += "null"
            case "!!bool": out += node.value.lowercased()
            case "!!int": out += integer(node.value) ?? GoJSONString.quote(node.value)
            case "!!float": out += float(node.value) ?? GoJSONString.quote(node.value)
            default: out += GoJSONString.quote(node.value)
            }
        }
    }

    /// Decimal text of a YAML integer (`0x1F`, `0o17`, `1_000` ...), as Go prints the decoded int.
    private static func integer(_ text: String) -> String? {
        var t = text.replacingOccurrences(of: "_", with: "")
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("+") { negative = t.hasPrefix("-"); t.removeFirst() }
        var radix = 10
        if t.hasPrefix("0x") || t.hasPrefix("0X") { radix = 16; t.removeFirst(2) }
        else if t.hasPrefix("0o") || t.hasPrefix("0O") { radix = 8; t.removeFirst(2) }
        else if t.hasPrefix("0b") || t.hasPrefix("0B") { radix = 2; t.removeFirst(2) }
        else if t.count > 1 && t.hasPrefix("0") { radix = 8; t.removeFirst() }
        guard let magnitude = UInt64(t, radix: radix) else { return nil }
        return (negative && magnitude != 0 ? "-" : "") + String(magnitude)
    }

    /// Go's encoding/json float text: shortest round-trip digits, exponent form outside [1e-6, 1e21).
    private static func float(_ text: String) -> String? {
        let t = text.replacingOccurrences(of: "_", with: "")
        guard let d = Double(t), d.isFinite else { return nil }
        let a = abs(d)
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            // Go: 1e+21, 1e-07 (two-digit exponent at least).
            var s = "\(d)"
            if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                var mantissa = String(s[..<e])
                if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
                var exp = String(s[s.index(after: e)...])
                var sign = "+"
                if exp.hasPrefix("-") { sign = "-"; exp.removeFirst() } else if exp.hasPrefix("+") { exp.removeFirst() }
                if exp.count < 2 { exp = "0" + exp }
                s = mantissa + "e" + sign + exp
            }
            return s
        }
        if d == d.rounded() && a < 1e16 { return String(Int64(d)) }
        var s = "\(d)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
