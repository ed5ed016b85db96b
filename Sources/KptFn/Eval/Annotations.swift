/// Annotation keys kpt stamps on resources (kpt.md §4.2).
public enum KptAnnotations {
    public static let legacyIndex = "config.kubernetes.io/index"
    public static let legacyPath = "config.kubernetes.io/path"
    public static let index = "internal.config.kubernetes.io/index"
    public static let path = "internal.config.kubernetes.io/path"
    public static let seqIndent = "internal.config.kubernetes.io/seqindent"
    public static let packagePath = "internal.config.kubernetes.io/package-path"
    public static let migrationID = "internal.config.kubernetes.io/annotations-migration-resource-id"
    public static let id = "internal.config.kubernetes.io/id"
    public static let legacyID = "config.k8s.io/id"
    public static let resourceID = "internal.config.kubernetes.io/kpt-resource-id"

    /// The item's package-relative path (new key first, then legacy).
    public static func path(of item: YAMLNode) -> String? {
        item.fnAnnotation(path) ?? item.fnAnnotation(legacyPath)
    }

    public static func index(of item: YAMLNode) -> String? {
        item.fnAnnotation(index) ?? item.fnAnnotation(legacyIndex)
    }
}
