import WasmParser

extension Value {
    /// Whether an embedder-supplied value may go where `type` is expected (arguments, host results, table
    /// and global writes). References match by heap kind; null only where nullable; a type index (a store
    /// type ID in runtime types) only a function of that type.
    func fits(_ type: ValueType) -> Bool {
        switch (self, type) {
        case (.funcRef(let f), .ref(let r)) where r.heapType.isFunction:
            guard let f else { return r.nullable }
            if case .concrete(let id) = r.heapType { return f.store.functions[f.address].typeID == Int(id) }
            return true
        case (.externRef(let x), .ref(let r)) where r.heapType == .extern:
            return x != nil || r.nullable
        case (.exnRef(let e), .ref(let r)) where r.heapType == .exn:
            return e != nil || r.nullable
        default:
            return self.type == type
        }
    }
}
