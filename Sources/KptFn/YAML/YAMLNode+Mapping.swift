/// Mapping and sequence helpers. Keys are compared by scalar text; order is kept.
extension YAMLNode {
    /// Number of key/value pairs of a mapping.
    public var pairCount: Int { kind == .mapping ? content.count / 2 : 0 }

    /// Keys of a mapping, in order.
    public var keys: [String] {
        guard kind == .mapping else { return [] }
        return stride(from: 0, to: content.count - 1, by: 2).map { content[$0].value }
    }

    /// Key/value node pairs of a mapping, in order.
    public var pairs: [(key: YAMLNode, value: YAMLNode)] {
        guard kind == .mapping else { return [] }
        return stride(from: 0, to: content.count - 1, by: 2).map { (content[$0], content[$0 + 1]) }
    }

    /// The document's root node (self when not a document).
    public var root: YAMLNode { kind == .document ? (content.first ?? self) : self }

    private func keyIndex(_ key: String) -> Int? {
        guard kind == .mapping else { return nil }
        var i = 0
        while i + 1 < content.count {
            if content[i].value == key && content[i].kind == .scalar { return i }
            i += 2
        }
        return nil
    }

    /// Value of `key` in a mapping (or in a document's root mapping).
    public func get(_ key: String) -> YAMLNode? {
        if kind == .document { return root.get(key) }
        return keyIndex(key).map { content[$0 + 1] }
    }

    /// The key node for `key` (carries the key's comments).
    public func keyNode(_ key: String) -> YAMLNode? {
        if kind == .document { return root.keyNode(key) }
        return keyIndex(key).map { content[$0] }
    }

    /// Follows a path of mapping keys: `node.get(path: ["metadata", "name"])`.
    public func get(path: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in path { node = node?.get(key) }
        return node
    }

    /// String value of a scalar at `path` (nil if missing or not a scalar).
    public func string(at path: [String]) -> String? {
        guard let node = get(path: path), node.kind == .scalar else { return nil }
        return node.value
    }

    /// Replaces the value of `key` in place, or appends the pair at the end.
    public func set(_ key: String, _ value: YAMLNode) {
        if kind == .document { root.set(key, value); return }
        precondition(kind == .mapping, "set(_:_:) needs a mapping node")
        if let i = keyIndex(key) {
            content[i + 1] = value
        } else {
            content.append(.string(key))
            content.append(value)
        }
    }

    /// Sets `key` to a `!!str` scalar. An existing scalar keeps its comments; its quoting
    /// style is kept unless the new text requires yaml.v3's own choice.
    public func set(_ key: String, string value: String) {
        if let existing = get(key), existing.kind == .scalar {
            existing.value = value
            existing.tag = "!!str"
            existing.style.remove(.tagged)
            if value.contains("\n") == false { existing.style.subtract([.literal, .folded]) }
            return
        }
        set(key, .string(value))
    }

    /// Returns the mapping under `key`, creating an empty one if missing.
    @discardableResult
    public func ensureMapping(_ key: String) -> YAMLNode {
        if let existing = get(key), existing.kind == .mapping { return existing }
        let map = YAMLNode.mapping()
        set(key, map)
        return map
    }

    /// Removes `key`; returns the removed value.
    @discardableResult
    public func remove(_ key: String) -> YAMLNode? {
        if kind == .document { return root.remove(key) }
        guard let i = keyIndex(key) else { return nil }
        let value = content[i + 1]
        content.removeSubrange(i...(i + 1))
        return value
    }

    /// Items of a sequence (empty for other kinds).
    public var items: [YAMLNode] { kind == .sequence ? content : [] }
}
