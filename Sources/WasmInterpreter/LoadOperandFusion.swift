/// An operation one of whose operands a load just produced (`sum += a[i] * b[j]`, sha256's
/// `h + k[i] + w[i]`): the load runs inside the arithmetic, one instruction instead of two. The address
/// keeps the load's form: `u32(base) + offset`, `u32(base + c)` wrapping when the load absorbed an add,
/// or `u32(a + b)` for the i32 two-slot address (AddressFusion.swift).
/// Add and multiply take the load on either side: they commute (the NaN a wasm f64 operation returns is
/// any NaN). Subtraction takes it on the right only (`x - a[i]`).
enum LoadOperandOp {
    case f64Add, f64Mul, f64Sub, i32Add

    var commutes: Bool { self != .f64Sub }
}

extension Translator {
    /// Fuses the operation `op` with the load that produced one of its operands; false (nothing changed)
    /// when no such load was the last instruction, a label sits here, or a slot is too large.
    mutating func fuseLoadOperand(_ op: LoadOperandOp) -> Bool {
        let n = stack.count
        let a = stack[n - 2], b = stack[n - 1]
        guard code.count > labelFloor, let p = lastProducer, p.index == code.count - 1 else { return false }
        let loadedOnRight = b.kind == .temp && b.slot == tempSlot(n - 1) && p.slot == b.slot
        let loadedOnLeft = op.commutes && b.kind != .temp && a.kind == .temp && a.slot == tempSlot(n - 2)
            && p.slot == a.slot
        guard loadedOnRight || loadedOnLeft else { return false }
        let other = loadedOnRight ? n - 2 : n - 1
        let otherSlot = slot(at: other)
        let d = tempSlot(n - 2)
        guard let pair = SlotPair(d, otherSlot) else { return false }
        let fused: Instruction
        switch (code[p.index], op) {
        case let (.i64Load(_, base, offset), .f64Add): fused = .f64AddLoad(pair, base, offset)
        case let (.i64Load(_, base, offset), .f64Mul): fused = .f64MulLoad(pair, base, offset)
        case let (.i64Load(_, base, offset), .f64Sub): fused = .f64SubLoad(pair, base, offset)
        case let (.i64LoadAddImm(_, base, c), .f64Add): fused = .f64AddLoadAddImm(pair, base, c)
        case let (.i64LoadAddImm(_, base, c), .f64Mul): fused = .f64MulLoadAddImm(pair, base, c)
        case let (.i64LoadAddImm(_, base, c), .f64Sub): fused = .f64SubLoadAddImm(pair, base, c)
        case let (.i32Load(_, base, offset), .i32Add): fused = .i32AddLoad(pair, base, offset)
        case let (.i32LoadAddImm(_, base, c), .i32Add): fused = .i32AddLoadAddImm(pair, base, c)
        case let (.i32LoadAdd(_, x, y), .i32Add): fused = .i32AddLoadAdd(pair, x, y)
        default: return false
        }
        stack.removeLast(2)
        code[p.index] = fused
        pushTemp()
        fuelCount &+= 1 // charged as the operation it replaces
        lastProducer = (p.index, d)
        if op == .f64Mul, loadedOnRight, a.kind == .temp, a.slot == d { fuseLoadProduct(at: p.index, temp: d) }
        return true
    }
}

extension Instruction {
    /// `withResult` for the fused operations.
    func loadOperandWithResult(_ slot: Int32) -> Instruction? {
        switch self {
        case let .f64AddLoad(p, b, o): return SlotPair(slot, Int32(p.src)).map { .f64AddLoad($0, b, o) }
        case let .f64MulLoad(p, b, o): return SlotPair(slot, Int32(p.src)).map { .f64MulLoad($0, b, o) }
        case let .f64SubLoad(p, b, o): return SlotPair(slot, Int32(p.src)).map { .f64SubLoad($0, b, o) }
        case let .f64AddLoadAddImm(p, b, c): return SlotPair(slot, Int32(p.src)).map { .f64AddLoadAddImm($0, b, c) }
        case let .f64MulLoadAddImm(p, b, c): return SlotPair(slot, Int32(p.src)).map { .f64MulLoadAddImm($0, b, c) }
        case let .f64SubLoadAddImm(p, b, c): return SlotPair(slot, Int32(p.src)).map { .f64SubLoadAddImm($0, b, c) }
        case let .i32AddLoad(p, b, o): return SlotPair(slot, Int32(p.src)).map { .i32AddLoad($0, b, o) }
        case let .i32AddLoadAddImm(p, b, c): return SlotPair(slot, Int32(p.src)).map { .i32AddLoadAddImm($0, b, c) }
        case let .i32AddLoadAdd(p, x, y): return SlotPair(slot, Int32(p.src)).map { .i32AddLoadAdd($0, x, y) }
        case let .f64MulLoads(p): return p.withDst(slot).map { .f64MulLoads($0) }
        case let .f64MulMul(c): return c.withDst(slot).map { .f64MulMul($0) }
        case let .f64MulAdd(c): return c.withDst(slot).map { .f64MulAdd($0) }
        case let .f64AddAdd(c): return c.withDst(slot).map { .f64AddAdd($0) }
        case let .i32AndXor(c): return c.withDst(slot).map { .i32AndXor($0) }
        default: return shiftTripleWithResult(slot)
        }
    }
}
