/// Entry points of the YAML layer: parse a stream into document nodes and serialize
/// documents back, formatted like kpt/kyaml (Go yaml.v3 encoder, indent 2).
public enum YAML {
    /// Sequence indentation when writing (kpt's `internal.config.kubernetes.io/seqindent`).
    public enum SequenceIndent: String, Sendable {
        /// `- ` at the parent key's column (kyaml's default when writing).
        case compact
        /// `- ` indented by 2 under the parent key (plain yaml.v3).
        case wide
    }

    /// Parses a YAML stream into `.document` nodes (comments attached like yaml.v3).
    /// Empty input, or input holding only comments, gives no documents.
    public static func parse(_ text: String) throws -> [YAMLNode] {
        try parse(bytes: Array(text.utf8))
    }

    /// CRLF line endings are read as LF (kpt normalises them before yaml.v3 sees the text).
    public static func parse(bytes: [UInt8]) throws -> [YAMLNode] {
        let bytes = bytes.contains(0x0D) ? normalizeLineEndings(bytes) : bytes
        let (documents, spans) = try YAMLParser.parse(bytes)
        YAMLCommentAttacher(source: bytes, spans: spans).attach()
        return documents
    }

    /// Parses input that must hold at most one document; returns its document node (nil if empty).
    public static func parseDocument(_ text: String) throws -> YAMLNode? {
        let docs = try parse(text)
        guard docs.count <= 1 else { throw YAMLError("expected a single document, found \(docs.count)") }
        return docs.first
    }

    /// Serializes documents as one stream; documents after the first are preceded by `---`.
    /// Each element may be a `.document` node or a bare root node.
    public static func serialize(_ documents: [YAMLNode], sequenceIndent: SequenceIndent = .wide) -> String {
        String(decoding: serializeBytes(documents, sequenceIndent: sequenceIndent), as: UTF8.self)
    }

    public static func serialize(_ document: YAMLNode, sequenceIndent: SequenceIndent = .wide) -> String {
        serialize([document], sequenceIndent: sequenceIndent)
    }

    public static func serializeBytes(_ documents: [YAMLNode], sequenceIndent: SequenceIndent = .wide) -> [UInt8] {
        serializeBytes(documents.map { ($0, sequenceIndent) })
    }

    /// Serializes documents with a sequence style per document (one yaml.v3 encoder whose
    /// style is switched between documents, as kyaml's writer does).
    public static func serializeBytes(_ documents: [(YAMLNode, SequenceIndent)]) -> [UInt8] {
        var builder = YAMLEventBuilder()
        for (doc, style) in documents { builder.document(doc, compactSequences: style == .compact) }
        var emitter = YAMLEmitter(indent: 2)
        emitter.emit(stream: builder.events)
        return emitter.out
    }
}
