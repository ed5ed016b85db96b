import WasmParser

/// function-references: a module's type indices (`(ref $t)`) mean nothing outside the module. Runtime
/// entities and the indirect-call check use store-wide types instead, where every type index is replaced
/// by the store type ID of the type it names, so equivalent types of different modules get one ID.
struct StoreTypes {
    /// Module type index -> the type in store terms, and its store type ID.
    let types: [FunctionType]
    let ids: [Int]

    init(_ module: Module, in store: Store) {
        var types = [FunctionType]()
        var ids = [Int]()
        types.reserveCapacity(module.types.count)
        ids.reserveCapacity(module.types.count)
        for type in module.types {
            // Validation guarantees a type refers only to earlier ones, which are already resolved.
            let key = StoreTypes.hasTypeIndex(type)
                ? FunctionType(params: type.params.map { StoreTypes.resolve($0, ids) },
                               results: type.results.map { StoreTypes.resolve($0, ids) })
                : type
            types.append(key)
            ids.append(store.typeID(key))
        }
        self.types = types
        self.ids = ids
    }

    /// `t` with a module type index replaced by its store type ID.
    func resolve(_ t: ValueType) -> ValueType { StoreTypes.resolve(t, ids) }

    private static func resolve(_ t: ValueType, _ ids: [Int]) -> ValueType {
        guard case .ref(var r) = t, case .concrete(let index) = r.heapType, Int(index) < ids.count else { return t }
        r.heapType = .concrete(UInt32(ids[Int(index)]))
        return .ref(r)
    }

    private static func hasTypeIndex(_ type: FunctionType) -> Bool {
        func isIndex(_ t: ValueType) -> Bool {
            if case .ref(let r) = t, case .concrete = r.heapType { return true }
            return false
        }
        return type.params.contains(where: isIndex) || type.results.contains(where: isIndex)
    }
}

extension Store {
    /// `type` as written in `module` (type indices are the module's) in store terms, which is what
    /// `hostFunction(type:)`, `createTable`, `createGlobal` and `createTag` take. Types without a
    /// type index come back unchanged.
    public func storeType(_ type: FunctionType, of module: Module) -> FunctionType {
        FunctionType(params: type.params.map { storeType($0, of: module) },
                     results: type.results.map { storeType($0, of: module) })
    }

    public func storeType(_ type: ValueType, of module: Module) -> ValueType {
        guard case .ref(let r) = type, case .concrete = r.heapType else { return type }
        return StoreTypes(module, in: self).resolve(type)
    }
}
