/// A resource selector or exclusion (`--match-*` / `--exclude-*`, Kptfile `selectors:`/`exclude:`):
/// every non-empty field must equal the resource's value; labels/annotations must be a subset.
public struct ResourceSelector: Equatable, Sendable {
    public var apiVersion = "", kind = "", name = "", namespace = ""
    public var labels: [String: String] = [:]
    public var annotations: [String: String] = [:]

    public init(apiVersion: String = "", kind: String = "", name: String = "", namespace: String = "",
                labels: [String: String] = [:], annotations: [String: String] = [:]) {
        self.apiVersion = apiVersion; self.kind = kind; self.name = name; self.namespace = namespace
        self.labels = labels; self.annotations = annotations
    }

    public var isEmpty: Bool {
        apiVersion.isEmpty && kind.isEmpty && name.isEmpty && namespace.isEmpty && labels.isEmpty && annotations.isEmpty
    }

    public func matches(_ resource: YAMLNode) -> Bool {
        let r = resource.fnRoot
        if !apiVersion.isEmpty && r.fnString("apiVersion") != apiVersion { return false }
        if !kind.isEmpty && r.fnString("kind") != kind { return false }
        if !name.isEmpty && r.fnString("metadata", "name") != name { return false }
        if !namespace.isEmpty && r.fnString("metadata", "namespace") != namespace { return false }
        if !labels.isEmpty {
            let have = r.fnValue(path: ["metadata", "labels"])?.fnStringMap ?? [:]
            for (k, v) in labels where have[k] != v { return false }
        }
        if !annotations.isEmpty {
            let have = r.fnValue(path: ["metadata", "annotations"])?.fnStringMap ?? [:]
            for (k, v) in annotations where have[k] != v { return false }
        }
        return true
    }

    /// kpt's rule: selected when matching any selector (or when there are none), unless matching any exclusion.
    public static func isSelected(_ resource: YAMLNode, selectors: [ResourceSelector],
                                  exclusions: [ResourceSelector]) -> Bool {
        if !selectors.isEmpty && !selectors.contains(where: { $0.matches(resource) }) { return false }
        return !exclusions.contains { $0.matches(resource) }
    }
}
