/// Semantic versions and the constraint syntax kpt accepts in a Kptfile `tag:` (Masterminds/semver
/// style): `=`, `!=`, `>`, `>=`, `<`, `<=`, `~`, `^`, wildcards `x`/`X`/`*`, partial versions,
/// `,`/space for AND, `||` for OR; a leading `v` is optional. Prereleases match only constraints
/// that name a prerelease.
public struct SemanticVersion: Comparable, Sendable, CustomStringConvertible {
    public var major, minor, patch: Int
    public var prerelease: String

    public init(major: Int, minor: Int, patch: Int, prerelease: String = "") {
        self.major = major; self.minor = minor; self.patch = patch; self.prerelease = prerelease
    }

    /// Parses `v1.2.3`, `1.2.3-rc.1`, `1.2.3+build` (build metadata ignored); nil otherwise.
    public init?(_ text: String) {
        var t = Substring(text)
        if t.hasPrefix("v") || t.hasPrefix("V") { t = t.dropFirst() }
        if let plus = t.firstIndex(of: "+") { t = t[..<plus] }
        var pre = ""
        if let dash = t.firstIndex(of: "-") { pre = String(t[t.index(after: dash)...]); t = t[..<dash] }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let nums = Optional(parts.compactMap { Int($0) }), nums.count == parts.count,
              nums.allSatisfy({ $0 >= 0 }) else { return nil }
        self.init(major: nums[0], minor: nums.count > 1 ? nums[1] : 0, patch: nums.count > 2 ? nums[2] : 0, prerelease: pre)
    }

    public var description: String { "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease) }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) {
            return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
        }
        if a.prerelease == b.prerelease { return false }
        if a.prerelease.isEmpty { return false }
        if b.prerelease.isEmpty { return true }
        // Dot-separated identifiers: numeric ones compare numerically and sort before alphanumerics.
        let x = a.prerelease.split(separator: "."), y = b.prerelease.split(separator: ".")
        for (p, q) in zip(x, y) where p != q {
            switch (Int(p), Int(q)) {
            case let (m?, n?): return m < n
            case (_?, nil): return true
            case (nil, _?): return false
            default: return p < q
            }
        }
        return x.count < y.count
    }
}

public struct SemverConstraint: Sendable {
    private struct Bound: Sendable {
        enum Op: Sendable { case eq, ne, gt, ge, lt, le }
        let op: Op
        let version: SemanticVersion
        func allows(_ v: SemanticVersion) -> Bool {
            switch op {
            case .eq: return v == version
            case .ne: return v != version
            case .gt: return v > version
            case .ge: return v >= version
            case .lt: return v < version
            case .le: return v <= version
            }
        }
    }

    private let groups: [[Bound]]
    private let mentionsPrerelease: Bool

    /// nil when the text is not a constraint (kpt then uses it as a plain tag).
    public init?(_ text: String) {
        var groups: [[Bound]] = []
        var prerelease = false
        for group in text.components(separatedBy: "||") {
            var bounds: [Bound] = []
            let terms = group.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
            guard !terms.isEmpty else { return nil }
            var i = 0
            while i < terms.count {
                var term = terms[i]
                // Allow "> 1.2" (operator and version separated by a space).
                if ["=", "!=", ">", ">=", "=>", "<", "<=", "=<", "~", "~>", "^"].contains(term), i + 1 < terms.count {
                    term += terms[i + 1]; i += 1
                }
                guard let parsed = Self.parse(term) else { return nil }
                bounds += parsed.bounds
                prerelease = prerelease || parsed.prerelease
                i += 1
            }
            groups.append(bounds)
        }
        self.groups = groups
        mentionsPrerelease = prerelease
    }

    public func allows(_ v: SemanticVersion) -> Bool {
        if !v.prerelease.isEmpty && !mentionsPrerelease { return false }
        return groups.contains { $0.allSatisfy { $0.allows(v) } }
    }

    /// The highest tag (as written) whose version satisfies the constraint.
    public func best(of tags: [String]) -> String? {
        tags.compactMap { tag in SemanticVersion(tag).map { (tag, $0) } }
            .filter { allows($0.1) }
            .max { $0.1 < $1.1 }?.0
    }

    private static func parse(_ term: String) -> (bounds: [Bound], prerelease: Bool)? {
        let ops = ["!=", ">=", "=>", "<=", "=<", "~>", ">", "<", "=", "~", "^"]
        let op = ops.first { term.hasPrefix($0) } ?? ""
        var rest = Substring(term.dropFirst(op.count))
        if rest.hasPrefix("v") || rest.hasPrefix("V") { rest = rest.dropFirst() }
        var pre = ""
        if let dash = rest.firstIndex(of: "-") { pre = String(rest[rest.index(after: dash)...]); rest = rest[..<dash] }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count) else { return nil }
        // Numbers up to the first wildcard; the rest are wildcards.
        var nums: [Int] = []
        for p in parts {
            if ["x", "X", "*"].contains(p) { break }
            guard let n = Int(p), n >= 0 else { return nil }
            nums.append(n)
        }
        let full = nums.count == 3
        let v = SemanticVersion(major: nums.first ?? 0, minor: nums.count > 1 ? nums[1] : 0,
                                patch: nums.count > 2 ? nums[2] : 0, prerelease: full ? pre : "")
        // The first version above the wildcard range (`1.2` -> 1.3.0, `1` -> 2.0.0).
        func nextUp() -> SemanticVersion {
            switch nums.count {
            case 0: return SemanticVersion(major: Int.max, minor: 0, patch: 0)
            case 1: return SemanticVersion(major: v.major + 1, minor: 0, patch: 0)
            case 2: return SemanticVersion(major: v.major, minor: v.minor + 1, patch: 0)
            default: return SemanticVersion(major: v.major, minor: v.minor, patch: v.patch + 1)
            }
        }
        let b: [Bound]
        switch op {
        case "", "=":
            b = full ? [Bound(op: .eq, version: v)] : [Bound(op: .ge, version: v), Bound(op: .lt, version: nextUp())]
        case "!=":
            b = full ? [Bound(op: .ne, version: v)] : [Bound(op: .lt, version: v)]   // approximation for partials
        case ">":
            b = full ? [Bound(op: .gt, version: v)] : [Bound(op: .ge, version: nextUp())]
        case ">=", "=>":
            b = [Bound(op: .ge, version: v)]
        case "<":
            b = [Bound(op: .lt, version: v)]
        case "<=", "=<":
            b = full ? [Bound(op: .le, version: v)] : [Bound(op: .lt, version: nextUp())]
        case "~", "~>":
            let upper = nums.count <= 1 ? SemanticVersion(major: v.major + 1, minor: 0, patch: 0)
                                        : SemanticVersion(major: v.major, minor: v.minor + 1, patch: 0)
            b = [Bound(op: .ge, version: v), Bound(op: .lt, version: upper)]
        case "^":
            let upper: SemanticVersion
            if v.major > 0 || nums.count <= 1 { upper = SemanticVersion(major: v.major + 1, minor: 0, patch: 0) }
            else if v.minor > 0 || nums.count == 2 { upper = SemanticVersion(major: 0, minor: v.minor + 1, patch: 0) }
            else { upper = SemanticVersion(major: 0, minor: 0, patch: v.patch + 1) }
            b = [Bound(op: .ge, version: v), Bound(op: .lt, version: upper)]
        default:
            return nil
        }
        return (b, !pre.isEmpty)
    }
}
