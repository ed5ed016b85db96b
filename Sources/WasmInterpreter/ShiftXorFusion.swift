/// Xor chains of shifted and rotated copies (sha256's sigma functions: `rotl(x, a) ^ rotl(x, b) ^ (x >> c)`,
/// xorshift generators): the xor folds in the immediate shift that produced its right operand and
/// accumulates into its left operand's temporary, one instruction instead of two.
extension Instruction {
    /// This immediate shift (result unused elsewhere) xored into `dst`.
    func xorAccumulating(into dst: Int32) -> Instruction? {
        switch self {
        case let .i32RotlImm(_, a, c): return .i32XorRotlImm(dst, a, c)
        case let .i32ShrUImm(_, a, c): return .i32XorShrUImm(dst, a, c)
        case let .i32ShlImm(_, a, c): return .i32XorShlImm(dst, a, c)
        default: return nil
        }
    }
}

extension Translator {
    /// i32.xor whose right operand is the temporary the last instruction (an immediate shift) produced and
    /// whose left operand is a temporary too: the xor's result goes to that left temporary's slot, so the
    /// shift is rewritten to xor itself into it. Returns false (nothing changed) otherwise.
    mutating func fuseXorShift() -> Bool {
        let n = stack.count
        let a = stack[n - 2], b = stack[n - 1]
        guard a.kind == .temp, a.slot == tempSlot(n - 2), b.kind == .temp, let p = lastProducer,
              p.index == code.count - 1, p.slot == b.slot,
              let fused = code[p.index].xorAccumulating(into: a.slot) else { return false }
        code[p.index] = fused
        stack.removeLast() // the left temporary now holds the xor
        fuelCount &+= 1 // charged as the xor it replaces
        lastProducer = nil
        return true
    }
}
