/// An f64 add or multiply one of whose operands an f64.load just produced (`sum += a[i] * b[j]`): the load
/// runs inside the arithmetic, one instruction instead of two. The address keeps the load's form:
/// `u32(base) + offset`, or `u32(base + c)` wrapping when the load absorbed an add (AddressFusion.swift).
/// The load may sit on either side: both operations commute (the NaN a wasm f64 operation returns is any
/// NaN). Subtraction has no such form: the instruction tag is one byte, 256 kinds at most.
enum FloatLoadOp {
    case add, mul
}

extension Translator {
    /// Fuses the f64 operation `op` with the load that produced one of its operands; false (nothing
    /// changed) when no such load was the last instruction, a label sits here, or a slot is too large.
    mutating func fuseFloatLoad(_ op: FloatLoadOp) -> Bool {
        let n = stack.count
        let a = stack[n - 2], b = stack[n - 1]
        guard code.count > labelFloor, let p = lastProducer, p.index == code.count - 1 else { return false }
        let loadedOnRight = b.kind == .temp && b.slot == tempSlot(n - 1) && p.slot == b.slot
        let loadedOnLeft = b.kind != .temp && a.kind == .temp && a.slot == tempSlot(n - 2) && p.slot == a.slot
        guard loadedOnRight || loadedOnLeft else { return false }
        let other = loadedOnRight ? n - 2 : n - 1
        let otherSlot = slot(at: other)
        let d = tempSlot(n - 2)
        guard let pair = SlotPair(d, otherSlot) else { return false }
        let fused: Instruction
        switch (code[p.index], op) {
        case let (.i64Load(_, base, offset), .add): fused = .f64AddLoad(pair, base, offset)
        case let (.i64Load(_, base, offset), .mul): fused = .f64MulLoad(pair, base, offset)
        case let (.i64LoadAddImm(_, base, c), .add): fused = .f64AddLoadAddImm(pair, base, c)
        case let (.i64LoadAddImm(_, base, c), .mul): fused = .f64MulLoadAddImm(pair, base, c)
        default: return false
        }
        stack.removeLast(2)
        code[p.index] = fused
        pushTemp()
        fuelCount &+= 1 // charged as the operation it replaces
        lastProducer = (p.index, d)
        return true
    }
}

extension Instruction {
    /// `withResult` for the fused f64 operations.
    func floatLoadWithResult(_ slot: Int32) -> Instruction? {
        switch self {
        case let .f64AddLoad(p, b, o): return SlotPair(slot, Int32(p.src)).map { .f64AddLoad($0, b, o) }
        case let .f64MulLoad(p, b, o): return SlotPair(slot, Int32(p.src)).map { .f64MulLoad($0, b, o) }
        case let .f64AddLoadAddImm(p, b, c): return SlotPair(slot, Int32(p.src)).map { .f64AddLoadAddImm($0, b, c) }
        case let .f64MulLoadAddImm(p, b, c): return SlotPair(slot, Int32(p.src)).map { .f64MulLoadAddImm($0, b, c) }
        default: return nil
        }
    }
}
