/// When to contact the registry for an image (kpt's `--image-pull-policy` values).
public enum ImagePullPolicy: String, Sendable, CaseIterable {
    /// Always resolve the reference at the registry; the module is downloaded only if its image changed.
    case always = "Always"
    /// Use the cached module for this reference if there is one.
    case ifNotPresent = "IfNotPresent"
    /// Never contact the registry; fail if the module is not cached.
    case never = "Never"

    /// Parses a flag value, case-insensitively (`Always`, `ifnotpresent`, ...).
    public init?(flag: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == flag.lowercased() }) else { return nil }
        self = match
    }
}
