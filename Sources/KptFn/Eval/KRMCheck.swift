/// kpt's check that every resource is a KRM object (kpt.md §3.7), kustomization files exempt.
public enum KRMCheck {
    /// Throws `<which> resource list must contain only KRM resources: <path>: resource must have …`.
    public static func check(_ items: [YAMLNode], which: String) throws {
        for item in items {
            let r = item.fnRoot
            if isKustomization(r) { continue }
            let missing: String?
            if r.fnString("apiVersion").isEmpty { missing = "apiVersion" }
            else if r.fnString("kind").isEmpty { missing = "kind" }
            else if r.fnString("metadata", "name").isEmpty { missing = "metadata.name" }
            else { missing = nil }
            if let field = missing {
                let path = KptAnnotations.path(of: item) ?? ""
                let prefix = path.isEmpty ? "" : path + ": "
                throw FunctionError("\(which) resource list must contain only KRM resources: \(prefix)resource must have `\(field)`")
            }
        }
    }

    static func isKustomization(_ r: YAMLNode) -> Bool {
        if let p = KptAnnotations.path(of: r) {
            let base = p.split(separator: "/").last.map(String.init) ?? p
            if ["kustomization.yaml", "kustomization.yml", "Kustomization"].contains(base) { return true }
        }
        let apiVersion = r.fnString("apiVersion")
        if apiVersion.hasPrefix("kustomize.config.k8s.io") { return true }
        return apiVersion.isEmpty && r.fnString("kind") == "Kustomization"
    }
}
