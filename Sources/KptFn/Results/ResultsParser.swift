/// Reads a function's `results` (the SDK list form, or the legacy `{items: […]}` form) into `ResultItem`s.
public enum ResultsParser {
    public static func parse(_ node: YAMLNode?) -> [ResultItem] {
        guard var node = node else { return [] }
        if node.kind == .mapping, let items = node.fnValue("items") { node = items }
        guard node.kind == .sequence else { return [] }
        return node.content.compactMap(item)
    }

    private static func item(_ n: YAMLNode) -> ResultItem? {
        guard n.kind == .mapping else { return nil }
        var r = ResultItem(message: n.fnString("message"), severity: n.fnString("severity"))
        if let ref = n.fnValue("resourceRef"), ref.kind == .mapping {
            // Legacy refs carry name/namespace under metadata.
            r.resourceRef = .init(apiVersion: ref.fnString("apiVersion"), kind: ref.fnString("kind"),
                                  name: first(ref.fnString("name"), ref.fnString("metadata", "name")),
                                  namespace: first(ref.fnString("namespace"), ref.fnString("metadata", "namespace")))
        }
        if let f = n.fnValue("field"), f.kind == .mapping {
            r.field = .init(path: f.fnString("path"),
                            currentValue: scalarText(f.fnValue("currentValue")),
                            proposedValue: scalarText(f.fnValue("proposedValue") ?? f.fnValue("suggestedValue")))
        }
        if let f = n.fnValue("file"), f.kind == .mapping {
            r.file = .init(path: f.fnString("path"), index: Int(f.fnString("index")))
        }
        if let t = n.fnValue("tags"), t.kind == .mapping {
            r.tags = t.fnPairs.map { ($0.key, $0.value.value) }
        }
        return r
    }

    private static func first(_ a: String, _ b: String) -> String { a.isEmpty ? b : a }

    private static func scalarText(_ n: YAMLNode?) -> String? {
        guard let n = n, n.kind == .scalar, !n.isNull else { return nil }
        return n.value
    }
}
