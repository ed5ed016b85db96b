/// Validation of the function-references operators: typed calls through a reference, null checks and
/// null branches. Typed reference block types get a span in the validator's own pool.
extension FunctionValidator {
    /// The one-type span for a block type `t` (typed references are added to the pool once).
    mutating func span(of t: ValueType, at: Int) throws(WasmError) -> TypeSpan {
        if let fixed = ValidationContext.span(of: t) { return fixed }
        guard context.isKnown(t) else { throw WasmError.invalid("unknown type", at: at) }
        return referenceSpan(t)
    }

    mutating func applyFunctionReferences(_ op: Operator, at: Int) throws(WasmError) {
        switch op {
        case .callRef(let typeIndex):
            let type = try functionType(typeIndex, at: at)
            try pop(.ref(RefType(nullable: true, heapType: .concrete(typeIndex))), at: at)
            try pop(type.params, at: at)
            push(type.results)
        case .returnCallRef(let typeIndex):
            let type = try functionType(typeIndex, at: at)
            try checkTailCallResults(type, at: at)
            try pop(.ref(RefType(nullable: true, heapType: .concrete(typeIndex))), at: at)
            try pop(type.params, at: at)
            markUnreachable()
        case .refAsNonNull:
            push(try popReference(at: at).map { nonNull($0) })
        case .brOnNull(let depth):
            let operand = try popReference(at: at)
            let types = try label(depth, at: at)
            try pop(types, at: at)
            push(types)
            push(operand.map { nonNull($0) })
        case .brOnNonNull(let depth):
            let operand = try popReference(at: at)
            let types = try label(depth, at: at)
            guard types.count > 0, typePool[Int(types.start + types.count) - 1].isReference else {
                throw mismatch(at)
            }
            // The label receives the operand as non-null; on fall-through it is gone.
            push(operand.map { nonNull($0) })
            try pop(types, at: at)
            let rest = TypeSpan(start: types.start, count: types.count - 1)
            push(rest)
        default:
            preconditionFailure("not a function-references operator: \(op)")
        }
    }

    private func functionType(_ index: UInt32, at: Int) throws(WasmError) -> FunctionType {
        guard Int(index) < context.types.count else { throw WasmError.invalid("unknown type \(index)", at: at) }
        return context.types[Int(index)]
    }

    /// Pops a reference of any type; nil when the stack is polymorphic (bottom).
    private mutating func popReference(at: Int) throws(WasmError) -> ValueType? {
        let t = try popAny(at: at)
        if let t, !t.isReference { throw mismatch(at) }
        return t
    }

    private func nonNull(_ t: ValueType) -> ValueType {
        guard case .ref(var r) = t else { return t }
        r.nullable = false
        return .ref(r)
    }
}
