/// One node of a YAML document tree, shaped like Go yaml.v3's `yaml.Node` so that
/// kpt's formatting rules (which are yaml.v3's) carry over one to one.
///
/// Nodes are reference types: `node.get("metadata")?.set("name", ...)` edits the tree
/// in place. Use `deepCopy()` before handing a tree to code that must not see edits.
public final class YAMLNode {
    public enum Kind: Sendable, Equatable {
        case document, sequence, mapping, scalar, alias
    }

    /// Presentation style bits (yaml.v3 `Style`).
    public struct Style: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The tag was written explicitly in the source (`!!str 1`, `!custom`).
        public static let tagged = Style(rawValue: 1)
        public static let doubleQuoted = Style(rawValue: 2)
        public static let singleQuoted = Style(rawValue: 4)
        public static let literal = Style(rawValue: 8)
        public static let folded = Style(rawValue: 16)
        /// `[a, b]` / `{a: b}` collections.
        public static let flow = Style(rawValue: 32)
    }

    public var kind: Kind
    public var style: Style
    /// Short tag (`!!str`, `!!int`, `!!map`, or a custom `!tag`). For untagged plain scalars
    /// this is the resolved type, as in yaml.v3.
    public var tag: String
    /// Scalar text, or the anchor name an alias refers to.
    public var value: String
    /// `&anchor` defined on this node ("" when none).
    public var anchor: String
    /// Children: the document root; sequence items; mapping keys and values interleaved.
    public var content: [YAMLNode]
    /// Comments including their `#`, lines joined with "\n" (yaml.v3 convention).
    public var headComment: String
    public var lineComment: String
    public var footComment: String
    /// 1-based source position (0 for nodes built in code).
    public var line: Int
    public var column: Int

    public init(kind: Kind, tag: String = "", value: String = "", style: Style = [],
                content: [YAMLNode] = [], anchor: String = "") {
        self.kind = kind
        self.tag = tag
        self.value = value
        self.style = style
        self.content = content
        self.anchor = anchor
        self.headComment = ""
        self.lineComment = ""
        self.footComment = ""
        self.line = 0
        self.column = 0
    }

    /// A plain `!!str` scalar (the emitter quotes it if it would read back as another type).
    public static func string(_ value: String, style: Style = []) -> YAMLNode {
        YAMLNode(kind: .scalar, tag: "!!str", value: value, style: style)
    }

    /// A scalar whose tag is resolved from its text like an unquoted YAML value (`3` -> `!!int`).
    public static func plain(_ value: String) -> YAMLNode {
        YAMLNode(kind: .scalar, tag: YAMLResolver.resolve(value), value: value)
    }

    public static func mapping(_ pairs: [(String, YAMLNode)] = [], style: Style = []) -> YAMLNode {
        var content: [YAMLNode] = []
        content.reserveCapacity(pairs.count * 2)
        for (k, v) in pairs { content.append(.string(k)); content.append(v) }
        return YAMLNode(kind: .mapping, tag: "!!map", style: style, content: content)
    }

    public static func sequence(_ items: [YAMLNode] = [], style: Style = []) -> YAMLNode {
        YAMLNode(kind: .sequence, tag: "!!seq", style: style, content: items)
    }

    public static func document(_ root: YAMLNode) -> YAMLNode {
        YAMLNode(kind: .document, content: [root])
    }

    /// A copy sharing no nodes with the original.
    public func deepCopy() -> YAMLNode { copy(content: content.map { $0.deepCopy() }) }

    /// Same fields, same children array (children not copied).
    func shallowCopy() -> YAMLNode { copy(content: content) }

    private func copy(content: [YAMLNode]) -> YAMLNode {
        let copy = YAMLNode(kind: kind, tag: tag, value: value, style: style, content: content, anchor: anchor)
        copy.headComment = headComment
        copy.lineComment = lineComment
        copy.footComment = footComment
        copy.line = line
        copy.column = column
        return copy
    }

    /// True for `null`, `~`, empty plain scalars (yaml.v3 `!!null`).
    public var isNull: Bool { kind == .scalar && tag == "!!null" }
}
