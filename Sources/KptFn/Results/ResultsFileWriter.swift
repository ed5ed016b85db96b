import Foundation

/// Writes `<results-dir>/results.yaml`: a kpt.dev/v1 FunctionResultList with wide sequences.
public enum ResultsFileWriter {
    public static func yaml(_ list: FunctionResultList) -> String {
        var out = "apiVersion: kpt.dev/v1\nkind: FunctionResultList\nmetadata:\n  name: fnresults\n"
        out += "exitCode: \(list.exitCode)\n"
        guard !list.items.isEmpty else { return out }
        out += "items:\n"
        for item in list.items {
            var fields: [String] = []
            switch item.reference {
            case .image(let i): fields.append("image: " + YAMLScalar.quoted(i, indent: "      "))
            case .exec(let e): fields.append("exec: " + YAMLScalar.quoted(e, indent: "      "))
            }
            if !item.stderr.isEmpty { fields.append("stderr: " + YAMLScalar.quoted(item.stderr, indent: "      ")) }
            fields.append("exitCode: \(item.exitCode)")
            if !item.results.isEmpty {
                var r = "results:"
                for result in item.results { r += "\n" + resultYAML(result, indent: "      ") }
                fields.append(r)
            }
            out += "  - " + fields.joined(separator: "\n    ") + "\n"
        }
        return out
    }

    private static func resultYAML(_ r: ResultItem, indent: String) -> String {
        let inner = indent + "  "
        var lines: [String] = ["message: " + YAMLScalar.quoted(r.message, indent: inner + "  ")]
        if !r.severity.isEmpty { lines.append("severity: " + YAMLScalar.quoted(r.severity, indent: inner)) }
        if let ref = r.resourceRef {
            var sub: [String] = []
            for (k, v) in [("apiVersion", ref.apiVersion), ("kind", ref.kind), ("name", ref.name), ("namespace", ref.namespace)]
            where !v.isEmpty { sub.append("\(k): " + YAMLScalar.quoted(v, indent: inner + "    ")) }
            lines.append("resourceRef:" + sub.map { "\n" + inner + "  " + $0 }.joined())
        }
        if let f = r.field {
            var sub: [String] = []
            if !f.path.isEmpty { sub.append("path: " + YAMLScalar.quoted(f.path, indent: inner + "    ")) }
            if let c = f.currentValue { sub.append("currentValue: " + YAMLScalar.quoted(c, indent: inner + "    ")) }
            if let p = f.proposedValue { sub.append("proposedValue: " + YAMLScalar.quoted(p, indent: inner + "    ")) }
            lines.append("field:" + sub.map { "\n" + inner + "  " + $0 }.joined())
        }
        if let f = r.file {
            var sub: [String] = []
            if !f.path.isEmpty { sub.append("path: " + YAMLScalar.quoted(f.path, indent: inner + "    ")) }
            if let i = f.index { sub.append("index: \(i)") }
            lines.append("file:" + sub.map { "\n" + inner + "  " + $0 }.joined())
        }
        if !r.tags.isEmpty {
            lines.append("tags:" + r.tags.map {
                "\n" + inner + "  " + YAMLScalar.quoted($0.key, indent: inner) + ": " + YAMLScalar.quoted($0.value, indent: inner + "    ")
            }.joined())
        }
        return indent + "- " + lines.joined(separator: "\n" + inner)
    }

    /// Creates the directory (kpt does so up-front) and writes results.yaml atomically.
    public static func write(_ list: FunctionResultList, toDirectory dir: String) throws -> String {
        let path = (dir as NSString).appendingPathComponent("results.yaml")
        do {
            try Data(yaml(list).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FunctionError("failed to write results to \"\(path)\": \(error.localizedDescription)")
        }
        return path
    }

    /// `cannot read or create results dir "<d>": …`
    public static func prepareDirectory(_ dir: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            if isDir.boolValue { return }
            throw FunctionError("cannot read or create results dir \"\(dir)\": mkdir \(dir): not a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw FunctionError("cannot read or create results dir \"\(dir)\": \(error.localizedDescription)")
        }
    }
}
