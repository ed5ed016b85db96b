import WasmParser

/// Tail calls (feature .tailCall): `return_call` / `return_call_indirect` translate to the ordinary call
/// followed by a return of its results. The results are the same; the caller's frame stays live until the
/// callee returns, so unbounded tail recursion is still limited by `maxCallDepth` (a true frame-replacing
/// tail call needs an executor instruction of its own).
extension Translator {
    mutating func translateTailCall(_ op: Operator) throws {
        switch op {
        case .returnCall(let f):
            let address = instance.functionAddresses[Int(f)]
            call(store.functions[address].type) { .call(function: Int32(address), frameBase: $0) }
        case .returnCallIndirect(let typeIndex, let table):
            let index = pop()
            let ft = module.types[Int(typeIndex)]
            let a = Int32(aux.count)
            aux.append(Int32(table))
            aux.append(Int32(store.typeID(ft)))
            call(ft) { .callIndirect(index: index.slot, frameBase: $0, aux: a) }
        default:
            throw Trap(.host, "not a tail call: \(op)")
        }
        emitReturn()
        markUnreachable()
    }
}
