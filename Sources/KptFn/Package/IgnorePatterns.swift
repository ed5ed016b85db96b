/// `.krmignore` rules: gitignore syntax, patterns relative to the directory holding the file.
/// The last matching pattern decides; `!` re-includes; a trailing `/` matches directories only;
/// a pattern with a `/` (other than trailing) is anchored to the base directory, otherwise it
/// matches a name at any depth; `*`, `?`, `[...]` and `**` glob as in git.
public struct IgnorePatterns: Sendable {
    struct Rule: Sendable {
        let segments: [String]
        let negated: Bool
        let directoryOnly: Bool
        let anchored: Bool
    }

    /// Package-relative directory the patterns are relative to ("" for the package root).
    public let base: String
    let rules: [Rule]

    public init(base: String, text: String) {
        self.base = base
        var rules: [Rule] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            // Trailing unescaped spaces are ignored by git.
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") { negated = true; line.removeFirst() }
            if line.hasPrefix("\\") { line.removeFirst() }
            var directoryOnly = false
            if line.hasSuffix("/") { directoryOnly = true; line.removeLast() }
            let anchored = line.contains("/")
            if line.hasPrefix("/") { line.removeFirst() }
            guard !line.isEmpty else { continue }
            rules.append(Rule(segments: line.split(separator: "/").map(String.init), negated: negated,
                              directoryOnly: directoryOnly, anchored: anchored))
        }
        self.rules = rules
    }

    /// Whether the package-relative `path` is ignored by these rules.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        var relative = path
        if !base.isEmpty {
            guard path.hasPrefix(base + "/") else { return false }
            relative = String(path.dropFirst(base.count + 1))
        }
        let parts = relative.split(separator: "/").map(String.init)
        var ignored = false
        for rule in rules where !(rule.directoryOnly && !isDirectory) {
            let matches: Bool
            if rule.anchored {
                matches = Self.match(rule.segments[...], parts[...])
            } else {
                matches = parts.last.map { Self.glob(rule.segments[0], $0) } ?? false
            }
            if matches { ignored = !rule.negated }
        }
        return ignored
    }

    private static func match(_ pattern: ArraySlice<String>, _ parts: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var p = parts
            while true {
                if match(rest, p) { return true }
                guard !p.isEmpty else { return false }
                p = p.dropFirst()
            }
        }
        guard let part = parts.first, glob(first, part) else { return false }
        return match(pattern.dropFirst(), parts.dropFirst())
    }

    /// Shell glob on one path segment.
    static func glob(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.unicodeScalars), n = Array(name.unicodeScalars)
        func m(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == n.count }
            switch p[i] {
            case "*":
                var k = j
                while true {
                    if m(i + 1, k) { return true }
                    if k == n.count { return false }
                    k += 1
                }
            case "?":
                return j < n.count && m(i + 1, j + 1)
            case "[":
                guard j < n.count, let close = p[(i + 1)...].firstIndex(of: "]") else {
                    return j < n.count && n[j] == "[" && m(i + 1, j + 1)
                }
                var k = i + 1
                var negate = false
                if k < close, p[k] == "!" || p[k] == "^" { negate = true; k += 1 }
                var found = false
                while k < close {
                    if k + 2 < close, p[k + 1] == "-" {
                        if p[k].value <= n[j].value && n[j].value <= p[k + 2].value { found = true }
                        k += 3
                    } else {
                        if p[k] == n[j] { found = true }
                        k += 1
                    }
                }
                return found != negate && m(close + 1, j + 1)
            case "\\":
                guard i + 1 < p.count else { return false }
                return j < n.count && n[j] == p[i + 1] && m(i + 2, j + 1)
            default:
                return j < n.count && n[j] == p[i] && m(i + 1, j + 1)
            }
        }
        return m(0, 0)
    }
}
