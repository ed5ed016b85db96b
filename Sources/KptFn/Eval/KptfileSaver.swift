import Foundation

/// `kpt fn eval --save -t mutator|validator`: add or replace the function in the package Kptfile
/// (kpt.md §3.5), keeping the Kptfile's comments and key order.
enum KptfileSaver {
    static func save(request: EvalRequest, type: String, packageRoot: String, io: FunctionIO) throws {
        let path = packageRoot + "/Kptfile"
        guard let data = FileManager.default.contents(atPath: path) else {
            io.writeStderr("function not added: Kptfile not exists\n")
            return
        }
        let docs = try YAML.parse(bytes: [UInt8](data))
        guard let doc = docs.first, doc.fnRoot.kind == .mapping else {
            throw FunctionError("Kptfile at \"\(path)\" can't be read.")
        }
        let root = doc.fnRoot
        var pipeline = root.fnValue("pipeline")
        if pipeline == nil || pipeline!.kind != .mapping { pipeline = .mapping(); root.fnSet("pipeline", pipeline!) }
        let listKey = type == "mutator" ? "mutators" : "validators"
        var list = pipeline!.fnValue(listKey)
        if list == nil || list!.kind != .sequence { list = .sequence(); pipeline!.fnSet(listKey, list!) }

        let entry = try makeEntry(request, packageRoot: packageRoot)
        let identity: (String, String) = {
            switch request.function {
            case .image(let i): return ("image", i)
            case .exec(let e): return ("exec", e)
            }
        }()
        let verb: String
        if let i = list!.content.firstIndex(where: { $0.fnString(identity.0) == identity.1 }) {
            list!.content[i] = entry
            verb = "Updated"
        } else {
            list!.content.append(entry)
            verb = "Added"
        }
        let style = SequenceIndentStyle.detect(String(decoding: data, as: UTF8.self))
        let text = YAML.serialize(docs, sequenceIndent: style)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        io.writeStderr("\(verb) \"\(identity.1)\" as \(type) in the Kptfile.\n")
    }

    private static func makeEntry(_ request: EvalRequest, packageRoot: String) throws -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        switch request.function {
        case .image(let i):
            pairs.append(("image", .string(i)))
            if let tag = request.save?.tag { pairs.append(("tag", .string(tag))) }
        case .exec(let e):
            pairs.append(("exec", .string(e)))
        }
        if let configPath = request.fnConfigPath {
            guard let rel = FilePaths.relative(FileSystem.absolute(configPath), to: packageRoot) else {
                throw FunctionError("--fn-config must be under \(packageRoot) if saving functions to Kptfile (--save=true)")
            }
            pairs.append(("configPath", .string(rel)))
        } else {
            var args = request.functionArguments
            if let first = args.first, !first.contains("=") { args.removeFirst() }
            if !args.isEmpty {
                let data = try ConfigMapArguments.functionConfig(args).fnValue("data")!
                data.style = []
                pairs.append(("configMap", data))
            }
        }
        if let s = request.selector { pairs.append(("selectors", .sequence([selectorNode(s)]))) }
        if let e = request.exclusion { pairs.append(("exclude", .sequence([selectorNode(e)]))) }
        return .mapping(pairs)
    }

    private static func selectorNode(_ s: ResourceSelector) -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        for (k, v) in [("apiVersion", s.apiVersion), ("kind", s.kind), ("name", s.name), ("namespace", s.namespace)]
        where !v.isEmpty { pairs.append((k, .string(v))) }
        if !s.labels.isEmpty { pairs.append(("labels", .mapping(s.labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))) }
        if !s.annotations.isEmpty {
            pairs.append(("annotations", .mapping(s.annotations.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .mapping(pairs)
    }
}
