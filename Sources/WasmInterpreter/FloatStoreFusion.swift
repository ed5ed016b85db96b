import WasmParser

/// An f64 result stored straight to memory (n-body's `v[k] -= d * m`, `p[k] += d * v`): the subtraction
/// and its store as one `f64SubStore`, and a load-add-store to one address as one `f64AddToMemory`. When
/// the subtraction's left operand was loaded from the very address stored to, with only an f64 operation in
/// between (`v[k] -= dx * mag * m`), the load, subtraction and store become one `f64SubFromMemory` after that
/// operation. The bounds check comes where the store's came; an out-of-bounds store leaves memory as it was.
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
            if subtractsFromMemory(at: p, lhs, rhs, a, offset) { break }
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

    /// `t = load(a + offset); r = op(...); t - r` at p - 2 ... p, stored back to a + offset: rewritten as `op;
    /// f64SubFromMemory(r, a, offset)`. Only for a temporary t, no branch landing after the load, and an f64
    /// operation that neither reads t nor writes a or t.
    mutating func subtractsFromMemory(at p: Int, _ lhs: Int32, _ rhs: Int32, _ a: Int32, _ offset: UInt32) -> Bool {
        guard p >= 2, p - 1 > labelFloor, lhs >= Int32(tempBase), case let .i64Load(t, base, o) = code[p - 2],
              t == lhs, base == a, o == offset, let (d, reads) = code[p - 1].floatOperation, d == rhs,
              d != a, d != t, !reads.contains(t) else { return false }
        code[p - 2] = code[p - 1]
        code[p - 1] = .f64SubFromMemory(rhs, a, offset)
        code.removeLast()
        return true
    }
}

extension Instruction {
    /// The result and operand slots of an f64 arithmetic instruction, which touches no memory.
    var floatOperation: (dst: Int32, reads: [Int32])? {
        switch self {
        case let .f64Add(d, x, y), let .f64Sub(d, x, y), let .f64Mul(d, x, y), let .f64Div(d, x, y): return (d, [x, y])
        case let .f64MulMul(c), let .f64MulAdd(c), let .f64AddAdd(c):
            return (Int32(c.dst), [Int32(c.x), Int32(c.y), Int32(c.z)])
        default: return nil
        }
    }
}
