/// Xor chains of shifted and rotated copies (sha256's sigma functions: `rotl(x, a) ^ rotl(x, b) ^ (x >> c)`,
/// xorshift generators): the xor folds in the immediate shift that produced its right operand and
/// accumulates into its left operand's temporary, one instruction instead of two. Three copies of one
/// value (sha256's Σ: three rotations; σ: two rotations and a shift right) become one instruction.
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
        fuseShiftTriple()
        return true
    }

    /// `t = rotl(x, a); t ^= rotl(x, b); t ^= rotl(x, c)` (or `t ^= x >>u c`), the last three instructions
    /// with no label before the second, as one instruction. The first must not overwrite x.
    mutating func fuseShiftTriple() {
        let k = code.count - 1
        guard k >= 2, k - 1 > labelFloor, case let .i32RotlImm(t, x, a) = code[k - 2], t != x,
              case let .i32XorRotlImm(t2, x2, b) = code[k - 1], t2 == t, x2 == x else { return }
        let fused: Instruction
        switch code[k] {
        case let .i32XorRotlImm(t3, x3, c) where t3 == t && x3 == x:
            fused = .i32RotlXor3(t, x, ShiftCounts(a, b, c))
        case let .i32XorShrUImm(t3, x3, c) where t3 == t && x3 == x:
            fused = .i32Rotl2ShrUXor(t, x, ShiftCounts(a, b, c))
        default: return
        }
        code.removeLast(2)
        code[k - 2] = fused
        lastProducer = (k - 2, t) // x is read before the result is written: any slot may take it
    }
}

extension Instruction {
    /// `withResult` for the fused shift triples.
    func shiftTripleWithResult(_ slot: Int32) -> Instruction? {
        switch self {
        case let .i32RotlXor3(_, x, c): return .i32RotlXor3(slot, x, c)
        case let .i32Rotl2ShrUXor(_, x, c): return .i32Rotl2ShrUXor(slot, x, c)
        default: return nil
        }
    }
}

/// The three counts of a fused xor of shifts, each taken modulo 32 as the shift would.
struct ShiftCounts: Equatable {
    let first: UInt8
    let second: UInt8
    let third: UInt8

    init(_ a: Int32, _ b: Int32, _ c: Int32) {
        first = UInt8(a & 31)
        second = UInt8(b & 31)
        third = UInt8(c & 31)
    }
}

extension ShiftCounts: CustomStringConvertible {
    var description: String { "\(first), \(second), \(third)" }
}
