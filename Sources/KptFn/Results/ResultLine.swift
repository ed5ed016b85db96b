/// kpt's one-line rendering of a result:
/// `[<severity>]` + ` <apiVersion>/<kind>/<namespace>/<name>` + ` <field.path>` + `: <message>`.
public enum ResultLine {
    public static func format(_ r: ResultItem) -> String {
        var line = "[\(r.severity.isEmpty ? "info" : r.severity)]"
        if let ref = r.resourceRef {
            let parts = [ref.apiVersion, ref.kind, ref.namespace, ref.name].filter { !$0.isEmpty }
            if !parts.isEmpty { line += " " + parts.joined(separator: "/") }
        }
        if let f = r.field, !f.path.isEmpty { line += " " + f.path }
        return line + ": " + r.message
    }
}
