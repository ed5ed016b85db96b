import WasmParser

/// Tail calls (feature .tailCall). `return_call` of a wasm function becomes `Instruction.returnCall` and
/// `return_call_indirect` becomes `Instruction.returnCallIndirect`; both replace the frame of a wasm callee.
/// A host callee is called normally and the return sequence emitted after the call passes its results on.
extension Translator {
    mutating func translateTailCall(_ op: Operator) throws {
        switch op {
        case .returnCall(let f):
            let address = instance.functionAddresses[Int(f)]
            let type = store.functions[address].type
            if store.functions[address].host == nil {
                call(type) { .returnCall(function: Int32(address), frameBase: $0) }
                markUnreachable()
                return
            }
            call(type) { .call(function: Int32(address), frameBase: $0) }
        case .returnCallIndirect(let typeIndex, let table):
            let index = pop()
            let ft = module.types[Int(typeIndex)]
            let a = Int32(aux.count)
            aux.append(Int32(table))
            aux.append(Int32(instance.typeIDs[Int(typeIndex)]))
            call(ft) { .returnCallIndirect(index: index.slot, frameBase: $0, aux: a) }
        default:
            throw Trap(.host, "not a tail call: \(op)")
        }
        excludeTailCallFromCatchRegions(code.count - 1)
        emitReturn()
        markUnreachable()
    }
}
