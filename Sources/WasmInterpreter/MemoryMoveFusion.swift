import WasmParser

/// A load whose value goes straight to a store of the same width: memory to memory, one instruction.
/// Go spills and reloads through its stack frame (`i64.load offset=a; i64.store offset=b`), and unrolled
/// copy loops move 8 or 1 bytes at `dst + k` from `src + k` (the AddImm forms, each add wrapping to 32
/// bits as the add it replaces). The load's bounds check comes first, as when the two ran apart.
extension Translator {
    /// Fuses the store about to be emitted (`plain`, operands not yet popped) with the load that produced its
    /// value; false (nothing changed) when the shapes do not match, a label sits at the store (or, for the
    /// AddImm forms, at the load), or slots are large.
    mutating func fuseMemoryMove(_ m: MemArg, _ plain: Instruction) -> Bool {
        let n = stack.count
        let address = stack[n - 2]
        guard m.offset <= UInt64(UInt32.max), code.count > labelFloor, let p = producer(of: stack[n - 1]) else { return false }
        switch (plain, code[p]) {
        case let (.i64Store, .i64Load(_, source, o1)):
            guard let slots = SlotPair(slot(at: n - 2), source) else { return false }
            code[p] = .i64Move(slots, o1, UInt32(m.offset))
        case let (.i64Store, .i64LoadAddImm(_, source, c1)):
            guard moveAddImm(address, load: p, offset: m.offset, source, c1, Instruction.i64MoveAddImm) else { return false }
        case let (.i32Store8, .i32Load8UAddImm(_, source, c1)):
            guard moveAddImm(address, load: p, offset: m.offset, source, c1, Instruction.byteMoveAddImm) else { return false }
        default: return false
        }
        stack.removeLast(2)
        lastProducer = nil
        return true
    }

    /// The `i32AddImm(x, lhs, c2)` at `load - 1` that computed the store address (the temporary x) and the
    /// load at `load` as one `make(dst <- src, c1, c2)`; false when the store has an offset of its own, the
    /// address came from elsewhere, a label sits at the load, or a slot is too large.
    mutating func moveAddImm(_ address: Operand, load index: Int, offset: UInt64, _ source: Int32, _ c1: Int32,
                             _ make: (SlotPair, Int32, Int32) -> Instruction) -> Bool {
        guard offset == 0, index - 1 >= labelFloor, index >= 1, address.kind == .temp,
              address.slot == tempSlot(stack.count - 2),
              case let .i32AddImm(x, lhs, c2) = code[index - 1], x == address.slot,
              let slots = SlotPair(lhs, source) else { return false }
        code.removeLast()
        code[index - 1] = make(slots, c1, c2)
        return true
    }
}
