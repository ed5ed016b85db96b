/// `kpt fn eval … -- key=value …` → the ConfigMap functionConfig kpt builds (kpt.md §3.2):
/// name `function-input`, flow-style `data`, keys ordered metadata, data, kind, apiVersion.
public enum ConfigMapArguments {
    public static func functionConfig(_ arguments: [String]) throws -> YAMLNode {
        var kind = "ConfigMap"
        var keys: [String] = []
        var values: [String: String] = [:]
        for (i, arg) in arguments.enumerated() {
            guard let eq = arg.firstIndex(of: "=") else {
                if i == 0 { kind = arg; continue }
                throw FunctionError("args must have keys and values separated by =")
            }
            let key = String(arg[..<eq]), value = String(arg[arg.index(after: eq)...])
            if values[key] == nil { keys.append(key) }
            values[key] = value
        }
        let data = YAMLNode.mapping(keys.map { ($0, YAMLNode.string(values[$0]!)) }, style: .flow)
        return .mapping([
            ("metadata", .mapping([("name", .string("function-input"))])),
            ("data", data),
            ("kind", .string(kind)),
            ("apiVersion", .string("v1")),
        ])
    }

    /// A Kptfile `configMap:` (render): apiVersion v1, kind ConfigMap, metadata.name function-input, data.
    public static func functionConfig(configMap pairs: [(key: String, value: YAMLNode)]) -> YAMLNode {
        let data = YAMLNode.mapping(pairs.map { ($0.key, YAMLNode.string($0.value.value)) })
        return .mapping([
            ("apiVersion", .string("v1")),
            ("kind", .string("ConfigMap")),
            ("metadata", .mapping([("name", .string("function-input"))])),
            ("data", data),
        ])
    }
}
