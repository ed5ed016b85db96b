import CYAML

/// Builds `YAMLNode` trees from libyaml's event stream. libyaml drops comments, so the
/// builder records where every node starts and ends; `YAMLCommentAttacher` then reads the
/// comments back from the source text and hangs them on nodes the way yaml.v3 does.
struct YAMLParser {
    /// Source position of a node as libyaml reports it (character index, 0-based line/column).
    struct Mark { var index: Int; var line: Int; var column: Int }

    struct Span {
        let node: YAMLNode
        let start: Mark
        /// For collections: where libyaml closed them (the next token's position for block ones).
        var end: Mark
        let depth: Int
        /// Index of the parent's span (-1 for documents).
        let parent: Int
        /// True for mapping keys.
        let isKey: Bool
        /// Index of the owning document's span.
        let document: Int
    }

    /// Parses every document in `bytes`. Empty input gives no documents.
    static func parse(_ bytes: [UInt8]) throws -> (documents: [YAMLNode], spans: [Span]) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError("cannot initialize libyaml parser") }
        defer { yaml_parser_delete(&parser) }

        return try bytes.withUnsafeBufferPointer { buffer -> ([YAMLNode], [Span]) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            var documents: [YAMLNode] = []
            var spans: [Span] = []
            // Open containers: node + index of its span.
            var stack: [(node: YAMLNode, span: Int)] = []
            var anchors: Set<String> = []
            var event = yaml_event_t()

            func mark(_ m: yaml_mark_t) -> Mark { Mark(index: Int(m.index), line: Int(m.line), column: Int(m.column)) }
            func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String {
                guard let p else { return "" }
                return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
            }
            func add(_ node: YAMLNode, _ e: yaml_event_t) -> Int {
                let start = mark(e.start_mark)
                node.line = start.line + 1
                node.column = start.column + 1
                let parent = stack.last
                let isKey = parent.map { $0.node.kind == .mapping && $0.node.content.count % 2 == 0 } ?? false
                let document = stack.first?.span ?? spans.count
                spans.append(Span(node: node, start: start, end: mark(e.end_mark), depth: stack.count,
                                  parent: parent?.span ?? -1, isKey: isKey, document: document))
                parent?.node.content.append(node)
                return spans.count - 1
            }

            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw error(parser) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return (documents, spans)
                case YAML_DOCUMENT_START_EVENT:
                    let doc = YAMLNode(kind: .document)
                    let i = add(doc, event)
                    doc.line = 0
                    doc.column = 0
                    stack.append((doc, i))
                    anchors = []
                case YAML_DOCUMENT_END_EVENT:
                    let (doc, i) = stack.removeLast()
                    spans[i].end = mark(event.end_mark)
                    documents.append(doc)
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    let isMap = event.type == YAML_MAPPING_START_EVENT
                    let rawTag = isMap ? string(event.data.mapping_start.tag) : string(event.data.sequence_start.tag)
                    let anchor = isMap ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                    let flow = isMap ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                     : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                    let node = YAMLNode(kind: isMap ? .mapping : .sequence, tag: isMap ? "!!map" : "!!seq",
                                        style: flow ? .flow : [], anchor: anchor)
                    if !rawTag.isEmpty && rawTag != "!" {
                        node.tag = YAMLTags.short(rawTag)
                        node.style.insert(.tagged)
                    }
                    if !anchor.isEmpty { anchors.insert(anchor) }
                    let i = add(node, event)
                    stack.append((node, i))
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    let (_, i) = stack.removeLast()
                    spans[i].end = mark(event.end_mark)
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                    let node = YAMLNode(kind: .scalar, value: value, anchor: string(s.anchor))
                    switch s.style {
                    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: node.style = .doubleQuoted
                    case YAML_SINGLE_QUOTED_SCALAR_STYLE: node.style = .singleQuoted
                    case YAML_LITERAL_SCALAR_STYLE: node.style = .literal
                    case YAML_FOLDED_SCALAR_STYLE: node.style = .folded
                    default: break
                    }
                    let rawTag = string(s.tag)
                    if !rawTag.isEmpty && rawTag != "!" {
                        node.tag = YAMLTags.short(rawTag)
                        node.style.insert(.tagged)
                    } else if !node.style.isEmpty {
                        node.tag = "!!str"
                    } else {
                        node.tag = value == "<<" ? "!!merge" : YAMLResolver.resolve(value)
                    }
                    if !node.anchor.isEmpty { anchors.insert(node.anchor) }
                    _ = add(node, event)
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor)
                    guard anchors.contains(name) else {
                        // yaml.v3 reports this one without a line number.
                        throw YAMLError("unknown anchor '\(name)' referenced", offset: Int(event.start_mark.index))
                    }
                    _ = add(YAMLNode(kind: .alias, value: name), event)
                default:
                    break
                }
            }
        }
    }

    /// yaml.v3's error wording: the context line if known, else the problem line.
    private static func error(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        var line = 0
        if parser.context_mark.line != 0 {
            line = Int(parser.context_mark.line)
            if parser.error == YAML_SCANNER_ERROR { line += 1 }
        } else if parser.problem_mark.line != 0 {
            line = Int(parser.problem_mark.line)
            if parser.error == YAML_SCANNER_ERROR { line += 1 }
        }
        return YAMLError(problem, line: line, offset: Int(parser.problem_mark.index))
    }
}
