/// Mapping/scalar helpers used by the function layer. Named `fn…` so they never clash with
/// the YAML layer's own accessors.
extension YAMLNode {
    /// The mapping node under a document node, or self.
    var fnRoot: YAMLNode { kind == .document ? (content.first ?? self) : self }

    /// Value for `key` in a mapping.
    func fnValue(_ key: String) -> YAMLNode? {
        guard kind == .mapping else { return nil }
        var i = 0
        while i + 1 < content.count {
            if content[i].value == key { return content[i + 1] }
            i += 2
        }
        return nil
    }

    /// Follows a path of keys.
    func fnValue(path: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for k in path { node = node?.fnValue(k) }
        return node
    }

    /// Scalar text at a path ("" when missing or not a scalar).
    func fnString(_ path: String...) -> String {
        guard let n = fnValue(path: path), n.kind == .scalar, !n.isNull else { return "" }
        return n.value
    }

    /// Keys and values of a mapping, in order.
    var fnPairs: [(key: String, value: YAMLNode)] {
        guard kind == .mapping else { return [] }
        return stride(from: 0, to: content.count - 1, by: 2).map { (content[$0].value, content[$0 + 1]) }
    }

    /// String map of a mapping node (labels, annotations, configMap data).
    var fnStringMap: [String: String] {
        var out: [String: String] = [:]
        for (k, v) in fnPairs where v.kind == .scalar { out[k] = v.value }
        return out
    }

    /// Sets `key` in a mapping, replacing in place or appending.
    func fnSet(_ key: String, _ value: YAMLNode) {
        var i = 0
        while i + 1 < content.count {
            if content[i].value == key { content[i + 1] = value; return }
            i += 2
        }
        content.append(.string(key))
        content.append(value)
    }

    /// Removes `key` from a mapping.
    func fnRemove(_ key: String) {
        var i = 0
        while i + 1 < content.count {
            if content[i].value == key { content.removeSubrange(i...(i + 1)); return }
            i += 2
        }
    }

    /// Sets `metadata.annotations[key]` (creating the maps), as a quoted string like kpt's.
    func fnSetAnnotation(_ key: String, _ value: String) {
        let root = fnRoot
        var metadata = root.fnValue("metadata")
        if metadata == nil || metadata?.kind != .mapping { metadata = .mapping(); root.fnSet("metadata", metadata!) }
        var annotations = metadata!.fnValue("annotations")
        if annotations == nil || annotations?.kind != .mapping {
            annotations = .mapping(); metadata!.fnSet("annotations", annotations!)
        }
        annotations!.fnSet(key, .string(value, style: .singleQuoted))
    }

    func fnAnnotation(_ key: String) -> String? {
        guard let v = fnRoot.fnValue(path: ["metadata", "annotations", key]), v.kind == .scalar else { return nil }
        return v.value
    }

    /// Removes an annotation, dropping `annotations` (and `metadata`) when left empty.
    func fnRemoveAnnotation(_ key: String) {
        let root = fnRoot
        guard let metadata = root.fnValue("metadata"), let annotations = metadata.fnValue("annotations") else { return }
        annotations.fnRemove(key)
        if annotations.content.isEmpty { metadata.fnRemove("annotations") }
        if metadata.content.isEmpty { root.fnRemove("metadata") }
    }
}
