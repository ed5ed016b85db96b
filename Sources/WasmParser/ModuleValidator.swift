/// Module-level validation (the "invalid" phase), then function bodies.
///
/// Like the reference interpreter, decoding errors anywhere win over validation errors: when something
/// is invalid, the remaining bodies are still scanned for malformed encodings before reporting it.
struct ModuleValidator {
    let module: Module
    var context = ValidationContext()

    init(module: Module) { self.module = module }

    mutating func validate(bodies: Bool) throws(WasmError) {
        do {
            try validateModuleLevel()
        } catch let error where error.phase == .invalid {
            if bodies { try BodySyntaxScanner.scan(module, from: 0) }
            throw error
        }
        module.context = context
        guard bodies else { return }
        var validator = FunctionValidator(module: module, context: context)
        for i in 0..<module.bodies.count {
            do {
                try validator.validate(definedIndex: i)
            } catch let error where error.phase == .invalid {
                try BodySyntaxScanner.scan(module, from: i)
                throw error
            }
        }
    }

    private mutating func validateModuleLevel() throws(WasmError) {
        let features = module.features
        context.types = module.types
        let typeCount = UInt32(module.types.count)
        if let i = context.typeWithUnknownReference {
            throw WasmError.invalid("unknown type", at: module.offsets.types[i])
        }

        let offsets = module.offsets
        for (i, imp) in module.imports.enumerated() {
            let at = offsets.imports[i]
            switch imp.kind {
            case .function(let t):
                guard t < typeCount else { throw WasmError.invalid("unknown type \(t)", at: at) }
                context.functionTypeIndices.append(t)
            case .table(let t):
                try checkKnown(t.elementType, at: at)
                try checkTableType(t, at: at)
                context.tables.append(t)
            case .memory(let m):
                try checkMemoryType(m, at: at)
                context.memories.append(m)
            case .global(let g):
                try checkKnown(g.valueType, at: at)
                context.globals.append(g)
            case .tag(let t):
                try checkTagType(t, at: at)
                context.tags.append(t)
            }
        }
        let importedGlobalCount = context.globals.count

        for (i, t) in module.functionTypeIndices.enumerated() {
            guard t < typeCount else { throw WasmError.invalid("unknown type \(t)", at: offsets.functions[i]) }
            context.functionTypeIndices.append(t)
        }
        for (i, t) in module.tables.enumerated() {
            try checkKnown(t.elementType, at: offsets.tables[i])
            try checkTableType(t, at: offsets.tables[i])
            context.tables.append(t)
        }
        for (i, m) in module.memories.enumerated() {
            try checkMemoryType(m, at: offsets.memories[i])
            context.memories.append(m)
        }
        for (i, t) in module.tags.enumerated() {
            try checkTagType(t, at: offsets.tags[i])
            context.tags.append(t)
        }
        if context.memories.count > 1 && !features.contains(.multiMemory) {
            let at = module.memories.isEmpty ? offsets.imports.last ?? 0 : offsets.memories[module.memories.count - 1]
            throw WasmError.invalid("multiple memories", at: at)
        }

        // Constant expressions see only imported globals (Wasm 2.0).
        for g in module.globals {
            collectFunctionReferences(g.initializer)
        }
        for e in module.elements {
            for item in e.initializers { collectFunctionReferences(item) }
        }
        for case let initializer? in module.tableInitializers { collectFunctionReferences(initializer) }
        for ex in module.exports where ex.kind == .function {
            context.declaredFunctions.insert(ex.index)
        }

        // Tables come before globals: their initializers see only imported globals too.
        for (i, initializer) in module.tableInitializers.enumerated() {
            let type = module.tables[i].elementType
            if let initializer {
                try checkConstant(initializer, type: type, visibleGlobals: importedGlobalCount)
            } else if !type.isDefaultable {
                throw WasmError.invalid("type mismatch: a \(type) table needs an initializer", at: offsets.tables[i])
            }
        }
        for g in module.globals {
            try checkKnown(g.type.valueType, at: g.initializer.offset)
            try checkConstant(g.initializer, type: g.type.valueType, visibleGlobals: importedGlobalCount)
            context.globals.append(g.type)
        }

        var exportNames = Set<Name>()
        for (i, ex) in module.exports.enumerated() {
            let at = offsets.exports[i]
            switch ex.kind {
            case .function:
                guard Int(ex.index) < context.functionTypeIndices.count else {
                    throw WasmError.invalid("unknown function \(ex.index)", at: at)
                }
            case .table:
                guard Int(ex.index) < context.tables.count else {
                    throw WasmError.invalid("unknown table \(ex.index)", at: at)
                }
            case .memory:
                guard Int(ex.index) < context.memories.count else {
                    throw WasmError.invalid("unknown memory \(ex.index)", at: at)
                }
            case .global:
                guard Int(ex.index) < context.globals.count else {
                    throw WasmError.invalid("unknown global \(ex.index)", at: at)
                }
            case .tag:
                guard Int(ex.index) < context.tags.count else {
                    throw WasmError.invalid("unknown tag \(ex.index)", at: at)
                }
            }
            guard exportNames.insert(ex.name).inserted else {
                throw WasmError.invalid("duplicate export name", at: at)
            }
        }

        if let start = module.start {
            guard let type = context.functionType(start) else {
                throw WasmError.invalid("unknown function \(start)", at: offsets.start)
            }
            guard type.params.isEmpty && type.results.isEmpty else {
                throw WasmError.invalid("start function", at: offsets.start)
            }
        }

        for e in module.elements {
            if case .active(let table, let offset) = e.mode {
                guard Int(table) < context.tables.count else {
                    throw WasmError.invalid("unknown table \(table)", at: offset.offset)
                }
                let indexType: ValueType = context.tables[Int(table)].limits.is64 ? .i64 : .i32
                try checkConstant(offset, type: indexType, visibleGlobals: importedGlobalCount)
                guard context.isSubtype(e.type, context.tables[Int(table)].elementType) else {
                    throw WasmError.invalid("type mismatch", at: offset.offset)
                }
            }
            try checkKnown(e.type, at: e.initializers.first?.offset ?? 0)
            for item in e.initializers {
                try checkConstant(item, type: e.type, visibleGlobals: importedGlobalCount)
            }
            context.elementTypes.append(e.type)
        }

        for d in module.data {
            if case .active(let memory, let offset) = d.mode {
                guard Int(memory) < context.memories.count else {
                    throw WasmError.invalid("unknown memory \(memory)", at: offset.offset)
                }
                let addressType: ValueType = context.memories[Int(memory)].limits.is64 ? .i64 : .i32
                try checkConstant(offset, type: addressType, visibleGlobals: importedGlobalCount)
            }
        }
        context.dataCount = module.dataCount
    }

    private mutating func collectFunctionReferences(_ expr: ConstExpression) {
        for instruction in expr.instructions {
            if case .refFunc(let f) = instruction { context.declaredFunctions.insert(f) }
        }
    }

    /// An exception tag's type: an existing function type with no results.
    private func checkTagType(_ typeIndex: UInt32, at: Int) throws(WasmError) {
        guard Int(typeIndex) < context.types.count else { throw WasmError.invalid("unknown type \(typeIndex)", at: at) }
        guard context.types[Int(typeIndex)].results.isEmpty else {
            throw WasmError.invalid("non-empty tag result type", at: at)
        }
    }

    private func checkKnown(_ t: ValueType, at: Int) throws(WasmError) {
        guard context.isKnown(t) else { throw WasmError.invalid("unknown type", at: at) }
    }

    /// `ref.func f` has the non-null type of f's own function type.
    private func functionReferenceType(_ f: UInt32) -> ValueType {
        .ref(RefType(nullable: false, heapType: .concrete(context.functionTypeIndices[Int(f)])))
    }

    private func checkLimits(_ limits: Limits, bound: UInt64, message: String, at: Int) throws(WasmError) {
        guard limits.min <= bound, (limits.max ?? 0) <= bound else {
            throw WasmError.invalid(message, at: at)
        }
        if let max = limits.max, limits.min > max {
            throw WasmError.invalid("size minimum must not be greater than maximum", at: at)
        }
    }

    private func checkTableType(_ t: TableType, at: Int) throws(WasmError) {
        let bound = t.limits.is64 ? UInt64.max : UInt64(UInt32.max)
        try checkLimits(t.limits, bound: bound, message: "table size must be at most 2^32-1", at: at)
    }

    private func checkMemoryType(_ m: MemoryType, at: Int) throws(WasmError) {
        if m.limits.is64 {
            try checkLimits(m.limits, bound: 1 << 48, message: "memory size must be at most 2^48 pages", at: at)
        } else {
            try checkLimits(m.limits, bound: 65536, message: "memory size must be at most 65536 pages (4GiB)", at: at)
        }
    }

    /// The type of a lone constant instruction (nil for the extended-const arithmetic).
    private func singleConstantType(_ instruction: ConstInstruction, expr: ConstExpression,
                                    visibleGlobals: Int) throws(WasmError) -> ValueType? {
        switch instruction {
        case .i32Const: return .i32
        case .i64Const: return .i64
        case .f32Const: return .f32
        case .f64Const: return .f64
        case .v128Const: return .v128
        case .refNull(let t):
            try checkKnown(t, at: expr.offset)
            return t
        case .refFunc(let f):
            guard Int(f) < context.functionTypeIndices.count else {
                throw WasmError.invalid("unknown function \(f)", at: expr.offset)
            }
            return functionReferenceType(f)
        case .globalGet(let g):
            guard Int(g) < visibleGlobals else { throw WasmError.invalid("unknown global \(g)", at: expr.offset) }
            let global = context.globals[Int(g)]
            guard !global.isMutable else {
                throw WasmError.invalid("constant expression required", at: expr.offset)
            }
            return global.valueType
        default: return nil
        }
    }

    /// Constant-expression rules: only constant instructions, `global.get` of visible immutable globals,
    /// and exactly one result of the expected type.
    private func checkConstant(_ expr: ConstExpression, type: ValueType, visibleGlobals: Int) throws(WasmError) {
        if let at = expr.nonConstantOffset {
            throw WasmError.invalid("constant expression required", at: at)
        }
        if expr.instructions.count == 1 {
            if let t = try singleConstantType(expr.instructions[0], expr: expr, visibleGlobals: visibleGlobals) {
                guard context.isSubtype(t, type) else { throw WasmError.invalid("type mismatch", at: expr.offset) }
                return
            }
        }
        var stack = [ValueType]()
        for instruction in expr.instructions {
            switch instruction {
            case .i32Const: stack.append(.i32)
            case .i64Const: stack.append(.i64)
            case .f32Const: stack.append(.f32)
            case .f64Const: stack.append(.f64)
            case .v128Const: stack.append(.v128)
            case .refNull(let t):
                try checkKnown(t, at: expr.offset)
                stack.append(t)
            case .refFunc(let f):
                guard Int(f) < context.functionTypeIndices.count else {
                    throw WasmError.invalid("unknown function \(f)", at: expr.offset)
                }
                stack.append(functionReferenceType(f))
            case .globalGet(let g):
                guard Int(g) < visibleGlobals else {
                    throw WasmError.invalid("unknown global \(g)", at: expr.offset)
                }
                let global = context.globals[Int(g)]
                guard !global.isMutable else {
                    throw WasmError.invalid("constant expression required", at: expr.offset)
                }
                stack.append(global.valueType)
            case .i32Add, .i32Sub, .i32Mul, .i64Add, .i64Sub, .i64Mul:
                let t: ValueType
                switch instruction {
                case .i32Add, .i32Sub, .i32Mul: t = .i32
                default: t = .i64
                }
                guard stack.count >= 2, stack.removeLast() == t, stack.removeLast() == t else {
                    throw WasmError.invalid("type mismatch", at: expr.offset)
                }
                stack.append(t)
            }
        }
        guard stack.count == 1, context.isSubtype(stack[0], type) else {
            throw WasmError.invalid("type mismatch", at: expr.offset)
        }
    }
}
