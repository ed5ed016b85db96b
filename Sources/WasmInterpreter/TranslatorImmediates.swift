import WasmParser

/// Translation of binary operators with a constant operand into immediate forms (ImmediateInstructions.swift).
extension Translator {
    /// The immediate for constant `bits`: any i32, or an i64 that sign-extends from 32 bits.
    static func immediate(_ bits: UInt64, wide: Bool) -> Int32? {
        if !wide { return Int32(truncatingIfNeeded: bits) }
        let v = Int64(bitPattern: bits)
        return v >= Int64(Int32.min) && v <= Int64(Int32.max) ? Int32(v) : nil
    }

    /// A binary operator whose right operand may be an immediate; with `mirrored` (the operator with its
    /// operands swapped: itself when commutative, gt for lt...) the left one may be too.
    /// An immediate maker returns nil when its form cannot take that constant.
    typealias ImmediateForm = (_ dst: Int32, _ lhs: Int32, _ c: Int32) -> Instruction?

    mutating func emitBinary(_ make: (Int32, Int32, Int32) -> Instruction, immediate: ImmediateForm,
                             mirrored: ImmediateForm? = nil, wide: Bool) {
        if emitImmediateRight(immediate, wide: wide) { return }
        let a = stack[stack.count - 2]
        if let mirrored, a.kind == .constant, let c = Translator.immediate(a.bits, wide: wide),
           mirrored(0, 0, c) != nil {
            let b = pop()
            _ = popOperand()
            produce { mirrored($0, b.slot, c)! }
        } else {
            emitBinary(make)
        }
    }

    /// When the right operand is a constant `immediate` can take: emits that one instruction and returns
    /// true; otherwise emits nothing.
    mutating func emitImmediateRight(_ immediate: ImmediateForm, wide: Bool) -> Bool {
        let b = stack[stack.count - 1]
        guard b.kind == .constant, let c = Translator.immediate(b.bits, wide: wide), immediate(0, 0, c) != nil else {
            return false
        }
        _ = popOperand()
        if Translator.isIdentity(immediate(0, 0, c)!) { return true }
        let a = pop()
        produce { immediate($0, a.slot, c)! }
        return true
    }

    /// x + 0, x | 0, x ^ 0: the operand itself (an i32 slot's upper half is never read, so the i32 forms
    /// are identities too). Leaving the operand on the stack saves the instruction, and a `return x + 0`
    /// returns straight from the branch that computed x.
    static func isIdentity(_ i: Instruction) -> Bool {
        switch i {
        case .i32AddImm(_, _, 0), .i32OrImm(_, _, 0), .i32XorImm(_, _, 0),
             .i64AddImm(_, _, 0), .i64OrImm(_, _, 0), .i64XorImm(_, _, 0): return true
        default: return false
        }
    }

    /// x <= c as x < c + 1 and x >= c as x > c - 1 (no immediate forms of their own), when c ± 1 is still
    /// an immediate of the same meaning: for i64 the immediate is sign-extended, so unsigned comparisons
    /// also exclude the constants where c ± 1 leaves Int32.
    static func lessOrEqual(_ lt: @escaping (Int32, Int32, Int32) -> Instruction, signed: Bool, wide: Bool) -> ImmediateForm {
        { d, a, c in
            if c == Int32.max && (signed || wide) { return nil }
            if c == -1 && !signed { return nil }
            return lt(d, a, c &+ 1)
        }
    }

    static func greaterOrEqual(_ gt: @escaping (Int32, Int32, Int32) -> Instruction, signed: Bool, wide: Bool) -> ImmediateForm {
        { d, a, c in
            if c == Int32.min && (signed || wide) { return nil }
            if c == 0 && !signed { return nil }
            return gt(d, a, c &- 1)
        }
    }

    /// rotr by c is rotl by width - c (counts are taken modulo the width).
    static func rotateRight(_ rotl: @escaping (Int32, Int32, Int32) -> Instruction, width: Int32) -> ImmediateForm {
        { d, a, c in rotl(d, a, (width &- (c & (width - 1))) & (width - 1)) }
    }

    /// Subtraction of a constant is addition of its negation (wrapping, as the subtraction would).
    mutating func emitSub(_ make: (Int32, Int32, Int32) -> Instruction, wide: Bool) {
        let b = stack[stack.count - 1]
        if b.kind == .constant, let c = Translator.immediate(b.bits, wide: wide), wide ? c != Int32.min : true {
            _ = popOperand()
            if c == 0 { return }
            let a = pop()
            produce { wide ? .i64AddImm($0, a.slot, 0 &- c) : .i32AddImm($0, a.slot, 0 &- c) }
        } else {
            emitBinary(make)
        }
    }
}

extension Translator {
    /// The address operand of a memory-0 access and its static offset. A constant address is folded into the
    /// offset (the address slot is then a shared zero); a sum beyond 32 bits is out of bounds for any 32-bit
    /// memory, as the unfolded access would be.
    mutating func popAddress(_ m: MemArg) -> (slot: Int32, offset: UInt64) {
        let top = stack[stack.count - 1]
        if top.kind == .constant && m.offset <= UInt64(UInt32.max) {
            _ = popOperand()
            return (constantSlot(0), m.offset + UInt64(UInt32(truncatingIfNeeded: top.bits)))
        }
        return (pop().slot, m.offset)
    }
}
