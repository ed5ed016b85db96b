import WasmParser

extension Store {
    /// Links `module` against `imports`, allocates its entities, applies active segments and runs its start
    /// function. Throws `LinkError` before allocating any entity (the module's types are registered store-wide
    /// first); a `Trap` from a segment or the start function
    /// leaves earlier segment writes in place (bulk-memory semantics).
    public func instantiate(_ module: Module, imports: Imports = Imports()) throws -> Instance {
        let storeTypes = StoreTypes(module, in: self)
        let resolved = try resolveImports(of: module, in: imports, types: storeTypes)
        let instance = InstanceEntity(module: module, storeIndex: instances.count)
        instance.typeIDs = storeTypes.ids
        instances.append(instance)

        for value in resolved {
            switch value {
            case .function(let f): instance.functionAddresses.append(f.address)
            case .table(let t): instance.tables.append(t.entity)
            case .memory(let m): instance.memories.append(m.entity)
            case .global(let g): instance.globals.append(g.entity)
            case .tag(let t): instance.tagAddresses.append(t.address)
            }
        }
        for (i, typeIndex) in module.functionTypeIndices.enumerated() {
            let entity = FunctionEntity(type: storeTypes.types[Int(typeIndex)], typeID: storeTypes.ids[Int(typeIndex)],
                                        instance: instance, definedIndex: i)
            instance.functionAddresses.append(addFunction(entity))
        }
        for typeIndex in module.tags {
            instance.tagAddresses.append(addTag(TagEntity(type: storeTypes.types[Int(typeIndex)])))
        }
        for (i, type) in module.tables.enumerated() {
            noteStorage(of: type.elementType)
            // An initializer (function-references) sees imported globals and all functions.
            let initial = try (i < module.tableInitializers.count ? module.tableInitializers[i] : nil).map { try evaluate($0, in: instance) } ?? 0
            let storeType = TableType(elementType: storeTypes.resolve(type.elementType), limits: type.limits)
            instance.tables.append(try TableEntity(type: storeType, initial: initial))
        }
        for type in module.memories {
            try checkMemoryCap(type)
            instance.memories.append(try MemoryEntity(type: type))
        }
        for definition in module.globals {
            noteStorage(of: definition.type.valueType)
            instance.finishGlobals()
            let value = try evaluate(definition.initializer, in: instance)
            let type = GlobalType(valueType: storeTypes.resolve(definition.type.valueType),
                                  isMutable: definition.type.isMutable)
            instance.globals.append(GlobalEntity(type: type, value: value))
        }
        instance.finishGlobals()

        for export in module.exports {
            let i = Int(export.index)
            let entity: ExportedEntity
            switch export.kind {
            case .function: entity = .function(address: instance.functionAddresses[i])
            case .table: entity = .table(instance.tables[i])
            case .memory: entity = .memory(instance.memories[i])
            case .global: entity = .global(instance.globals[i])
            case .tag: entity = .tag(address: instance.tagAddresses[i])
            }
            instance.addExport(export.name, entity)
        }

        for segment in module.elements {
            instance.elementSegments.append(try segment.initializers.map { try evaluate($0, in: instance) })
        }
        instance.dataSegments = InstanceDataSegments(of: module)

        for (i, segment) in module.elements.enumerated() {
            switch segment.mode {
            case .passive: break
            case .declarative: instance.elementSegments[i] = []
            case .active(let table, let offset):
                let start = try evaluate(offset, in: instance)
                let items = instance.elementSegments[i]
                try Executor.tableInit(instance.tables[Int(table)], items, destination: u32(start), source: 0,
                                       count: UInt32(items.count))
                instance.elementSegments[i] = []
            }
        }
        try initializeActiveData(of: module, in: instance)

        if let start = module.start {
            _ = try Function(store: self, address: instance.functionAddresses[Int(start)]).invoke([])
        }
        return instance.handle(in: self)
    }

    /// Import matching in store terms: function types by ID, table element types exactly, global types by
    /// subtyping when immutable.
    private func resolveImports(of module: Module, in imports: Imports, types: StoreTypes) throws -> [ExternalValue] {
        var resolved: [ExternalValue] = []
        for imp in module.imports {
            let where_ = "\(imp.module).\(imp.name)"
            guard let value = imports.lookup(module: imp.module, name: imp.name) else {
                throw LinkError("unknown import: \(where_)")
            }
            let compatible: Bool
            switch (imp.kind, value) {
            case (.function(let typeIndex), .function(let f)):
                compatible = f.store === self && functions[f.address].typeID == types.ids[Int(typeIndex)]
            case (.table(let expected), .table(let t)):
                compatible = t.store === self && types.resolve(expected.elementType) == t.entity.type.elementType
                    && limitsMatch(size: t.size, max: t.entity.type.limits.max, expected: expected.limits)
            case (.memory(let expected), .memory(let m)):
                compatible = m.store === self
                    && limitsMatch(size: m.pageCount, max: m.entity.type.limits.max, expected: expected.limits)
            case (.global(let expected), .global(let g)):
                let want = types.resolve(expected.valueType), have = g.type.valueType
                compatible = g.store === self && g.type.isMutable == expected.isMutable
                    && (expected.isMutable ? have == want : have.isSubtype(of: want))
            case (.tag(let typeIndex), .tag(let t)):
                compatible = t.store === self && t.type == types.types[Int(typeIndex)]
            default:
                compatible = false
            }
            guard compatible else { throw LinkError("incompatible import type: \(where_)") }
            resolved.append(value)
        }
        return resolved
    }

    /// Import subtyping on limits: at least as large now, and a maximum at least as tight.
    private func limitsMatch(size: UInt64, max: UInt64?, expected: Limits) -> Bool {
        guard size >= expected.min else { return false }
        if let expectedMax = expected.max {
            guard let max, max <= expectedMax else { return false }
        }
        return true
    }

    /// Evaluates a constant expression to a cell.
    func evaluate(_ expression: ConstExpression, in instance: InstanceEntity) throws -> UInt64 {
        var stack: [UInt64] = []
        func pop() -> UInt64 { stack.popLast() ?? 0 }
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const(let v): stack.append(cell(v))
            case .i64Const(let v): stack.append(cell(v))
            case .f32Const(let v): stack.append(UInt64(v))
            case .f64Const(let v): stack.append(v)
            case .v128Const(let v): stack.append(try vectors.pin(v))
            case .refNull: stack.append(0)
            case .refFunc(let i): stack.append(UInt64(instance.functionAddresses[Int(i)]) + 1)
            case .globalGet(let i): stack.append(instance.globals[Int(i)].cell.pointee)
            case .i32Add: let b = pop(), a = pop(); stack.append(Num.i32Add(a, b))
            case .i32Sub: let b = pop(), a = pop(); stack.append(Num.i32Sub(a, b))
            case .i32Mul: let b = pop(), a = pop(); stack.append(Num.i32Mul(a, b))
            case .i64Add: let b = pop(), a = pop(); stack.append(Num.i64Add(a, b))
            case .i64Sub: let b = pop(), a = pop(); stack.append(Num.i64Sub(a, b))
            case .i64Mul: let b = pop(), a = pop(); stack.append(Num.i64Mul(a, b))
            }
        }
        return pop()
    }
}
