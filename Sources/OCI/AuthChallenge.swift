/// One challenge from a `WWW-Authenticate` header, e.g. `Bearer realm="https://auth/token",service="reg"`.
public struct AuthChallenge: Equatable, Sendable {
    /// Lowercased scheme: `bearer` or `basic`.
    public let scheme: String
    /// Parameters with lowercased names.
    public let parameters: [String: String]

    public var realm: String? { parameters["realm"] }
    public var service: String? { parameters["service"] }
    public var scope: String? { parameters["scope"] }

    /// Parses a header value that may hold several challenges (`Basic realm="x", Bearer realm="y"`).
    public static func parse(_ header: String) -> [AuthChallenge] {
        var result: [AuthChallenge] = []
        var scanner = Scanner(Array(header.unicodeScalars))
        while true {
            scanner.skip { $0 == " " || $0 == "," || $0 == "\t" }
            guard let scheme = scanner.token(), !scheme.isEmpty else { break }
            var params: [String: String] = [:]
            while true {
                let mark = scanner.position
                scanner.skip { $0 == " " || $0 == "," || $0 == "\t" }
                guard let name = scanner.token(), !name.isEmpty else { break }
                scanner.skip { $0 == " " || $0 == "\t" }
                guard scanner.consume("=") else { scanner.position = mark; break } // next scheme starts here
                scanner.skip { $0 == " " || $0 == "\t" }
                params[name.lowercased()] = scanner.consume("\"") ? scanner.quotedRest() : (scanner.token() ?? "")
            }
            result.append(AuthChallenge(scheme: scheme.lowercased(), parameters: params))
        }
        return result
    }

    private struct Scanner {
        let chars: [Unicode.Scalar]
        var position = 0
        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        mutating func skip(_ test: (Unicode.Scalar) -> Bool) {
            while position < chars.count, test(chars[position]) { position += 1 }
        }

        mutating func consume(_ c: Unicode.Scalar) -> Bool {
            guard position < chars.count, chars[position] == c else { return false }
            position += 1
            return true
        }

        /// An RFC 7230 token (also accepts token68's `/` `+` `=` tail is not needed here).
        mutating func token() -> String? {
            let start = position
            skip { !" \t,=\"".unicodeScalars.contains($0) }
            return position > start ? String(String.UnicodeScalarView(chars[start..<position])) : nil
        }

        mutating func quotedRest() -> String {
            var out = String.UnicodeScalarView()
            while position < chars.count {
                let c = chars[position]
                position += 1
                if c == "\"" { break }
                if c == "\\", position < chars.count { out.append(chars[position]); position += 1; continue }
                out.append(c)
            }
            return String(out)
        }
    }
}
