/// A string as Go's `encoding/json` writes it (Go 1.22 and later, HTML-safe as `json.Marshal`):
/// other control characters, `<`, `>`, `&`, U+2028 and U+2029 become `\u00XX`-style escapes.
/// kpt writes `.json` package files this way. Only `String`s come in: they are valid UTF-8 (Go
/// releases differ on invalid bytes: `\ufffd` before 1.25, the raw U+FFFD after).
public enum GoJSONString {
    public static func quote(_ s: String) -> String { escaper.quote(utf8: s.utf8) }

    private static let escaper = GoStringEscaper(
        escapeScalar: { scalar in
            switch scalar {
            case "<", ">", "&", "\u{2028}", "\u{2029}": return "\\u" + GoStringEscaper.hex(scalar.value, width: 4)
            default: return scalar.value < 0x20 ? "\\u" + GoStringEscaper.hex(scalar.value, width: 4) : nil
            }
        },
        escapeInvalidByte: { _ in "\\ufffd" })   // unreachable for a String
}
