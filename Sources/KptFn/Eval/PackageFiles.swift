import Foundation

/// Reading and writing resource files of a package directory (kpt.md §4.1, §4.5): the file walk,
/// the path/index/seqindent annotations, and write-back grouped by path.
/// Interim implementation for eval/render until the Package layer offers the same operations.
enum PackageFiles {
    /// Files read per package root, so write-back can delete files whose resources are gone.
    nonisolated(unsafe) static var filesRead: [String: Set<String>] = [:]

    static func isCandidate(_ name: String) -> Bool {
        name == "Kptfile" || name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
    }

    /// Relative paths of candidate files, in Go filepath.Walk order (byte-wise per directory).
    static func walk(root: String, includeSubpackages: Bool) -> [String] {
        var out: [String] = []
        func visit(_ rel: String, ignore: KrmIgnore) {
            let dir = rel.isEmpty ? root : root + "/" + rel
            var rules = ignore
            if let text = try? String(contentsOfFile: dir + "/.krmignore", encoding: .utf8) {
                rules = KrmIgnore(base: rel, text: text)
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for name in names {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                let full = root + "/" + childRel
                if let type = try? FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType,
                   type == .typeSymbolicLink { continue }
                if FileSystem.isDirectory(full) {
                    if rules.ignores(childRel, isDirectory: true) { continue }
                    if !includeSubpackages && FileSystem.exists(full + "/Kptfile") { continue }
                    visit(childRel, ignore: rules)
                } else if isCandidate(name) && !rules.ignores(childRel, isDirectory: false) {
                    out.append(childRel)
                }
            }
        }
        visit("", ignore: KrmIgnore(base: "", text: ""))
        return out
    }

    static func read(root: String, includeSubpackages: Bool) throws -> [YAMLNode] {
        var items: [YAMLNode] = []
        var files = Set<String>()
        for rel in walk(root: root, includeSubpackages: includeSubpackages) {
            let data = FileManager.default.contents(atPath: root + "/" + rel) ?? Data()
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            let docs: [YAMLNode]
            do { docs = try YAML.parse(text) } catch { throw FunctionError("\(rel): MalformedYAMLError: \(error)") }
            var index = 0
            for doc in docs where !doc.fnRoot.isNull && !(doc.fnRoot.kind == .mapping && doc.fnRoot.content.isEmpty) {
                let seq = SequenceStyle.detect(doc, text: text)
                let r = doc.fnRoot
                r.fnSetAnnotation(KptAnnotations.legacyIndex, String(index))
                r.fnSetAnnotation(KptAnnotations.legacyPath, rel)
                r.fnSetAnnotation(KptAnnotations.index, String(index))
                r.fnSetAnnotation(KptAnnotations.path, rel)
                r.fnSetAnnotation(KptAnnotations.seqIndent, seq)
                items.append(r)
                index += 1
            }
            if index > 0 { files.insert(rel) }
        }
        filesRead[root, default: []].formUnion(files)
        return items
    }

    /// Groups by path, sorts by index, strips the bookkeeping annotations and writes each file;
    /// files read earlier that no longer hold resources are deleted.
    static func write(root: String, items: [YAMLNode]) throws {
        let files = try serialize(items)
        for (rel, text) in files {
            let full = root + "/" + rel
            if FileSystem.isDirectory(full) { throw FunctionError("config.kubernetes.io/path cannot be a directory: \(rel)") }
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let data = Data(text.utf8)
            if FileManager.default.contents(atPath: full) != data {
                try data.write(to: URL(fileURLWithPath: full), options: .atomic)
            }
        }
        for rel in filesRead[root] ?? [] where files[rel] == nil {
            try? FileManager.default.removeItem(atPath: root + "/" + rel)
        }
    }

    /// File path → file text.
    static func serialize(_ items: [YAMLNode]) throws -> [String: String] {
        var groups: [String: [(index: Int, order: Int, node: YAMLNode)]] = [:]
        var maxIndex: [String: Int] = [:]
        for item in items {
            if let p = KptAnnotations.path(of: item), let i = KptAnnotations.index(of: item).flatMap(Int.init) {
                maxIndex[p] = max(maxIndex[p] ?? 0, i)
            }
        }
        for (order, item) in items.enumerated() {
            let path = KptAnnotations.path(of: item) ?? OutputReconciler.defaultPath(item)
            if path.hasPrefix("/") { throw FunctionError("package paths may not be absolute paths") }
            if path.split(separator: "/").contains("..") {
                throw FunctionError("resource must be written under package: \(path)")
            }
            let index: Int
            if let i = KptAnnotations.index(of: item).flatMap(Int.init) { index = i } else {
                index = (maxIndex[path] ?? 0) + 1
                maxIndex[path] = index
            }
            groups[path, default: []].append((index, order, item))
        }
        var out: [String: String] = [:]
        for (path, group) in groups {
            let sorted = group.sorted { $0.index != $1.index ? $0.index < $1.index : $0.order < $1.order }
            var docs: [String] = []
            for entry in sorted {
                let node = entry.node.deepCopy()
                let wide = node.fnAnnotation(KptAnnotations.seqIndent) == "wide"
                strip(node)
                docs.append(YAML.serialize(.document(node.fnRoot), sequenceIndent: wide ? .wide : .compact))
            }
            out[path] = docs.joined(separator: "---\n")
        }
        return out
    }

    static func strip(_ node: YAMLNode) {
        for key in [KptAnnotations.legacyIndex, KptAnnotations.legacyPath, KptAnnotations.index, KptAnnotations.path,
                    KptAnnotations.seqIndent, KptAnnotations.packagePath] {
            node.fnRemoveAnnotation(key)
        }
    }
}

/// gitignore-style `.krmignore` rules (the common subset: globs, `/`-anchored, trailing `/`, `!`).
struct KrmIgnore {
    var base: String
    var rules: [(pattern: String, negate: Bool, dirOnly: Bool, anchored: Bool)] = []

    init(base: String, text: String) {
        self.base = base
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negate = false
            if line.hasPrefix("!") { negate = true; line.removeFirst() }
            var dirOnly = false
            if line.hasSuffix("/") { dirOnly = true; line.removeLast() }
            let anchored = line.contains("/")
            if line.hasPrefix("/") { line.removeFirst() }
            rules.append((line, negate, dirOnly, anchored))
        }
    }

    func ignores(_ rel: String, isDirectory: Bool) -> Bool {
        guard let local = FilePaths.relative("/" + rel, to: "/" + base) else { return false }
        var ignored = false
        for r in rules {
            if r.dirOnly && !isDirectory { continue }
            let target = r.anchored ? local : (local.split(separator: "/").last.map(String.init) ?? local)
            if fnmatch(r.pattern, target, 0) == 0 { ignored = !r.negate }
        }
        return ignored
    }
}

/// kpt's `seqindent` detection: the first `- ` sequence item relative to its key.
enum SequenceStyle {
    static func detect(_ doc: YAMLNode, text: String) -> String {
        guard let seq = firstBlockSequence(doc.fnRoot) else { return "compact" }
        return seq.valueColumn > seq.keyColumn ? "wide" : "compact"
    }

    private static func firstBlockSequence(_ node: YAMLNode) -> (keyColumn: Int, valueColumn: Int)? {
        guard node.kind == .mapping else { return nil }
        var i = 0
        while i + 1 < node.content.count {
            let key = node.content[i], value = node.content[i + 1]
            if value.kind == .sequence, !value.style.contains(.flow), let first = value.content.first, first.column > 0 {
                // The item's node starts 2 columns after its `- ` indicator.
                return (key.column, first.column - 2)
            }
            if let inner = firstBlockSequence(value) { return inner }
            i += 2
        }
        return nil
    }
}
