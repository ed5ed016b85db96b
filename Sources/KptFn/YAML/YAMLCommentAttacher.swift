/// Recovers the comments libyaml drops and hangs them on nodes the way yaml.v3 does.
///
/// yaml.v3 decides head/line/foot comments inside its scanner; we approximate its rules
/// from the source lines and node positions:
/// * a trailing `# x` on a content line is the line comment of the last node ending on it
///   (the key when the line ends with `key:` and the value is a nested block);
/// * comment lines are split into chunks the way yaml.v3's `scan_comments` splits them
///   (a blank line directly after a comment that follows content ends a *foot* comment;
///   a dedented comment line ends the previous chunk as a foot);
/// * what remains right above the next content is that content's *head* comment, unless it
///   sits at the column of a block that closes there (then it is a foot of that block);
/// * at the start of a document, text up to the last blank line is the document's head
///   comment; at the end, what is not a foot is the document's foot comment.
/// The differences to yaml.v3 that remain are listed in YAMLCommentRulesTests.
struct YAMLCommentAttacher {
    let source: [UInt8]
    let spans: [YAMLParser.Span]

    private enum LineKind { case blank, comment, content, marker, interior }

    private struct Line {
        var kind: LineKind = .blank
        /// Character column and text (from `#`) of a comment on this line.
        var commentColumn = -1
        var commentText = ""
        /// Character column of the first non-blank character (-1 for blank lines).
        var firstColumn = -1
        /// The first token is a block sequence entry `- `.
        var startsWithDash = false
        /// Only spaces/tabs (also for lines inside block scalars).
        var isWhitespace = true
    }

    private struct Pos: Comparable {
        let line: Int, column: Int
        static func < (a: Pos, b: Pos) -> Bool { a.line != b.line ? a.line < b.line : a.column < b.column }
    }

    private enum ChunkKind { case footOfPrevious, footByColumn, head }
    private struct Chunk {
        var kind: ChunkKind
        var text: String
        var line: Int
        var column: Int
        /// Where yaml.v3 ties a position-bound foot: it is handed to the first event at or after it.
        var mark = Pos(line: 0, column: 0)
    }

    func attach() {
        guard source.contains(UInt8(ascii: "#")) else { return }
        let lines = classifyLines()
        let order = spans.indices.filter { spans[$0].node.kind != .document }
        var i = 0
        var previousLine = -1        // last content/marker line before the current gap
        while i < lines.count {
            let kind = lines[i].kind
            if kind == .content || kind == .interior || kind == .marker {
                if lines[i].commentColumn >= 0 { attachLineComment(line: i, lines[i], order) }
                previousLine = i
                i += 1
                continue
            }
            var j = i
            var hasComment = false
            while j < lines.count, lines[j].kind == .blank || lines[j].kind == .comment {
                if lines[j].kind == .comment { hasComment = true }
                j += 1
            }
            if hasComment {
                processGap(from: i, to: j - 1, previousLine: previousLine,
                           nextLine: j < lines.count ? j : -1, lines: lines, order: order)
            }
            i = j
        }
    }

    // MARK: - Lines

    private func classifyLines() -> [Line] {
        // Split into lines (byte ranges without the line break).
        var ranges: [Range<Int>] = []
        var start = 0
        for (k, b) in source.enumerated() where b == 0x0A {
            var end = k
            if end > start && source[end - 1] == 0x0D { end -= 1 }
            ranges.append(start..<end)
            start = k + 1
        }
        if start < source.count {
            var end = source.count
            if source[end - 1] == 0x0D { end -= 1 }
            ranges.append(start..<end)
        }
        var lines = [Line](repeating: Line(), count: ranges.count)
        var excluded = [[Range<Int>]](repeating: [], count: ranges.count)
        for span in spans where span.node.kind == .scalar {
            let s = span.start, e = span.end
            guard s.line < ranges.count else { continue }
            let block = span.node.style.contains(.literal) || span.node.style.contains(.folded)
            if block {
                let last = e.column == 0 ? e.line - 1 : e.line
                if s.line + 1 <= last {
                    for l in (s.line + 1)...min(last, ranges.count - 1) { lines[l].kind = .interior }
                }
            } else if s.line == e.line {
                excluded[s.line].append(s.column..<max(e.column, s.column))
            } else {
                excluded[s.line].append(s.column..<Int.max)
                if s.line + 1 < e.line {
                    for l in (s.line + 1)..<min(e.line, ranges.count) { lines[l].kind = .interior }
                }
                if e.line < ranges.count { excluded[e.line].append(0..<e.column) }
            }
        }
        for (l, range) in ranges.enumerated() {
            lines[l].isWhitespace = source[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        for (l, range) in ranges.enumerated() where lines[l].kind != .interior {
            var column = 0
            var firstColumn = -1
            var previous: UInt8 = 0x20
            var k = range.lowerBound
            while k < range.upperBound {
                let b = source[k]
                if b & 0xC0 != 0x80 {
                    if b == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09)
                        && !excluded[l].contains(where: { $0.contains(column) }) {
                        lines[l].commentColumn = column
                        lines[l].commentText = String(decoding: source[k..<range.upperBound], as: UTF8.self)
                        break
                    }
                    if firstColumn < 0 && b != 0x20 && b != 0x09 { firstColumn = column }
                    column += 1
                }
                previous = b
                k += 1
            }
            lines[l].firstColumn = firstColumn
            if firstColumn >= 0 {
                var d = range.lowerBound
                while d < range.upperBound, source[d] == 0x20 || source[d] == 0x09 { d += 1 }
                lines[l].startsWithDash = source[d] == UInt8(ascii: "-")
                    && (d + 1 == range.upperBound || source[d + 1] == 0x20 || source[d + 1] == 0x09)
            }
            if firstColumn < 0 {
                lines[l].kind = lines[l].commentColumn >= 0 ? .comment : .blank
            } else {
                let text = source[range]
                let isMarker = (text.starts(with: Array("---".utf8)) || text.starts(with: Array("...".utf8)))
                    && (text.count == 3 || text[text.startIndex + 3] == 0x20 || text[text.startIndex + 3] == 0x09)
                lines[l].kind = isMarker ? .marker : .content
            }
        }
        return lines
    }

    // MARK: - Node lookup

    private func start(_ i: Int) -> Pos { Pos(line: spans[i].start.line, column: spans[i].start.column) }
    private func end(_ i: Int) -> Pos { Pos(line: spans[i].end.line, column: spans[i].end.column) }

    /// Index in `order` of the first node starting at or after `pos`.
    private func firstNode(atOrAfter pos: Pos, _ order: [Int]) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(order[mid]) < pos { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func isBlock(_ i: Int) -> Bool {
        let n = spans[i].node
        return (n.kind == .mapping || n.kind == .sequence) && !n.style.contains(.flow)
    }

    /// A block sequence written at its parent key's column has no indentation level of its own.
    private func isIndentless(_ i: Int) -> Bool {
        let p = spans[i].parent
        return spans[i].node.kind == .sequence && p >= 0 && spans[p].node.kind == .mapping
            && spans[p].start.column == spans[i].start.column
    }

    /// Block ancestors of a node, innermost first (indentless sequences excluded).
    private func blockAncestors(_ i: Int) -> [Int] {
        var result: [Int] = []
        var p = spans[i].parent
        while p >= 0 {
            if isBlock(p) && !isIndentless(p) { result.append(p) }
            p = spans[p].parent
        }
        return result
    }

    /// The node that carries comments for the entry holding `i`: the key for mapping values,
    /// the item for sequence items (climbing out of flow collections first).
    private func entry(of index: Int) -> YAMLNode? {
        var i = index
        while true {
            let p = spans[i].parent
            guard p >= 0 else { return nil }
            let parent = spans[p].node
            if parent.kind == .document { return nil }
            if parent.style.contains(.flow) { i = p; continue }
            if parent.kind == .sequence { return spans[i].node }
            if spans[i].isKey { return spans[i].node }
            if let k = parent.content.firstIndex(where: { $0 === spans[i].node }), k > 0 { return parent.content[k - 1] }
            return nil
        }
    }

    /// Last entry (key or item) of a block collection that starts before `pos`.
    private func lastEntry(of block: Int, before pos: Pos) -> YAMLNode? {
        let node = spans[block].node
        guard let k = node.content.lastIndex(where: { $0.line > 0 && Pos(line: $0.line - 1, column: $0.column - 1) < pos })
        else { return nil }
        if node.kind == .mapping { return node.content[k - k % 2] }
        return node.content[k]
    }

    private func document(of i: Int) -> YAMLNode { spans[spans[i].document].node }

    // MARK: - Line comments

    private func attachLineComment(line: Int, _ l: Line, _ order: [Int]) {
        let commentPos = Pos(line: line, column: l.commentColumn)
        // A block scalar header (`key: | # c`) owns the comment.
        let first = firstNode(atOrAfter: Pos(line: line, column: 0), order)
        var best: Int? = nil
        var k = first
        while k < order.count, spans[order[k]].start.line == line {
            let i = order[k]
            let n = spans[i].node
            if spans[i].start.column < l.commentColumn, n.kind == .scalar,
               n.style.contains(.literal) || n.style.contains(.folded) {
                n.lineComment = append(n.lineComment, l.commentText)
                return
            }
            k += 1
        }
        // Otherwise: the outermost node ending last on this line before the comment.
        k = first
        // Nodes ending on this line may start on earlier lines (multi-line flow values).
        var candidates: [Int] = []
        while k < order.count, start(order[k]) < commentPos { candidates.append(order[k]); k += 1 }
        var i = first - 1
        while i >= 0, spans[order[i]].end.line >= line { candidates.append(order[i]); i -= 1 }
        // A node ending at or before the line's first character ended on an earlier line (a
        // block scalar swallows its final line break).
        for c in candidates where spans[c].end.line == line && spans[c].end.column <= l.commentColumn
            && spans[c].end.column > max(0, l.firstColumn)
            && !(spans[c].node.kind == .scalar && spans[c].start.index == spans[c].end.index) {
            if let b = best {
                let eb = end(b), ec = end(c)
                if eb < ec || (eb == ec && spans[c].depth < spans[b].depth) { best = c }
            } else {
                best = c
            }
        }
        if let b = best {
            spans[b].node.lineComment = append(spans[b].node.lineComment, l.commentText)
        } else {
            // `- # comment` with the item below: yaml.v3 makes it the head comment of the
            // next token (the innermost node starting there, e.g. the item's first key).
            var k = first
            while k < order.count, !(commentPos < start(order[k])) { k += 1 }
            guard k < order.count else { return }
            var target = order[k]
            let pos = start(target)
            while k + 1 < order.count, start(order[k + 1]) == pos {
                k += 1
                if spans[order[k]].depth > spans[target].depth { target = order[k] }
            }
            spans[target].node.headComment = append(spans[target].node.headComment, l.commentText)
        }
    }

    private func append(_ existing: String, _ text: String) -> String {
        existing.isEmpty ? text : existing + "\n" + text
    }

    // MARK: - Comment blocks between content

    private func processGap(from first: Int, to last: Int, previousLine: Int, nextLine: Int,
                            lines: [Line], order: [Int]) {
        let gapStart = Pos(line: first, column: 0)
        let nextIndex = firstNode(atOrAfter: gapStart, order)
        let prev: Int? = (previousLine >= 0 && lines[previousLine].kind != .marker && nextIndex > 0)
            ? order[nextIndex - 1] : nil
        let next: Int? = (nextLine >= 0 && lines[nextLine].kind != .marker && nextIndex < order.count)
            ? order[nextIndex] : nil

        guard let prev else {
            // Start of a document: all text is head text.
            var text = ""
            var recentEmpty = false
            for l in first...last {
                if lines[l].kind == .blank {
                    if !recentEmpty && !text.isEmpty { text += "\n" }
                    recentEmpty = true
                } else {
                    if !text.isEmpty { text += "\n" }
                    text += lines[l].commentText
                    recentEmpty = false
                }
            }
            if nextLine < 0 || lines[nextLine].kind == .marker { text = String(text.trimmingSuffix("\n")) }
            if let next { attachDocumentHead(text, before: next, order, lines) }
            return
        }

        // What yaml.v3's scanner knows at this point.
        let prevNode = spans[prev].node
        var isValue = false
        if spans[prev].isKey, let next, spans[next].parent == spans[prev].parent,
           let k = spans[spans[prev].parent].node.content.firstIndex(where: { $0 === prevNode }),
           k + 1 < spans[spans[prev].parent].node.content.count,
           spans[spans[prev].parent].node.content[k + 1] === spans[next].node || spans[next].start.line > last {
            isValue = true
        }
        if prevNode.kind == .scalar && prevNode.value.isEmpty && prevNode.style.isEmpty
            && spans[prev].start.index == spans[prev].end.index && !spans[prev].isKey {
            isValue = true
        }
        let ancestors = blockAncestors(prev)
        let indent = ancestors.first.map { spans[$0].start.column } ?? 0
        // yaml.v3 counts line breaks since the last non-blank character of the previous token
        // (block scalars swallow trailing blank lines, but they still count).
        var lastContentLine = previousLine
        while lastContentLine > 0, lines[lastContentLine].isWhitespace { lastContentLine -= 1 }
        // Only a plain scalar makes yaml.v3's scanner read past its line break; after any other
        // token (quoted, block, flow end) or a line comment the comment scan starts on the
        // token's line, and on a document's first line that leaves yaml.v3 without a "foot line".
        var inFlow = false
        var p = spans[prev].parent
        while p >= 0 { if spans[p].node.style.contains(.flow) { inFlow = true }; p = spans[p].parent }
        let plainPrevious = !inFlow && prevNode.kind == .scalar
            && prevNode.style.isDisjoint(with: [.singleQuoted, .doubleQuoted, .literal, .folded])
            && lines[previousLine].commentColumn < 0
        let footLine = (!plainPrevious && previousLine == 0) ? -1 : lastContentLine + 1
        var firstEmpty = first == lastContentLine + 1
        var recentEmpty = false
        var chunks: [Chunk] = []
        var text = ""
        var startLine = -1, startColumn = -1
        var flushed = false
        var lastFlush = Pos(line: first, column: 0)

        // yaml.v3 ties a foot to the previous token unless it was split off at a blank line
        // while dedented (then to its own start), or an earlier foot was already split off
        // (then to where that happened).
        func flush(dedentedAtBlank: Bool, at position: Pos) {
            let kind: ChunkKind = (!flushed && !dedentedAtBlank) ? .footOfPrevious : .footByColumn
            let mark = flushed ? lastFlush : Pos(line: startLine, column: startColumn)
            chunks.append(Chunk(kind: kind, text: text, line: startLine, column: startColumn, mark: mark))
            text = ""
            flushed = true
            lastFlush = position
        }
        var currentLine = first
        func blankOrEnd(atEnd: Bool) {
            if !recentEmpty {
                if firstEmpty && ((startLine == footLine && !isValue) || startColumn < indent) {
                    if !text.isEmpty {
                        flush(dedentedAtBlank: startColumn < indent, at: Pos(line: currentLine, column: 0))
                    }
                } else if !text.isEmpty && !atEnd {
                    text += "\n"
                }
            }
            firstEmpty = false
            recentEmpty = true
        }
        for l in first...last {
            currentLine = l
            if lines[l].kind == .blank {
                blankOrEnd(atEnd: false)
                continue
            }
            let c = lines[l].commentColumn
            if !text.isEmpty && c < indent && c != startColumn {
                flush(dedentedAtBlank: false, at: Pos(line: l, column: c))
            }
            if text.isEmpty {
                startLine = l
                startColumn = c
            } else {
                text += "\n"
            }
            text += lines[l].commentText
            recentEmpty = false
        }
        currentLine = last + 1
        if next == nil {
            blankOrEnd(atEnd: true)
        } else if !text.isEmpty && nextLine >= 0 {
            // The next token itself is dedented below the comment block: the block is a foot.
            let c = lines[nextLine].firstColumn
            if c < indent && c != startColumn { flush(dedentedAtBlank: false, at: Pos(line: nextLine, column: c)) }
        }
        if !text.isEmpty { chunks.append(Chunk(kind: .head, text: text, line: startLine, column: startColumn)) }

        let gapEnd = Pos(line: last + 1, column: 0)
        // yaml.v3 places the end of each closing block (innermost first) at the earliest comment
        // of this gap written at the block's column, or before the gap when there is none.
        let closingBlocks = ancestors.filter { a in next.map { !(end(a) > start($0)) } ?? true }
        var blockEnds: [(block: Int, pos: Pos)] = []
        var blockMark = Pos(line: first, column: -1)
        for b in closingBlocks {
            if let c = chunks.first(where: { $0.column == spans[b].start.column }) {
                blockMark = Pos(line: c.line, column: c.column)
            }
            blockEnds.append((b, blockMark))
        }
        for chunk in chunks {
            switch chunk.kind {
            case .footOfPrevious:
                addFoot(chunk.text, to: entry(of: prev), orDocumentOf: prev)
            case .footByColumn:
                // Tied to its own position: it lands on the first event after it — the end of a
                // closing block at its column, else the next entry (a mapping key passes it on
                // to the key before it).
                if let k = blockEnds.firstIndex(where: { !($0.pos < chunk.mark) }),
                   let block = blockEnds[k...].first(where: { spans[$0.block].node.kind == .mapping })?.block {
                    // A sequence end takes no comments; the next mapping end does.
                    addFoot(chunk.text, to: lastEntry(of: block, before: gapEnd), orDocumentOf: prev)
                } else if let next, let node = footTargetAfter(next, order, lines) {
                    addFoot(chunk.text, to: node, orDocumentOf: prev)
                } else {
                    let owner = ancestors.first { spans[$0].start.column <= chunk.column } ?? ancestors.last
                    addFoot(chunk.text, to: owner.flatMap { lastEntry(of: $0, before: gapEnd) }, orDocumentOf: prev)
                }
            case .head:
                guard let next else {
                    let doc = document(of: prev)
                    doc.footComment = append(doc.footComment, chunk.text)
                    continue
                }
                // The scanner closes blocks at the column of the next line's first token (a `-` too).
                let nextColumn = lines[nextLine].firstColumn >= 0 ? lines[nextLine].firstColumn : spans[next].start.column
                let closing = ancestors.filter { !(end($0) > start(next)) || spans[$0].start.column > nextColumn }
                if chunk.column > nextColumn, let block = closing.first(where: { spans[$0].start.column == chunk.column }) {
                    if chunks.count == 1 {
                        addFoot(chunk.text, to: entry(of: prev), orDocumentOf: prev)
                    } else {
                        addFoot(chunk.text, to: lastEntry(of: block, before: gapEnd), orDocumentOf: prev)
                    }
                } else {
                    let target = headTarget(next, order, lines)
                    target.headComment = append(target.headComment, chunk.text)
                }
            }
        }
    }

    /// Where a foot comment that precedes `next` ends up: a sequence item keeps it; a block
    /// mapping key hands it to the key before it.
    private func footTargetAfter(_ next: Int, _ order: [Int], _ lines: [Line]) -> YAMLNode? {
        let i = firstTokenNode(next, order, lines)
        let node = spans[i].node
        let p = spans[i].parent
        guard p >= 0 else { return nil }
        let parent = spans[p].node
        if spans[i].isKey && !parent.style.contains(.flow),
           let k = parent.content.firstIndex(where: { $0 === node }) {
            return k >= 2 ? parent.content[k - 2] : node
        }
        return node
    }

    private func addFoot(_ text: String, to node: YAMLNode?, orDocumentOf index: Int) {
        let target = node ?? document(of: index)
        target.footComment = append(target.footComment, text)
    }

    /// The node a head comment above `next` belongs to: the item after a `- `, else the
    /// innermost node starting exactly there (the key, not its mapping).
    private func headTarget(_ next: Int, _ order: [Int], _ lines: [Line]) -> YAMLNode {
        let line = spans[next].start.line
        let k0 = firstNode(atOrAfter: Pos(line: line, column: 0), order)
        guard k0 < order.count else { return spans[next].node }
        let firstPos = start(order[k0])
        let dashColumn = line < lines.count && lines[line].startsWithDash ? lines[line].firstColumn : -1
        var best = -1
        var k = k0
        while k < order.count, spans[order[k]].start.line == line {
            let i = order[k]
            if dashColumn >= 0 {
                // The item after the dash, not the (indentless) sequence starting at the dash.
                if spans[i].start.column > dashColumn && (best < 0 || spans[i].depth < spans[best].depth) { best = i }
            } else if start(i) == firstPos && (best < 0 || spans[i].depth > spans[best].depth) {
                best = i
            }
            k += 1
        }
        return spans[best >= 0 ? best : next].node
    }

    /// The innermost node at the first token of `next`'s line (after any `- `): the node
    /// whose event comes first.
    private func firstTokenNode(_ next: Int, _ order: [Int], _ lines: [Line]) -> Int {
        let line = spans[next].start.line
        let dashColumn = line < lines.count && lines[line].startsWithDash ? lines[line].firstColumn : -1
        var k = firstNode(atOrAfter: Pos(line: line, column: dashColumn + 1), order)
        guard k < order.count, spans[order[k]].start.line == line else { return next }
        var best = order[k]
        let pos = start(best)
        while k + 1 < order.count, start(order[k + 1]) == pos {
            k += 1
            if spans[order[k]].depth > spans[best].depth { best = order[k] }
        }
        return best
    }

    /// Leading comments of a document: up to the last blank line they are the document's
    /// head comment, the rest is the first node's head comment.
    private func attachDocumentHead(_ text: String, before next: Int, _ order: [Int], _ lines: [Line]) {
        let doc = document(of: next)
        let bytes = Array(text.utf8)
        var docPart: String? = nil
        var rest = text
        var i = bytes.count - 1
        while i > 0 {
            if bytes[i] == 0x0A {
                if i == bytes.count - 1 {
                    docPart = String(decoding: bytes[..<i], as: UTF8.self)
                    rest = ""
                    break
                } else if bytes[i - 1] == 0x0A {
                    docPart = String(decoding: bytes[..<(i - 1)], as: UTF8.self)
                    rest = String(decoding: bytes[(i + 1)...], as: UTF8.self)
                    break
                }
            }
            i -= 1
        }
        if let docPart { doc.headComment = append(doc.headComment, docPart) }
        if !rest.isEmpty {
            let target = headTarget(next, order, lines)
            target.headComment = append(target.headComment, rest)
        }
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> Substring {
        var s = Substring(self)
        while s.hasSuffix(suffix) { s = s.dropLast(suffix.count) }
        return s
    }
}
