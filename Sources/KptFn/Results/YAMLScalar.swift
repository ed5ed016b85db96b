/// Quoting for the small YAML documents kpt itself writes (results.yaml): plain when a YAML 1.1/1.2
/// reader would read the text back as the same string, single-quoted otherwise, literal block for
/// multi-line text.
enum YAMLScalar {
    static func quoted(_ s: String, indent: String) -> String {
        if s.contains("\n") {
            let keep = s.hasSuffix("\n")
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if keep { lines.removeLast() }
            let needsIndicator = lines.first?.hasPrefix(" ") ?? false
            var out = "|" + (needsIndicator ? "2" : "") + (keep ? "" : "-")
            for l in lines { out += "\n" + (l.isEmpty ? "" : indent + l) }
            return out
        }
        return isPlainSafe(s) ? s : "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func isPlainSafe(_ s: String) -> Bool {
        if s.isEmpty { return false }
        let lower = s.lowercased()
        let reserved: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]
        if reserved.contains(lower) { return false }
        if looksNumeric(s) { return false }
        guard let first = s.first, let last = s.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
            // "-x" / "?x" / ":x" are plain in YAML when followed by a non-space, but keep it simple.
            if !((first == "-" || first == "?" || first == ":") && s.count > 1 && s.dropFirst().first != " ") {
                return false
            }
            if first == "-" && looksNumeric(String(s.dropFirst())) { return false }
        }
        if last == " " || first == " " || last == ":" { return false }
        if s.contains(": ") || s.contains(" #") || s.contains("\t") { return false }
        for u in s.unicodeScalars where u.value < 0x20 || u.value == 0x7F { return false }
        return true
    }

    private static func looksNumeric(_ s: String) -> Bool {
        if Double(s) != nil || Int(s) != nil { return true }
        let lower = s.lowercased()
        if [".inf", "-.inf", "+.inf", ".nan"].contains(lower) { return true }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") { return true }
        // Sexagesimal-looking and digits with underscores read as numbers by YAML 1.1.
        if s.allSatisfy({ $0.isNumber || $0 == "_" || $0 == ":" || $0 == "." || $0 == "-" || $0 == "+" }) && s.contains(where: \.isNumber) {
            return true
        }
        return false
    }
}
