/// Path arithmetic on slash-separated absolute paths.
public enum FilePaths {
    /// `path` relative to `base` when inside it, else nil.
    public static func relative(_ path: String, to base: String) -> String? {
        let b = base.hasSuffix("/") ? String(base.dropLast()) : base
        if path == b { return "." }
        guard path.hasPrefix(b + "/") else { return nil }
        return String(path.dropFirst(b.count + 1))
    }

    /// Joins, dropping `.` components.
    public static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || a == "." { return b }
        if b.isEmpty || b == "." { return a }
        return a + "/" + b
    }
}
