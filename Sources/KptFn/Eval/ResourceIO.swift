import Foundation

/// The one place where eval/render touch the YAML and package layers: ResourceList wrapping
/// and unwrapping, and package/stdin reading and writing.
public enum ResourceIO {
    /// The ResourceList kpt sends to a function (kpt.md §4.3): compact sequences, items as read.
    public static func encodeResourceList(items: [YAMLNode], functionConfig: YAMLNode?) -> [UInt8] {
        ResourceList(items: items, functionConfig: functionConfig).encode()
    }

    /// A function's output: a ResourceList/List document (items + results), or bare documents
    /// that each become an item with their ordinal as index (kpt.md §4.4 step 1).
    public static func decodeFunctionOutput(_ bytes: [UInt8]) throws -> (items: [YAMLNode], results: YAMLNode?) {
        do {
            let list = try ResourceList.decodeOutput(bytes)
            return (list.items, list.results)
        } catch {
            throw FunctionError("failed to parse function output: \(error)")
        }
    }

    /// `items`/`results` of a ResourceList or List document; nil for anything else.
    static func unwrap(_ root: YAMLNode) -> (items: [YAMLNode], results: YAMLNode?)? {
        let kind = root.fnString("kind")
        guard kind == "ResourceList" || kind == "List",
              root.fnValue("items") != nil || root.fnValue("functionConfig") != nil else { return nil }
        let items = root.fnValue("items").map { $0.kind == .sequence ? $0.content : [] } ?? []
        return (items, root.fnValue("results"))
    }

    /// Resources read from stdin (`fn eval -`): a ResourceList/List is unwrapped, otherwise every
    /// document is an item; each gets its ordinal as index and a seqindent annotation.
    public static func readStream(_ bytes: [UInt8]) throws -> [YAMLNode] {
        let docs: [YAMLNode]
        do { docs = try YAML.parse(bytes: bytes) } catch { throw FunctionError("MalformedYAMLError: \(error)") }
        let items: [YAMLNode]
        if docs.count == 1, let wrapped = unwrap(docs[0].fnRoot) { items = wrapped.items } else { items = docs.map(\.fnRoot) }
        for (i, item) in items.enumerated() {
            if item.fnAnnotation(KptAnnotations.index) == nil && item.fnAnnotation(KptAnnotations.legacyIndex) == nil {
                item.fnSetAnnotation(KptAnnotations.legacyIndex, String(i))
                item.fnSetAnnotation(KptAnnotations.index, String(i))
            }
            if item.fnAnnotation(KptAnnotations.seqIndent) == nil {
                item.fnSetAnnotation(KptAnnotations.seqIndent, "compact")
            }
        }
        return items
    }

    /// `-o stdout`: one ResourceList with the items, annotations kept.
    public static func resourceListText(_ items: [YAMLNode]) -> String {
        String(decoding: encodeResourceList(items: items, functionConfig: nil), as: UTF8.self)
    }
}

/// Whether a wasm module's `processResourceList` result is a ResourceList (kpt.md §1.4 step 7).
public enum ResourceListCheck {
    public enum Verdict: Equatable { case resourceList, notResourceList, malformed(String) }

    public static func check(_ text: String) -> Verdict {
        do {
            guard let doc = try YAML.parseDocument(text) else { return .notResourceList }
            return doc.fnRoot.fnString("kind") == "ResourceList" ? .resourceList : .notResourceList
        } catch {
            return .malformed("yaml: \(error)")
        }
    }
}

extension ResourceIO {
    /// Files that held resources when a package root was read, so write-back can delete the
    /// ones whose resources are gone.
    nonisolated(unsafe) private static var filesRead: [String: Set<String>] = [:]

    /// Resources of a package directory with path/index/seqindent annotations.
    public static func readPackage(root: String, includeSubpackages: Bool) throws -> [YAMLNode] {
        let (resources, files) = try PackageReader(root: root, includeSubpackages: includeSubpackages).read()
        filesRead[root, default: []].formUnion(files)
        return resources
    }

    /// Writes resources back into the package by their path annotations.
    public static func writePackage(root: String, items: [YAMLNode]) throws {
        try PackageWriter(root: root).write(items, previousFiles: Array(filesRead[root] ?? []))
    }

    /// `-o unwrap`: multi-document YAML without path/index/seqindent annotations.
    public static func unwrappedText(_ items: [YAMLNode]) -> String {
        String(decoding: ResourceFileFormatter.format(items, path: "unwrap.yaml"), as: UTF8.self)
    }

    /// `-o DIR`: a new directory laid out by the path annotations.
    public static func writeDirectory(_ dir: String, items: [YAMLNode]) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        try PackageWriter(root: FileSystem.absolute(dir)).write(items)
    }
}
