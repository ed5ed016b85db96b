/// Annotation keys the package reader stamps on every resource and the writer removes again
/// (kpt.md §4.2). Values are written single-quoted, as kyaml does.
public enum PackageAnnotation {
    public static let legacyIndex = "config.kubernetes.io/index"
    public static let legacyPath = "config.kubernetes.io/path"
    public static let index = "internal.config.kubernetes.io/index"
    public static let packagePath = "internal.config.kubernetes.io/package-path"
    public static let path = "internal.config.kubernetes.io/path"
    public static let seqIndent = "internal.config.kubernetes.io/seqindent"

    /// Keys removed before a resource is written to a file.
    public static let writerStripped = [legacyIndex, legacyPath, index, path, seqIndent]

    /// The resource's package-relative path (internal key first, then legacy).
    public static func path(of resource: YAMLNode) -> String? {
        resource.annotation(path) ?? resource.annotation(legacyPath)
    }

    /// The resource's index within its file (internal key first, then legacy).
    public static func index(of resource: YAMLNode) -> Int? {
        (resource.annotation(index) ?? resource.annotation(legacyIndex)).flatMap { Int($0) }
    }

    /// Sets an annotation with a single-quoted value; a new key is appended after the existing ones.
    static func stamp(_ resource: YAMLNode, _ key: String, _ value: String) {
        let annotations = resource.root.ensureMapping("metadata").ensureMapping("annotations")
        annotations.set(key, .string(value, style: .singleQuoted))
    }
}
