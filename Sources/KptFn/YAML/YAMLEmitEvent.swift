/// Serialization events produced from a node tree (the encoder half of yaml.v3's
/// `encoder.node`): decides which tags are implicit, forces quoting of strings that
/// would resolve to another type, and moves mapping-key foot comments to "tail" comments.
final class YAMLEmitEvent {
    enum Kind { case streamStart, streamEnd, documentStart, documentEnd,
                sequenceStart, sequenceEnd, mappingStart, mappingEnd, scalar, alias }
    enum ScalarStyle { case plain, singleQuoted, doubleQuoted, literal, folded }

    var kind: Kind
    var anchor: [UInt8] = []
    /// Long form tag (`tag:yaml.org,2002:str`) or "" when implicit.
    var tag: [UInt8] = []
    var value: [UInt8] = []
    var implicit = true
    var scalarStyle: ScalarStyle = .plain
    var flow = false
    /// On DOCUMENT-START: write this document's block sequences compact.
    var compactSequences = false
    var headComment: [UInt8] = []
    var lineComment: [UInt8] = []
    var footComment: [UInt8] = []
    var tailComment: [UInt8] = []

    init(_ kind: Kind) { self.kind = kind }
}

enum YAMLTags {
    static let longPrefix = "tag:yaml.org,2002:"

    static func long(_ tag: String) -> String {
        tag.hasPrefix("!!") ? longPrefix + tag.dropFirst(2) : tag
    }

    static func short(_ tag: String) -> String {
        tag.hasPrefix(longPrefix) ? "!!" + tag.dropFirst(longPrefix.count) : tag
    }
}

struct YAMLEventBuilder {
    var events: [YAMLEmitEvent] = []

    mutating func document(_ node: YAMLNode, compactSequences: Bool = false) {
        if node.kind == .document {
            let start = YAMLEmitEvent(.documentStart)
            start.compactSequences = compactSequences
            start.headComment = Array(node.headComment.utf8)
            events.append(start)
            for child in node.content { emit(child, tail: "") }
            let end = YAMLEmitEvent(.documentEnd)
            end.footComment = Array(node.footComment.utf8)
            events.append(end)
        } else {
            let start = YAMLEmitEvent(.documentStart)
            start.compactSequences = compactSequences
            events.append(start)
            emit(node, tail: "")
            events.append(YAMLEmitEvent(.documentEnd))
        }
    }

    private func collectionStart(_ kind: YAMLEmitEvent.Kind, _ node: YAMLNode, longTag: [UInt8], implicit: Bool) -> YAMLEmitEvent {
        let start = YAMLEmitEvent(kind)
        start.anchor = Array(node.anchor.utf8)
        start.tag = longTag
        start.implicit = implicit
        start.flow = node.style.contains(.flow)
        start.headComment = Array(node.headComment.utf8)
        return start
    }

    private mutating func emit(_ node: YAMLNode, tail: String) {
        var tag = node.tag
        var forceQuoting = false
        if !tag.isEmpty && !node.style.contains(.tagged) {
            switch node.kind {
            case .scalar:
                let quotedStyles: YAMLNode.Style = [.singleQuoted, .doubleQuoted, .literal, .folded]
                if tag == "!!str" && !node.style.isDisjoint(with: quotedStyles) {
                    tag = ""
                } else {
                    let resolved = YAMLResolver.resolve(node.value)
                    if resolved == tag { tag = "" } else if tag == "!!str" { tag = ""; forceQuoting = true }
                }
            case .mapping: if tag == "!!map" { tag = "" }
            case .sequence: if tag == "!!seq" { tag = "" }
            default: break
            }
        }
        let longTag = Array(YAMLTags.long(tag).utf8)

        switch node.kind {
        case .document:
            document(node, compactSequences: false)
        case .sequence:
            events.append(collectionStart(.sequenceStart, node, longTag: longTag, implicit: tag.isEmpty))
            for child in node.content { emit(child, tail: "") }
            let end = YAMLEmitEvent(.sequenceEnd)
            end.lineComment = Array(node.lineComment.utf8)
            end.footComment = Array(node.footComment.utf8)
            events.append(end)
        case .mapping:
            let start = collectionStart(.mappingStart, node, longTag: longTag, implicit: tag.isEmpty)
            start.tailComment = Array(tail.utf8)
            events.append(start)
            // A key's foot comment is emitted after its value, as the next key's "tail".
            var pendingTail = ""
            var i = 0
            while i + 1 < node.content.count {
                let key = node.content[i]
                let foot = key.footComment
                if !foot.isEmpty {
                    let copy = key.shallowCopy()
                    copy.footComment = ""
                    emit(copy, tail: pendingTail)
                } else {
                    emit(key, tail: pendingTail)
                }
                pendingTail = foot
                emit(node.content[i + 1], tail: "")
                i += 2
            }
            let end = YAMLEmitEvent(.mappingEnd)
            end.tailComment = Array(pendingTail.utf8)
            end.lineComment = Array(node.lineComment.utf8)
            end.footComment = Array(node.footComment.utf8)
            events.append(end)
        case .alias:
            let alias = YAMLEmitEvent(.alias)
            alias.anchor = Array(node.value.utf8)
            alias.headComment = Array(node.headComment.utf8)
            alias.lineComment = Array(node.lineComment.utf8)
            alias.footComment = Array(node.footComment.utf8)
            events.append(alias)
        case .scalar:
            var style: YAMLEmitEvent.ScalarStyle = .plain
            if node.style.contains(.doubleQuoted) { style = .doubleQuoted }
            else if node.style.contains(.singleQuoted) { style = .singleQuoted }
            else if node.style.contains(.literal) { style = .literal }
            else if node.style.contains(.folded) { style = .folded }
            else if node.value.utf8.contains(0x0A) { style = .literal }
            else if forceQuoting { style = .doubleQuoted }
            let scalar = YAMLEmitEvent(.scalar)
            scalar.anchor = Array(node.anchor.utf8)
            scalar.tag = longTag
            scalar.implicit = tag.isEmpty
            scalar.value = Array(node.value.utf8)
            scalar.scalarStyle = style
            scalar.headComment = Array(node.headComment.utf8)
            scalar.lineComment = Array(node.lineComment.utf8)
            scalar.footComment = Array(node.footComment.utf8)
            scalar.tailComment = Array(tail.utf8)
            events.append(scalar)
        }
    }
}
