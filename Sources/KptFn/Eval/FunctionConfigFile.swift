/// Reads a functionConfig file (`--fn-config`, Kptfile `configPath`) with kpt's checks.
public enum FunctionConfigFile {
    public static func load(_ path: String) throws -> YAMLNode {
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch {
            let what = error.op == "open" ? "open functionConfig from path" : "read functionConfig"
            throw FunctionError("failed to \(what) \"\(path)\": \(error)")
        }
        let docs: [YAMLNode]
        do { docs = try YAML.parse(bytes: bytes) } catch {
            throw FunctionError("failed to read functionConfig \"\(path)\": \(error)")
        }
        return try validate(docs, path: path)
    }

    /// Exactly one mapping with a `metadata.name`.
    public static func validate(_ docs: [YAMLNode], path: String) throws -> YAMLNode {
        if docs.count > 1 {
            throw FunctionError("functionConfig \"\(path)\" must not contain more than one config, got \(docs.count)")
        }
        guard let doc = docs.first else {
            throw FunctionError("functionConfig \"\(path)\" must not be empty")
        }
        let root = doc.fnRoot
        guard root.kind == .mapping else {
            throw FunctionError("failed to read functionConfig \"\(path)\": wrong node kind: expected MappingNode but got \(kindName(root))")
        }
        if root.fnString("metadata", "name").isEmpty {
            throw FunctionError("functionConfig \"\(path)\": resource must have `metadata.name`")
        }
        return root
    }

    private static func kindName(_ n: YAMLNode) -> String {
        switch n.kind {
        case .scalar: return "ScalarNode"
        case .sequence: return "SequenceNode"
        case .mapping: return "MappingNode"
        case .alias: return "AliasNode"
        case .document: return "DocumentNode"
        }
    }
}
