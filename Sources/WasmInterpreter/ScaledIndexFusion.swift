/// Scaled indexes `base + (i << 2)` (the address of element i of an i32 array: a bytecode VM's register
/// file, lookup tables): the shift and the add run as one `i32AddShl2`, and an offset-0 i32 load of that
/// address as one `i32LoadAddShl2` (AddressFusion.swift). The shift's and the add's 32-bit wrapping kept.
extension Translator {
    /// i32.add whose right operand is the temporary the last instruction (`x << 2`) produced: the shift is
    /// rewritten to `lhs + (x << 2)`. Not when the left operand is a constant (the add keeps its immediate
    /// form) or a label sits at the add (a jump there must not run the shift). Returns false otherwise.
    mutating func fuseScaledAdd() -> Bool {
        let n = stack.count
        let a = stack[n - 2], b = stack[n - 1]
        guard a.kind != .constant, b.kind == .temp, b.slot == tempSlot(n - 1), let p = lastProducer,
              p.index == code.count - 1, p.slot == b.slot, code.count > labelFloor,
              case let .i32ShlImm(s, x, 2) = code[p.index], s == b.slot else { return false }
        _ = popOperand()
        let lhs = pop()
        let d = tempSlot(stack.count)
        code[p.index] = .i32AddShl2(d, lhs.slot, x)
        pushTemp()
        fuelCount &+= 1 // charged as the add it replaces
        lastProducer = (p.index, d)
        if x == s { fuseByteIndex(at: p.index) } // the shift read its own temporary: a byte load's, maybe
        return true
    }
}
