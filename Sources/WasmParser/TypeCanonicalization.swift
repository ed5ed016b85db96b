/// Function types are equivalent when they are structurally equal after their own type indices are
/// resolved (function-references: a type may only refer to earlier types, so this is a single pass).
/// Returns each type's representative: the first index of its equivalence class.
enum TypeCanonicalization {
    /// nil in `unknownAt` = every type index inside type i is < i.
    static func representatives(_ types: [FunctionType]) -> (canonical: [UInt32], unknownAt: Int?) {
        var canonical = [UInt32]()
        canonical.reserveCapacity(types.count)
        var seen: [FunctionType: UInt32] = [:]
        var unknownAt: Int?
        for (i, type) in types.enumerated() {
            var key = type
            var ok = true
            func resolve(_ t: ValueType) -> ValueType {
                guard case .ref(var r) = t, case .concrete(let j) = r.heapType else { return t }
                guard Int(j) < i else { ok = false; return t }
                r.heapType = .concrete(canonical[Int(j)])
                return .ref(r)
            }
            key.params = type.params.map(resolve)
            key.results = type.results.map(resolve)
            if !ok && unknownAt == nil { unknownAt = i }
            if let first = seen[key] {
                canonical.append(first)
            } else {
                seen[key] = UInt32(i)
                canonical.append(UInt32(i))
            }
        }
        return (canonical, unknownAt)
    }
}
