import WasmParser

/// An f64 result stored straight to memory (n-body's `v[k] -= d * m`, `p[k] += d * v`): the subtraction
/// and its store as one `f64SubStore`, and a load-add-store to one address as one `f64AddToMemory`. The
/// bounds check comes where the store's came; an out-of-bounds store leaves memory as it was.
extension Translator {
    /// Fuses the f64 store about to be emitted (operands not yet popped) with the instruction that produced
    /// its value; false (nothing changed) when the shapes do not match, a label sits at the store, the
    /// address is a constant or slots are large.
    mutating func fuseFloatStore(_ m: MemArg) -> Bool {
        let n = stack.count
        let address = stack[n - 2]
        guard m.offset <= UInt64(UInt32.max), address.kind != .constant, code.count > labelFloor,
              let p = producer(of: stack[n - 1]) else { return false }
        let a = address.slot, offset = UInt32(m.offset)
        switch code[p] {
        case let .f64Sub(d, lhs, rhs) where d != a:
            guard let operands = SlotPair(lhs, rhs) else { return false }
            code[p] = .f64SubStore(operands, a, offset)
        case let .f64AddLoad(sum, base, o) where base == a && o == offset && Int32(sum.dst) != a:
            code[p] = .f64AddToMemory(Int32(sum.src), a, offset)
        default: return false
        }
        stack.removeLast(2)
        lastProducer = nil
        return true
    }
}
