/// Accessors for Kubernetes resource fields on a resource's root mapping (or its document).
extension YAMLNode {
    public var apiVersion: String? { string(at: ["apiVersion"]) }
    public var resourceKind: String? { string(at: ["kind"]) }
    public var name: String? { string(at: ["metadata", "name"]) }
    public var namespace: String? { string(at: ["metadata", "namespace"]) }

    /// `metadata.annotations` as an ordered list of (key, value) (scalars only).
    public var annotations: [(key: String, value: String)] { stringMap(at: ["metadata", "annotations"]) }
    public var labels: [(key: String, value: String)] { stringMap(at: ["metadata", "labels"]) }

    public func annotation(_ key: String) -> String? { string(at: ["metadata", "annotations", key]) }
    public func label(_ key: String) -> String? { string(at: ["metadata", "labels", key]) }

    /// Sets `metadata.annotations[key]`, creating `metadata`/`annotations` as needed; an
    /// existing key is overwritten in place.
    public func setAnnotation(_ key: String, _ value: String) {
        root.ensureMapping("metadata").ensureMapping("annotations").set(key, string: value)
    }

    public func setLabel(_ key: String, _ value: String) {
        root.ensureMapping("metadata").ensureMapping("labels").set(key, string: value)
    }

    /// Removes an annotation; drops `annotations` if it became empty and `metadata` if that
    /// became empty too (kyaml's ClearAnnotation behaviour). Returns the removed value.
    @discardableResult
    public func removeAnnotation(_ key: String) -> String? {
        guard let metadata = root.get("metadata"), metadata.kind == .mapping,
              let annotations = metadata.get("annotations"), annotations.kind == .mapping,
              let removed = annotations.remove(key) else { return nil }
        if annotations.content.isEmpty {
            metadata.remove("annotations")
            if metadata.content.isEmpty { root.remove("metadata") }
        }
        return removed.value
    }

    @discardableResult
    public func removeLabel(_ key: String) -> String? {
        guard let labels = root.get(path: ["metadata", "labels"]), labels.kind == .mapping else { return nil }
        return labels.remove(key)?.value
    }

    private func stringMap(at path: [String]) -> [(key: String, value: String)] {
        guard let map = get(path: path), map.kind == .mapping else { return [] }
        return map.pairs.compactMap { pair in
            pair.value.kind == .scalar ? (pair.key.value, pair.value.value) : nil
        }
    }
}
