/// Writes serialization events as YAML text with the exact layout of Go yaml.v3's emitter
/// (libyaml's emitter plus yaml.v3's comment placement and indentation changes), so that
/// our output is byte-identical to what kpt/kyaml writes.
///
/// A document's `compactSequences` flag puts the `- ` of a block sequence that is a mapping
/// value at the key's column (kyaml's default when writing) instead of indenting it.
struct YAMLEmitter {
    private enum State {
        case streamStart, firstDocumentStart, documentStart, documentContent, documentEnd
        case flowSequenceFirstItem, flowSequenceTrailItem, flowSequenceItem
        case flowMappingFirstKey, flowMappingTrailKey, flowMappingKey
        case flowMappingSimpleValue, flowMappingValue
        case blockSequenceFirstItem, blockSequenceItem
        case blockMappingFirstKey, blockMappingKey, blockMappingSimpleValue, blockMappingValue
        case end
    }

    let bestIndent: Int
    /// Set per document from its DOCUMENT-START event.
    private var compactSequences = false
    private(set) var out: [UInt8] = []

    private var events: [YAMLEmitEvent] = []
    private var head = 0
    private var state: State = .streamStart
    private var states: [State] = []
    private var indents: [Int] = []
    private var indent = -1
    private var flowLevel = 0
    private var rootContext = false, sequenceContext = false, mappingContext = false, simpleKeyContext = false
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var openEnded = false
    private var footIndent = -1

    private var headComment: [UInt8] = []
    private var lineComment: [UInt8] = []
    private var footComment: [UInt8] = []
    private var tailComment: [UInt8] = []
    private var keyLineComment: [UInt8] = []

    private var anchorData: (anchor: [UInt8], alias: Bool)? = nil
    private var tagHandle: [UInt8] = []
    private var tagSuffix: [UInt8] = []
    private var scalarValue: [UInt8] = []
    private var scalarAnalysis = YAMLScalarAnalysis()
    private var scalarStyle: YAMLEmitEvent.ScalarStyle = .plain

    init(indent: Int = 2) {
        self.bestIndent = (indent < 2 || indent > 9) ? 2 : indent
    }

    /// Emits a whole stream (STREAM-START ... STREAM-END are added here).
    mutating func emit(stream: [YAMLEmitEvent]) {
        events = [YAMLEmitEvent(.streamStart)] + stream + [YAMLEmitEvent(.streamEnd)]
        out.reserveCapacity(stream.count * 16)
        head = 0
        while head < events.count {
            analyze(events[head])
            step(events[head])
            head += 1
        }
    }

    // MARK: - Event analysis

    private mutating func analyze(_ e: YAMLEmitEvent) {
        anchorData = nil
        tagHandle = []
        tagSuffix = []
        scalarValue = []
        if !e.headComment.isEmpty { headComment = e.headComment }
        if !e.lineComment.isEmpty { lineComment = e.lineComment }
        if !e.footComment.isEmpty { footComment = e.footComment }
        if !e.tailComment.isEmpty { tailComment = e.tailComment }
        switch e.kind {
        case .alias:
            anchorData = (e.anchor, true)
        case .scalar:
            if !e.anchor.isEmpty { anchorData = (e.anchor, false) }
            if !e.tag.isEmpty && !e.implicit { analyzeTag(e.tag) }
            scalarValue = e.value
            scalarAnalysis = YAMLScalarAnalysis(e.value)
        case .sequenceStart, .mappingStart:
            if !e.anchor.isEmpty { anchorData = (e.anchor, false) }
            if !e.tag.isEmpty && !e.implicit { analyzeTag(e.tag) }
        default:
            break
        }
    }

    private mutating func analyzeTag(_ tag: [UInt8]) {
        let secondary = Array(YAMLTags.longPrefix.utf8)
        if tag.starts(with: secondary) {
            tagHandle = Array("!!".utf8)
            tagSuffix = Array(tag[secondary.count...])
        } else if tag.first == UInt8(ascii: "!") {
            tagHandle = [UInt8(ascii: "!")]
            tagSuffix = Array(tag.dropFirst())
        } else {
            tagSuffix = tag
        }
    }

    // MARK: - State machine

    private mutating func step(_ e: YAMLEmitEvent) {
        switch state {
        case .streamStart:
            indent = -1
            column = 0
            whitespace = true
            indention = true
            footIndent = -1
            state = .firstDocumentStart
        case .firstDocumentStart: documentStart(e, first: true)
        case .documentStart: documentStart(e, first: false)
        case .documentContent:
            states.append(.documentEnd)
            processHeadComment()
            node(e, root: true, sequence: false, mapping: false, simpleKey: false)
            processLineComment()
            processFootComment()
        case .documentEnd: documentEnd(e)
        case .flowSequenceFirstItem: flowSequenceItem(e, first: true, trail: false)
        case .flowSequenceTrailItem: flowSequenceItem(e, first: false, trail: true)
        case .flowSequenceItem: flowSequenceItem(e, first: false, trail: false)
        case .flowMappingFirstKey: flowMappingKey(e, first: true, trail: false)
        case .flowMappingTrailKey: flowMappingKey(e, first: false, trail: true)
        case .flowMappingKey: flowMappingKey(e, first: false, trail: false)
        case .flowMappingSimpleValue: flowMappingValue(e, simple: true)
        case .flowMappingValue: flowMappingValue(e, simple: false)
        case .blockSequenceFirstItem: blockSequenceItem(e, first: true)
        case .blockSequenceItem: blockSequenceItem(e, first: false)
        case .blockMappingFirstKey: blockMappingKey(e, first: true)
        case .blockMappingKey: blockMappingKey(e, first: false)
        case .blockMappingSimpleValue: blockMappingValue(e, simple: true)
        case .blockMappingValue: blockMappingValue(e, simple: false)
        case .end: break
        }
    }

    private mutating func popState() { state = states.removeLast() }
    private mutating func popIndent() { indent = indents.removeLast() }

    private mutating func increaseIndent(flow: Bool, indentless: Bool, compactSequence: Bool = false) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            if states.last == .blockSequenceItem {
                indent += 2
            } else {
                indent = bestIndent * ((indent + bestIndent) / bestIndent)
                if compactSequence { indent -= 2 }
            }
        }
    }

    private mutating func documentStart(_ e: YAMLEmitEvent, first: Bool) {
        if e.kind == .documentStart {
            compactSequences = e.compactSequences
            if !first {
                writeIndent()
                writeIndicator(Array("---".utf8), needWhitespace: true, isWhitespace: false, isIndention: false)
                writeIndent()
            }
            if !headComment.isEmpty {
                processHeadComment()
                putBreak()
            }
            state = .documentContent
        } else {
            if openEnded {
                writeIndicator(Array("...".utf8), needWhitespace: true, isWhitespace: false, isIndention: false)
                writeIndent()
            }
            state = .end
        }
    }

    private mutating func documentEnd(_ e: YAMLEmitEvent) {
        footIndent = 0
        processFootComment()
        footIndent = -1
        writeIndent()
        state = .documentStart
    }

    private mutating func flowSequenceItem(_ e: YAMLEmitEvent, first: Bool, trail: Bool) {
        if first { openFlow(UInt8(ascii: "[")) }
        if e.kind == .sequenceEnd {
            flowLevel -= 1
            popIndent()
            if column == 0 { writeIndent() }
            closeFlow(UInt8(ascii: "]"))
            return
        }
        startFlowEntry(first: first, trail: trail)
        states.append(commentsPending ? .flowSequenceTrailItem : .flowSequenceItem)
        node(e, root: false, sequence: true, mapping: false, simpleKey: false)
        endFlowEntry()
    }

    private mutating func flowMappingKey(_ e: YAMLEmitEvent, first: Bool, trail: Bool) {
        if first { openFlow(UInt8(ascii: "{")) }
        if e.kind == .mappingEnd {
            if (!headComment.isEmpty || !footComment.isEmpty || !tailComment.isEmpty) && !first && !trail { writeComma() }
            processHeadComment()
            flowLevel -= 1
            popIndent()
            closeFlow(UInt8(ascii: "}"))
            return
        }
        startFlowEntry(first: first, trail: trail)
        if checkSimpleKey() {
            states.append(.flowMappingSimpleValue)
            node(e, root: false, sequence: false, mapping: true, simpleKey: true)
        } else {
            writeIndicator([UInt8(ascii: "?")], needWhitespace: true, isWhitespace: false, isIndention: false)
            states.append(.flowMappingValue)
            node(e, root: false, sequence: false, mapping: true, simpleKey: false)
        }
    }

    private mutating func flowMappingValue(_ e: YAMLEmitEvent, simple: Bool) {
        writeIndicator([UInt8(ascii: ":")], needWhitespace: !simple, isWhitespace: false, isIndention: false)
        states.append(commentsPending ? .flowMappingTrailKey : .flowMappingKey)
        node(e, root: false, sequence: false, mapping: true, simpleKey: false)
        endFlowEntry()
    }

    // MARK: flow collection pieces shared by sequences and mappings

    private mutating func openFlow(_ bracket: UInt8) {
        writeIndicator([bracket], needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        flowLevel += 1
    }

    private mutating func closeFlow(_ bracket: UInt8) {
        writeIndicator([bracket], needWhitespace: false, isWhitespace: false, isIndention: false)
        processLineComment()
        processFootComment()
        popState()
    }

    private mutating func writeComma() {
        writeIndicator([UInt8(ascii: ",")], needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// Comments still to write after the current node: the entry's comma must come before them.
    private var commentsPending: Bool { !lineComment.isEmpty || !footComment.isEmpty || !tailComment.isEmpty }

    private mutating func startFlowEntry(first: Bool, trail: Bool) {
        if !first && !trail { writeComma() }
        processHeadComment()
        if column == 0 { writeIndent() }
    }

    private mutating func endFlowEntry() {
        if commentsPending { writeComma() }
        processLineComment()
        processFootComment()
    }

    private mutating func blockSequenceItem(_ e: YAMLEmitEvent, first: Bool) {
        if first {
            let compact = compactSequences && mappingContext && (column == 0 || !indention)
            increaseIndent(flow: false, indentless: false, compactSequence: compact)
        }
        if e.kind == .sequenceEnd {
            popIndent()
            popState()
            return
        }
        processHeadComment()
        writeIndent()
        writeIndicator([UInt8(ascii: "-")], needWhitespace: true, isWhitespace: false, isIndention: true)
        states.append(.blockSequenceItem)
        node(e, root: false, sequence: true, mapping: false, simpleKey: false)
        processLineComment()
        processFootComment()
    }

    private mutating func blockMappingKey(_ e: YAMLEmitEvent, first: Bool) {
        if first { increaseIndent(flow: false, indentless: false) }
        processHeadComment()
        if e.kind == .mappingEnd {
            popIndent()
            popState()
            return
        }
        writeIndent()
        if !lineComment.isEmpty {
            // A line comment on a key is written after the `:` (or after the nested block's key).
            keyLineComment = lineComment
            lineComment = []
        }
        if checkSimpleKey() {
            states.append(.blockMappingSimpleValue)
            node(e, root: false, sequence: false, mapping: true, simpleKey: true)
        } else {
            writeIndicator([UInt8(ascii: "?")], needWhitespace: true, isWhitespace: false, isIndention: true)
            states.append(.blockMappingValue)
            node(e, root: false, sequence: false, mapping: true, simpleKey: false)
        }
    }

    private mutating func blockMappingValue(_ e: YAMLEmitEvent, simple: Bool) {
        if simple {
            writeIndicator([UInt8(ascii: ":")], needWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
            writeIndent()
            writeIndicator([UInt8(ascii: ":")], needWhitespace: true, isWhitespace: false, isIndention: true)
        }
        if !keyLineComment.isEmpty {
            if e.kind == .scalar {
                if lineComment.isEmpty {
                    lineComment = keyLineComment
                    keyLineComment = []
                }
            } else if !e.flow && (e.kind == .mappingStart || e.kind == .sequenceStart) {
                swap(&lineComment, &keyLineComment)
                processLineComment()
                swap(&lineComment, &keyLineComment)
            }
        }
        states.append(.blockMappingKey)
        node(e, root: false, sequence: false, mapping: true, simpleKey: false)
        processLineComment()
        processFootComment()
    }

    private mutating func node(_ e: YAMLEmitEvent, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool) {
        rootContext = root
        sequenceContext = sequence
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch e.kind {
        case .alias:
            processAnchor()
            popState()
        case .scalar:
            selectScalarStyle(e)
            processAnchor()
            processTag()
            increaseIndent(flow: true, indentless: false)
            processScalar()
            popIndent()
            popState()
        case .sequenceStart:
            processAnchor()
            processTag()
            state = (flowLevel > 0 || e.flow || checkEmpty(.sequenceStart, .sequenceEnd))
                ? .flowSequenceFirstItem : .blockSequenceFirstItem
        case .mappingStart:
            processAnchor()
            processTag()
            state = (flowLevel > 0 || e.flow || checkEmpty(.mappingStart, .mappingEnd))
                ? .flowMappingFirstKey : .blockMappingFirstKey
        default:
            break
        }
    }

    private func checkEmpty(_ start: YAMLEmitEvent.Kind, _ end: YAMLEmitEvent.Kind) -> Bool {
        head + 1 < events.count && events[head].kind == start && events[head + 1].kind == end
    }

    private func checkSimpleKey() -> Bool {
        let e = events[head]
        var length = 0
        switch e.kind {
        case .alias:
            length += anchorData?.anchor.count ?? 0
        case .scalar:
            if scalarAnalysis.multiline { return false }
            length += (anchorData?.anchor.count ?? 0) + tagHandle.count + tagSuffix.count + scalarValue.count
        case .sequenceStart:
            if !checkEmpty(.sequenceStart, .sequenceEnd) { return false }
            length += (anchorData?.anchor.count ?? 0) + tagHandle.count + tagSuffix.count
        case .mappingStart:
            if !checkEmpty(.mappingStart, .mappingEnd) { return false }
            length += (anchorData?.anchor.count ?? 0) + tagHandle.count + tagSuffix.count
        default:
            return false
        }
        return length <= 128
    }

    private mutating func selectScalarStyle(_ e: YAMLEmitEvent) {
        var style = e.scalarStyle
        if simpleKeyContext && scalarAnalysis.multiline { style = .doubleQuoted }
        if style == .plain {
            if (flowLevel > 0 && !scalarAnalysis.flowPlainAllowed) || (flowLevel == 0 && !scalarAnalysis.blockPlainAllowed) {
                style = .singleQuoted
            }
            if scalarValue.isEmpty && (flowLevel > 0 || simpleKeyContext) { style = .singleQuoted }
        }
        if style == .singleQuoted && !scalarAnalysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal || style == .folded {
            if !scalarAnalysis.blockAllowed || flowLevel > 0 || simpleKeyContext { style = .doubleQuoted }
        }
        scalarStyle = style
    }

    // MARK: - Writers

    private mutating func processAnchor() {
        guard let a = anchorData else { return }
        writeIndicator([a.alias ? UInt8(ascii: "*") : UInt8(ascii: "&")], needWhitespace: true, isWhitespace: false, isIndention: false)
        write(a.anchor)
        whitespace = false
        indention = false
    }

    private mutating func processTag() {
        if tagHandle.isEmpty && tagSuffix.isEmpty { return }
        if !tagHandle.isEmpty {
            if !whitespace { put(0x20) }
            write(tagHandle)
            whitespace = false
            indention = false
            if !tagSuffix.isEmpty { writeTagContent(tagSuffix) }
        } else {
            writeIndicator(Array("!<".utf8), needWhitespace: true, isWhitespace: false, isIndention: false)
            writeTagContent(tagSuffix)
            writeIndicator([UInt8(ascii: ">")], needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }

    private mutating func writeTagContent(_ value: [UInt8]) {
        let v = YAMLBytes(value)
        let allowed = Set(";/?:@&=+$,_.~*'()[]".utf8)
        var i = 0
        while i < value.count {
            if allowed.contains(value[i]) || v.isAlpha(i) {
                let w = YAMLBytes.width(value[i])
                write(value[i..<min(i + w, value.count)])
                i += w
            } else {
                let w = YAMLBytes.width(value[i])
                for _ in 0..<w where i < value.count {
                    let hex = Array("0123456789ABCDEF".utf8)
                    put(UInt8(ascii: "%"))
                    put(hex[Int(value[i] >> 4)])
                    put(hex[Int(value[i] & 0x0F)])
                    i += 1
                }
            }
        }
        whitespace = false
        indention = false
    }

    private mutating func processScalar() {
        switch scalarStyle {
        case .plain: writePlain(scalarValue)
        case .singleQuoted: writeSingleQuoted(scalarValue)
        case .doubleQuoted: writeDoubleQuoted(scalarValue)
        case .literal: writeLiteral(scalarValue)
        case .folded: writeFolded(scalarValue)
        }
    }

    private mutating func processHeadComment() {
        if !tailComment.isEmpty {
            writeIndent()
            writeComment(tailComment)
            tailComment = []
            footIndent = max(indent, 0)
        }
        if headComment.isEmpty { return }
        writeIndent()
        writeComment(headComment)
        headComment = []
    }

    private mutating func processLineComment() {
        if lineComment.isEmpty { return }
        if !whitespace { put(0x20) }
        writeComment(lineComment)
        lineComment = []
    }

    private mutating func processFootComment() {
        if footComment.isEmpty { return }
        writeIndent()
        writeComment(footComment)
        footComment = []
        footIndent = max(indent, 0)
    }

    @inline(__always) private mutating func put(_ c: UInt8) {
        out.append(c)
        column += 1
    }

    private mutating func putBreak() {
        out.append(0x0A)
        column = 0
        indention = true
    }

    /// Copies characters (each counts as one column).
    private mutating func write<C: Collection>(_ s: C) where C.Element == UInt8 {
        for c in s {
            out.append(c)
            if c & 0xC0 != 0x80 { column += 1 }
        }
    }

    /// Writes one character starting at `i`, advancing `i`.
    private mutating func writeChar(_ v: YAMLBytes, _ i: inout Int) {
        let w = YAMLBytes.width(v[i])
        for k in 0..<w where i + k < v.count { out.append(v.b[i + k]) }
        column += 1
        i += w
    }

    private mutating func writeBreak(_ v: YAMLBytes, _ i: inout Int) {
        if v[i] == 0x0A {
            putBreak()
            i += 1
        } else {
            writeChar(v, &i)
            column = 0
            indention = true
        }
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        if footIndent == target { putBreak() }
        while column < target { put(0x20) }
        whitespace = true
        footIndent = -1
    }

    private mutating func writeIndicator(_ indicator: [UInt8], needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        write(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
        openEnded = false
    }

    private mutating func writePlain(_ value: [UInt8]) {
        if !value.isEmpty && !whitespace { put(0x20) }
        writeFoldable(value, doubling: nil)
        if !value.isEmpty { whitespace = false }
        indention = false
        if rootContext { openEnded = true }
    }

    /// The text of a plain or single-quoted scalar: spaces as they are, a line break doubled
    /// (a single one would fold into a space on reading) with the next line indented, and
    /// `doubling` (the single quote) written twice.
    private mutating func writeFoldable(_ value: [UInt8], doubling: UInt8?) {
        let v = YAMLBytes(value)
        var breaks = false
        var i = 0
        while i < value.count {
            if v.isSpace(i) {
                writeChar(v, &i)
            } else if v.isBreak(i) {
                if !breaks && v[i] == 0x0A { putBreak() }
                writeBreak(v, &i)
                breaks = true
            } else {
                if breaks { writeIndent() }
                if let doubling, v[i] == doubling { put(doubling) }
                writeChar(v, &i)
                indention = false
                breaks = false
            }
        }
    }

    private mutating func writeSingleQuoted(_ value: [UInt8]) {
        writeIndicator([UInt8(ascii: "'")], needWhitespace: true, isWhitespace: false, isIndention: false)
        writeFoldable(value, doubling: UInt8(ascii: "'"))
        writeIndicator([UInt8(ascii: "'")], needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ value: [UInt8]) {
        writeIndicator([UInt8(ascii: "\"")], needWhitespace: true, isWhitespace: false, isIndention: false)
        let v = YAMLBytes(value)
        let bom = v.startsWithBOM
        var i = 0
        while i < value.count {
            let c = v[i]
            if !v.isPrintable(i) || bom || v.isBreak(i) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                let w = YAMLBytes.width(c)
                var scalar: UInt32
                switch w {
                case 2: scalar = UInt32(c & 0x1F)
                case 3: scalar = UInt32(c & 0x0F)
                case 4: scalar = UInt32(c & 0x07)
                default: scalar = UInt32(c & 0x7F)
                }
                for k in 1..<max(w, 1) { scalar = (scalar << 6) + UInt32(v[i + k] & 0x3F) }
                i += w
                put(UInt8(ascii: "\\"))
                switch scalar {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(UInt8(ascii: "\""))
                case 0x5C: put(UInt8(ascii: "\\"))
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let digits: Int
                    if scalar <= 0xFF { put(UInt8(ascii: "x")); digits = 2 }
                    else if scalar <= 0xFFFF { put(UInt8(ascii: "u")); digits = 4 }
                    else { put(UInt8(ascii: "U")); digits = 8 }
                    let hex = Array("0123456789ABCDEF".utf8)
                    for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                        put(hex[Int((scalar >> UInt32(k)) & 0x0F)])
                    }
                }
            } else {
                writeChar(v, &i)
            }
        }
        writeIndicator([UInt8(ascii: "\"")], needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeBlockScalarHints(_ value: [UInt8]) {
        let v = YAMLBytes(value)
        if v.isSpace(0) || v.isBreak(0) {
            writeIndicator([UInt8(ascii: "0") + UInt8(bestIndent)], needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        openEnded = false
        var chomp: UInt8 = 0
        if value.isEmpty {
            chomp = UInt8(ascii: "-")
        } else {
            var i = value.count - 1
            while i > 0 && value[i] & 0xC0 == 0x80 { i -= 1 }
            if !v.isBreak(i) {
                chomp = UInt8(ascii: "-")
            } else if i == 0 {
                chomp = UInt8(ascii: "+")
                openEnded = true
            } else {
                i -= 1
                while i > 0 && value[i] & 0xC0 == 0x80 { i -= 1 }
                if v.isBreak(i) {
                    chomp = UInt8(ascii: "+")
                    openEnded = true
                }
            }
        }
        if chomp != 0 { writeIndicator([chomp], needWhitespace: false, isWhitespace: false, isIndention: false) }
    }

    private mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator([UInt8(ascii: "|")], needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        processLineComment()
        whitespace = true
        let v = YAMLBytes(value)
        var breaks = true
        var i = 0
        while i < value.count {
            if v.isBreak(i) {
                writeBreak(v, &i)
                breaks = true
            } else {
                if breaks { writeIndent() }
                writeChar(v, &i)
                indention = false
                breaks = false
            }
        }
    }

    private mutating func writeFolded(_ value: [UInt8]) {
        writeIndicator([UInt8(ascii: ">")], needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        processLineComment()
        whitespace = true
        let v = YAMLBytes(value)
        var breaks = true
        var leadingSpaces = true
        var i = 0
        while i < value.count {
            if v.isBreak(i) {
                if !breaks && !leadingSpaces && v[i] == 0x0A {
                    // yaml.v3 scans from the start of the value here (inherited quirk).
                    var k = 0
                    while v.isBreak(k) { k += YAMLBytes.width(v[k]) }
                    if !v.isBlankZ(k) { putBreak() }
                }
                writeBreak(v, &i)
                breaks = true
            } else {
                if breaks {
                    writeIndent()
                    leadingSpaces = v.isBlank(i)
                }
                writeChar(v, &i)
                indention = false
                breaks = false
            }
        }
    }

    private mutating func writeComment(_ comment: [UInt8]) {
        let v = YAMLBytes(comment)
        var breaks = false
        var pound = false
        var i = 0
        while i < comment.count {
            if v.isBreak(i) {
                writeBreak(v, &i)
                breaks = true
                pound = false
            } else {
                if breaks { writeIndent() }
                if !pound {
                    if comment[i] != UInt8(ascii: "#") {
                        put(UInt8(ascii: "#"))
                        put(0x20)
                    }
                    pound = true
                }
                writeChar(v, &i)
                indention = false
                breaks = false
            }
        }
        if !breaks { putBreak() }
        whitespace = true
    }
}
