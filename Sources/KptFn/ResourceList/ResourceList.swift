/// The `config.kubernetes.io/v1` `ResourceList` exchanged with KRM functions (kpt.md §4.3-4.4).
///
/// Items are resource root mappings. A document node passed in is unwrapped to its root:
/// like kyaml, the ResourceList carries no document-level comments.
public struct ResourceList {
    public static let apiVersion = "config.kubernetes.io/v1"
    public static let kind = "ResourceList"

    public var items: [YAMLNode]
    public var functionConfig: YAMLNode?
    /// The `results` node as the function wrote it (a list, or the legacy `{items: [...]}` form).
    public var results: YAMLNode?

    public init(items: [YAMLNode], functionConfig: YAMLNode? = nil, results: YAMLNode? = nil) {
        self.items = items
        self.functionConfig = functionConfig
        self.results = results
    }

    /// The ResourceList document: keys `apiVersion`, `kind`, `items`, `functionConfig`
    /// (omitted when nil), `results` (omitted when nil).
    public var document: YAMLNode {
        var pairs: [(String, YAMLNode)] = [
            ("apiVersion", .string(Self.apiVersion)),
            ("kind", .string(Self.kind)),
            ("items", YAMLNode(kind: .sequence, tag: "!!seq", content: items.map(\.root))),
        ]
        if let functionConfig { pairs.append(("functionConfig", functionConfig.root)) }
        if let results { pairs.append(("results", results.root)) }
        return .document(.mapping(pairs))
    }

    /// The bytes kpt sends to a function: yaml.v3 encoding, indent 2, compact sequences.
    public func encode() -> [UInt8] {
        YAML.serializeBytes([document], sequenceIndent: .compact)
    }

    /// Parses a function's output that must be a ResourceList (or `List`) document.
    public static func decode(_ bytes: [UInt8]) throws -> ResourceList {
        let docs: [YAMLNode]
        do { docs = try documents(bytes) } catch {
            throw ResourceListError("invalid ResourceList: \(error)")
        }
        guard docs.count == 1 else {
            throw ResourceListError("invalid ResourceList: expected one YAML document, found \(docs.count)")
        }
        guard let list = try unwrap(docs[0].root, strict: true) else {
            throw ResourceListError("invalid ResourceList: no items or functionConfig")
        }
        return list
    }

    public static func decode(_ text: String) throws -> ResourceList { try decode(Array(text.utf8)) }

    /// kpt's reading of function output (kpt.md §4.4 step 1): a single ResourceList/List
    /// document with `items` or `functionConfig` is unwrapped; otherwise every document is an
    /// item and gets its ordinal as `config.kubernetes.io/index` and the internal index.
    public static func decodeOutput(_ bytes: [UInt8]) throws -> ResourceList {
        let docs: [YAMLNode]
        do { docs = try documents(bytes) } catch {
            throw ResourceListError("invalid function output: \(error)")
        }
        if docs.count == 1, let list = try unwrap(docs[0].root, strict: false) { return list }
        var items: [YAMLNode] = []
        for (i, doc) in docs.enumerated() {
            let root = doc.root
            guard root.kind == .mapping else {
                throw ResourceListError("invalid function output: document \(i) is \(describe(root)), expected a mapping")
            }
            root.setAnnotation("config.kubernetes.io/index", String(i))
            root.setAnnotation("internal.config.kubernetes.io/index", String(i))
            items.append(root)
        }
        return ResourceList(items: items)
    }

    /// The list's parts, or nil when `root` is not a ResourceList/List with items or
    /// functionConfig. `strict` reports why instead of returning nil.
    private static func unwrap(_ root: YAMLNode, strict: Bool) throws -> ResourceList? {
        func reject(_ why: String) throws -> ResourceList? {
            if strict { throw ResourceListError("invalid ResourceList: \(why)") }
            return nil
        }
        guard root.kind == .mapping else { return try reject("document is \(describe(root)), expected a mapping") }
        let kind = root.string(at: ["kind"])
        guard kind == Self.kind || kind == "List" else {
            return try reject(kind.map { "kind is \"\($0)\", expected \"ResourceList\"" } ?? "missing kind")
        }
        let items = root.get("items")
        let functionConfig = root.get("functionConfig")
        guard items != nil || functionConfig != nil else { return try reject("no items or functionConfig") }
        var list = ResourceList(items: [])
        if let items, !items.isNull {
            guard items.kind == .sequence else {
                throw ResourceListError("invalid ResourceList: items is \(describe(items)), expected a sequence")
            }
            for (i, item) in items.content.enumerated() where item.kind != .mapping {
                throw ResourceListError("invalid ResourceList: items[\(i)] is \(describe(item)), expected a mapping")
            }
            list.items = items.content
        }
        if let functionConfig, !functionConfig.isNull { list.functionConfig = functionConfig }
        if let results = root.get("results"), !results.isNull { list.results = results }
        return list
    }

    /// Documents split the way kyaml's ByteReader splits a function's output; empty and null
    /// documents are dropped.
    private static func documents(_ bytes: [UInt8]) throws -> [YAMLNode] {
        try YAML.parseResources(String(decoding: bytes, as: UTF8.self)).filter { !$0.root.isNull }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .document: return "a document"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        case .scalar: return node.isNull ? "null" : "a scalar (\(node.value.debugDescription))"
        }
    }
}
