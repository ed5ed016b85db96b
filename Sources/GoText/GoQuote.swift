/// Go's `strconv.Quote` (what `%q` prints): printable runes stay, the rest become Go escapes,
/// bytes that are not UTF-8 become `\xNN`. kpt quotes function output this way in its errors.
public enum GoQuote {
    public static func quote(_ s: String) -> String { quote(utf8: s.utf8) }

    public static func quote<Bytes: Collection>(utf8 bytes: Bytes) -> String where Bytes.Element == UInt8 {
        escaper.quote(utf8: bytes)
    }

    private static let escaper = GoStringEscaper(
        escapeScalar: { scalar in
            switch scalar {
            case "\u{07}": return "\\a"
            case "\u{0B}": return "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { return "\\x" + GoStringEscaper.hex(scalar.value, width: 2) }
                if scalar.value < 0x80 || isPrintable(scalar) { return nil }
                return scalar.value > 0xFFFF ? "\\U" + GoStringEscaper.hex(scalar.value, width: 8)
                                             : "\\u" + GoStringEscaper.hex(scalar.value, width: 4)
            }
        },
        escapeInvalidByte: { "\\x" + GoStringEscaper.hex(UInt32($0), width: 2) })

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return scalar == " "
        default: return true
        }
    }
}
