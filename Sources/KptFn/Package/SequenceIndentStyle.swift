/// Detects whether a document writes block sequences "compact" (`- ` at the key's column) or
/// "wide" (indented by 2), like kyaml's DeriveSeqIndentStyle: the first `- ` line whose
/// previous line is a lone `key:` decides; otherwise compact.
public enum SequenceIndentStyle {
    public static func detect(_ text: String) -> YAML.SequenceIndent {
        var previous: Substring? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { previous = line }
            guard let dash = line.range(of: "- ") else { continue }
            let prefix = line[line.startIndex..<dash.lowerBound]
            guard prefix.allSatisfy({ $0 == " " }), let keyLine = previous else { continue }
            let keyIndent = keyLine.prefix(while: { $0 == " " }).count
            let trimmed = keyLine.trimmingCharacters(in: " ")
            guard trimmed.filter({ $0 == ":" }).count == 1, trimmed.hasSuffix(":") else { continue }
            if keyIndent == prefix.count { return .compact }
            if prefix.count - keyIndent == 2 { return .wide }
        }
        return .compact
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
