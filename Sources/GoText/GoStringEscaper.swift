/// The loop Go's string quoters share (strconv.Quote, encoding/json): walk the UTF-8 text one
/// rune at a time (an invalid byte is a rune of its own, as in Go's utf8.DecodeRune), let the
/// style escape it, else copy it. Quote, backslash, \n, \r, \t, \b and \f are escaped alike.
struct GoStringEscaper {
    /// The escape for a scalar the shared rules leave alone, or nil to copy it.
    var escapeScalar: @Sendable (Unicode.Scalar) -> String?
    /// The text for one byte that is not part of valid UTF-8.
    var escapeInvalidByte: @Sendable (UInt8) -> String

    func quote<Bytes: Collection>(utf8 bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out = "\""
        var rest = bytes[...]
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                rest = rest.dropFirst(encoded.count)
                append(scalar, to: &out)
            case .error(let length):
                // Go decodes each byte of an ill-formed sequence as its own RuneError.
                for byte in rest.prefix(length) { out += escapeInvalidByte(byte) }
                rest = rest.dropFirst(length)
            case .emptyInput:
                return out + "\""
            }
        }
    }

    private func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if let escaped = escapeScalar(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
        }
    }

    /// `value` in lowercase hex, zero-padded to `width` digits.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
