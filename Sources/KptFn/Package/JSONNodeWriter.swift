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
                out += indent + "  " + quote(pair.key.value) + ": "
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
            case "!!int", "!!float": out += node.value
            default: out += quote(node.value)
            }
        }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
