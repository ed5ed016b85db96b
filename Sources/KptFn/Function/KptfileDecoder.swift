/// Decodes and validates a Kptfile node with kpt's messages (kpt.md §5.2).
public enum KptfileDecoder {
    private static let functionFields: Set<String> = [
        "image", "exec", "tag", "name", "configPath", "configMap", "selectors", "exclude",
    ]
    private static let selectorFields: Set<String> = [
        "apiVersion", "kind", "name", "namespace", "labels", "annotations",
    ]

    /// `path` is the Kptfile path as shown in messages.
    public static func decode(_ document: YAMLNode, path: String) throws -> Kptfile {
        let root = document.fnRoot
        let apiVersion = root.fnString("apiVersion")
        if apiVersion == "kpt.dev/v1alpha1" || apiVersion == "kpt.dev/v1alpha2" {
            let version = String(apiVersion.dropFirst("kpt.dev/".count))
            throw FunctionError("Kptfile at \"\(path)\" has an old version (\"\(version)\") of the Kptfile schema.\n"
                + "Please update the package to the latest format by following https://kpt.dev/installation/migration.")
        }
        var kptfile = Kptfile(name: root.fnString("metadata", "name"),
                              annotations: root.fnValue(path: ["metadata", "annotations"])?.fnStringMap ?? [:])
        guard let pipeline = root.fnValue("pipeline"), pipeline.kind == .mapping else { return kptfile }
        kptfile.mutators = try functions(pipeline.fnValue("mutators"), field: "pipeline.mutators", path: path)
        kptfile.validators = try functions(pipeline.fnValue("validators"), field: "pipeline.validators", path: path)
        return kptfile
    }

    private static func functions(_ node: YAMLNode?, field: String, path: String) throws -> [PipelineFunction] {
        guard let node = node, !node.isNull else { return [] }
        guard node.kind == .sequence else { throw unreadable(path, "\(field) must be a list") }
        return try node.content.enumerated().map { i, n in try function(n, field: "\(field)[\(i)]", path: path) }
    }

    private static func function(_ n: YAMLNode, field: String, path: String) throws -> PipelineFunction {
        guard n.kind == .mapping else { throw unreadable(path, "\(field) must be a mapping") }
        for (key, _) in n.fnPairs where !functionFields.contains(key) {
            throw unreadable(path, "yaml: unmarshal errors:\n  line \(n.line): field \(key) not found in type v1.Function")
        }
        var f = PipelineFunction()
        f.image = optional(n, "image")
        f.exec = optional(n, "exec")
        f.tag = optional(n, "tag")
        f.name = optional(n, "name")
        if let cp = n.fnValue("configPath"), !cp.isNull { f.configPath = cp.value }
        if let cm = n.fnValue("configMap"), !cm.isNull {
            guard cm.kind == .mapping else { throw invalid(field + ".configMap", nil, "configMap must be a map of strings") }
            f.configMap = cm.fnPairs
        }
        f.selectors = try selectors(n.fnValue("selectors"), field: field + ".selectors", path: path)
        f.exclusions = try selectors(n.fnValue("exclude"), field: field + ".exclude", path: path)
        try validate(f, field: field)
        return f
    }

    private static func validate(_ f: PipelineFunction, field: String) throws {
        if f.image == nil && f.exec == nil {
            throw invalid(field, nil, "must specify a functon (`image` or `exec`) to execute")
        }
        if f.image != nil && f.exec != nil {
            throw invalid(field, nil, "must not specify both `image` and `exec` at the same time")
        }
        if let image = f.image {
            do { try ImageNames.validate(image) } catch {
                throw invalid(field + ".image", image, "function image reference \"\(image)\" is invalid")
            }
        }
        if f.configMap != nil && f.configPath != nil {
            throw invalid(field, nil, "functionConfig must not specify both `configMap` and `configPath` at the same time")
        }
        if let cp = f.configPath {
            if cp.isEmpty { throw invalid(field + ".configPath", cp, "path must not be empty") }
            if cp.hasPrefix("/") { throw invalid(field + ".configPath", cp, "path must be relative") }
            if cp.split(separator: "/").contains("..") {
                throw invalid(field + ".configPath", cp, "path must not be outside the package")
            }
        }
    }

    private static func selectors(_ node: YAMLNode?, field: String, path: String) throws -> [ResourceSelector] {
        guard let node = node, !node.isNull else { return [] }
        guard node.kind == .sequence else { throw unreadable(path, "\(field) must be a list") }
        return try node.content.map { s in
            for (key, _) in s.fnPairs where !selectorFields.contains(key) {
                throw unreadable(path, "yaml: unmarshal errors:\n  line \(s.line): field \(key) not found in type v1.Selector")
            }
            return ResourceSelector(apiVersion: s.fnString("apiVersion"), kind: s.fnString("kind"),
                                    name: s.fnString("name"), namespace: s.fnString("namespace"),
                                    labels: s.fnValue("labels")?.fnStringMap ?? [:],
                                    annotations: s.fnValue("annotations")?.fnStringMap ?? [:])
        }
    }

    private static func optional(_ n: YAMLNode, _ key: String) -> String? {
        guard let v = n.fnValue(key), v.kind == .scalar, !v.isNull else { return nil }
        return v.value
    }

    static func unreadable(_ path: String, _ details: String) -> FunctionError {
        FunctionError("Kptfile at \"\(path)\" can't be read.\n\nDetails:\n\(details)")
    }

    /// kpt's validation block: ``Kptfile is invalid:\nField: `<field>`\n[Value: "<v>"\n]Reason: <reason>``.
    static func invalid(_ field: String, _ value: String?, _ reason: String) -> FunctionError {
        var text = "Kptfile is invalid:\nField: `\(field)`\n"
        if let v = value { text += "Value: \"\(v)\"\n" }
        return FunctionError(text + "Reason: \(reason)")
    }
}
