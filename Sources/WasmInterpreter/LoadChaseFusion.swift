import WasmParser

/// Go reads a pointer from its stack and loads through it right away (`i64.load offset=8; i32.wrap_i64;
/// i64.load offset=k`; the wrap emits nothing): one i64LoadChase for both loads. The pointer is consumed
/// by the second load alone, so it never needs a slot of its own.
extension Translator {
    /// An i64.load whose address is the value the i64.load just before produced: that load rewritten to
    /// load through it; false when the shape does not match.
    mutating func fuseLoadChase(_ m: MemArg, _ plain: Instruction) -> Bool {
        guard case let .i64Load(d, _, _) = plain, m.offset <= UInt64(UInt32.max),
              let i = producer(of: stack[stack.count - 1]), case let .i64Load(_, a, o1) = code[i],
              let pair = SlotPair(d, a) else { return false }
        code[i] = .i64LoadChase(pair, o1, UInt32(m.offset))
        stack.removeLast()
        pushTemp()
        lastProducer = (i, d)
        return true
    }
}
