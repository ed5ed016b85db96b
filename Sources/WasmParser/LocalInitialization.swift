/// Which non-defaultable locals (function-references) have been set on the current path. A set inside a
/// block is undone at its `else`/`end`: the spec scopes local initialization to the enclosing frame.
struct LocalInitialization {
    /// Off unless the function declares a non-null reference local, so the common case costs one test.
    private(set) var isTracking = false
    private var set: Set<UInt32> = []
    private var log: [UInt32] = []

    /// Parameters start initialized (kept out of the undo log, so no frame unsets them).
    mutating func reset(params: [ValueType], declarations: [(count: UInt32, type: ValueType)]) {
        isTracking = declarations.contains { !$0.type.isDefaultable }
        set.removeAll(keepingCapacity: true)
        log.removeAll(keepingCapacity: true)
        guard isTracking else { return }
        for (i, t) in params.enumerated() where !t.isDefaultable { set.insert(UInt32(i)) }
    }

    /// Undo-log height, saved by each control frame.
    var mark: Int { log.count }

    func isInitialized(_ index: UInt32, type: ValueType) -> Bool {
        type.isDefaultable || set.contains(index)
    }

    mutating func initialize(_ index: UInt32, type: ValueType) {
        guard !type.isDefaultable, set.insert(index).inserted else { return }
        log.append(index)
    }

    mutating func undo(to mark: Int) {
        while log.count > mark { set.remove(log.removeLast()) }
    }
}
