/// Restores what functions tend to lose: comments and mapping key order, copied from the
/// input version of the same resource onto the output version (kyaml's comment copier).
enum NodeMerge {
    /// Comments of the input's document node (e.g. a license header above the first key, set off by a
    /// blank line): the ResourceList carried only the root mapping, so the function never saw them.
    /// Like kyaml, they land on the output's root, where the emitter writes them above its first key.
    static func restoreDocumentComments(into output: YAMLNode, from input: YAMLNode) {
        guard input.kind == .document else { return }
        if output.headComment.isEmpty { output.headComment = input.headComment }
        if output.lineComment.isEmpty { output.lineComment = input.lineComment }
        if output.footComment.isEmpty { output.footComment = input.footComment }
    }

    static func restoreFormatting(into output: YAMLNode, from input: YAMLNode) {
        // A comment may sit on the collection or on its first key depending on where it was
        // parsed from; never copy it onto the collection when the first key already carries it.
        if output.headComment.isEmpty && output.content.first?.headComment != input.headComment {
            output.headComment = input.headComment
        }
        if output.lineComment.isEmpty { output.lineComment = input.lineComment }
        if output.footComment.isEmpty && output.content.last?.footComment != input.footComment {
            output.footComment = input.footComment
        }
        switch (output.kind, input.kind) {
        case (.mapping, .mapping):
            reorderKeys(output, like: input)
            for (key, value) in output.fnPairs {
                if let outKey = keyOf(output, key), let inKey = keyOf(input, key) {
                    if key == output.content.first?.value && inKey.headComment == output.headComment {
                        // Already on the collection (see above).
                    } else {
                        copyComments(outKey, inKey)
                    }
                }
                if let original = input.fnValue(key) { restoreFormatting(into: value, from: original) }
            }
        case (.sequence, .sequence):
            // Pair list items whose scalar values are equal, or items at the same position that are maps.
            for (i, item) in output.content.enumerated() {
                if item.kind == .scalar {
                    if let match = input.content.first(where: { $0.kind == .scalar && $0.value == item.value }) {
                        copyComments(item, match)
                    }
                } else if i < input.content.count {
                    restoreFormatting(into: item, from: input.content[i])
                }
            }
        case (.scalar, .scalar):
            // Keep the original quoting when the function re-emitted the same value.
            if output.value == input.value && output.tag == input.tag { output.style = input.style }
        default:
            break
        }
    }

    private static func copyComments(_ to: YAMLNode, _ from: YAMLNode) {
        if to.headComment.isEmpty { to.headComment = from.headComment }
        if to.lineComment.isEmpty { to.lineComment = from.lineComment }
        if to.footComment.isEmpty { to.footComment = from.footComment }
    }

    private static func keyOf(_ map: YAMLNode, _ key: String) -> YAMLNode? {
        stride(from: 0, to: map.content.count - 1, by: 2).first { map.content[$0].value == key }.map { map.content[$0] }
    }

    /// Keys known to the input come first in the input's order; new keys keep their relative order,
    /// each placed after the key that preceded it in the output.
    private static func reorderKeys(_ output: YAMLNode, like input: YAMLNode) {
        let inputOrder = input.fnPairs.map(\.key)
        let rank = Dictionary(inputOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let pairs = stride(from: 0, to: output.content.count - 1, by: 2).map { (output.content[$0], output.content[$0 + 1]) }
        guard pairs.contains(where: { rank[$0.0.value] != nil }) else { return }
        // Sort key: known keys by input rank; a new key inherits the rank of the last known key before it.
        var lastRank = -1
        var keyed: [(Double, Int, (YAMLNode, YAMLNode))] = []
        for (i, p) in pairs.enumerated() {
            if let r = rank[p.0.value] { lastRank = r; keyed.append((Double(r), i, p)) }
            else { keyed.append((Double(lastRank) + 0.5, i, p)) }
        }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        output.content = keyed.flatMap { [$0.2.0, $0.2.1] }
    }
}
