/// Detects whether a document writes block sequences "compact" (`- ` at the key's column) or
/// "wide" (indented by 2), like kyaml's DeriveSeqIndentStyle: the first `- ` line whose
/// previous line is a lone `key:` decides; otherwise compact.
public enum SequenceIndentStyle {
    public static func detect(_ text: String) -> YAML.SequenceIndent {
        var text = text
        // Works on bytes: this runs for every document read.
        return text.withUTF8 { detect(bytes: $0) }
    }

    static func detect(bytes b: UnsafeBufferPointer<UInt8>) -> YAML.SequenceIndent {
        var previousStart = -1, previousEnd = -1
        var lineStart = 0
        while lineStart <= b.count {
            var lineEnd = lineStart
            while lineEnd < b.count, b[lineEnd] != 0x0A { lineEnd += 1 }
            defer { previousStart = lineStart; previousEnd = lineEnd; lineStart = lineEnd + 1 }
            // The line must be spaces, then "- " (the first "- " on the line).
            var k = lineStart
            while k < lineEnd, b[k] == 0x20 { k += 1 }
            guard k + 1 < lineEnd, b[k] == UInt8(ascii: "-"), b[k + 1] == 0x20, previousStart >= 0 else { continue }
            let dashIndent = k - lineStart
            // The previous line must be a lone `key:` (exactly one colon, at the end).
            var ks = previousStart
            while ks < previousEnd, b[ks] == 0x20 { ks += 1 }
            var ke = previousEnd
            while ke > ks, b[ke - 1] == 0x20 { ke -= 1 }
            guard ke > ks, b[ke - 1] == UInt8(ascii: ":") else { continue }
            var colons = 0
            for i in ks..<ke where b[i] == UInt8(ascii: ":") { colons += 1 }
            guard colons == 1 else { continue }
            let keyIndent = ks - previousStart
            if keyIndent == dashIndent { return .compact }
            if dashIndent - keyIndent == 2 { return .wide }
        }
        return .compact
    }
}
