import WasmParser

/// function-references (feature .functionReferences). `call_ref` / `return_call_ref` reuse the indirect-call
/// instructions with table -1 (the operand is the callee reference; Executor.indirectTarget). The null
/// tests compute `ref == null` with i64.eqz (a null reference is cell 0) and branch on it.
extension Translator {
    mutating func translateFunctionReferences(_ op: Operator) throws {
        switch op {
        case .callRef(let typeIndex):
            let ref = pop()
            let a = indirectAux(typeIndex)
            call(module.types[Int(typeIndex)]) { .callIndirect(index: ref.slot, frameBase: $0, aux: a) }
        case .returnCallRef(let typeIndex):
            let ref = pop()
            let a = indirectAux(typeIndex)
            call(module.types[Int(typeIndex)]) { .returnCallIndirect(index: ref.slot, frameBase: $0, aux: a) }
            excludeTailCallFromCatchRegions(code.count - 1)
            emitReturn()
            markUnreachable()
        case .refAsNonNull:
            emit(.bulk(0, .trapIfNull, slot(at: stack.count - 1)))
        case .brOnNull(let depth):
            // [t* ref] -> branch with t* when null; otherwise continue with the (non-null) ref.
            let isNull = nullTest()
            let ref = pop()
            branchIf(depth: Int(depth), condition: isNull)
            lastProducer = nil
            stack.append(ref)
        case .brOnNonNull(let depth):
            // [t* ref] -> branch with t* ref when not null; otherwise continue with t*.
            let isNull = nullTest()
            branchIf(depth: Int(depth), condition: isNull, negated: true)
            lastProducer = nil
            _ = pop()
        default:
            throw Trap(.host, "not a function-references operator: \(op)")
        }
    }

    /// Aux entries of an indirect call through a reference: no table, the callee's expected type ID.
    private mutating func indirectAux(_ typeIndex: UInt32) -> Int32 {
        let a = Int32(aux.count)
        aux.append(-1)
        aux.append(Int32(instance.typeIDs[Int(typeIndex)]))
        return a
    }

    /// Computes `top == null` into a temp above the reference (left in place) and pops that temp.
    private mutating func nullTest() -> Operand {
        let ref = slot(at: stack.count - 1)
        produce { .i64Eqz($0, ref) }
        return pop()
    }
}
