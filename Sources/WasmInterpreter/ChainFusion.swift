/// A result fed straight into the next operation (n-body's `d * m * mag` and `dx*dx + dy*dy`, a matrix
/// multiply's running sum `s + p0 + p1`, sha256's `(a & b) ^ t`): `t = x op1 y; dst = t op2 z` as one
/// instruction. Every step rounds as before (no fused multiply-add), and `t` may sit on either side of the
/// second operation: all of these commute (an f64 NaN result may be any NaN).
enum ChainOp {
    case f64Mul, f64Add, i32Xor
}

/// dst = (x op1 y) op2 z, four slots of 16 bits.
struct ChainOperands: Equatable {
    let dst: Int16
    let x: Int16
    let y: Int16
    let z: Int16

    /// Nil when a slot does not fit in 16 bits (the two instructions then stay).
    init?(_ dst: Int32, _ x: Int32, _ y: Int32, _ z: Int32) {
        guard let d = Int16(exactly: dst), let x = Int16(exactly: x), let y = Int16(exactly: y),
              let z = Int16(exactly: z) else { return nil }
        (self.dst, self.x, self.y, self.z) = (d, x, y, z)
    }

    func withDst(_ slot: Int32) -> ChainOperands? { ChainOperands(slot, Int32(x), Int32(y), Int32(z)) }
}

extension ChainOperands: CustomStringConvertible {
    var description: String { "\(dst) <- \(x), \(y), \(z)" }
}

extension Instruction {
    /// The fused form of this first operation followed by `op`, if there is one.
    func chained(_ op: ChainOp) -> ((ChainOperands) -> Instruction, x: Int32, y: Int32)? {
        switch (self, op) {
        case let (.f64Mul(_, x, y), .f64Mul): return (Instruction.f64MulMul, x, y)
        case let (.f64Mul(_, x, y), .f64Add): return (Instruction.f64MulAdd, x, y)
        case let (.f64Add(_, x, y), .f64Add): return (Instruction.f64AddAdd, x, y)
        case let (.i32And(_, x, y), .i32Xor): return (Instruction.i32AndXor, x, y)
        default: return nil
        }
    }
}

extension Translator {
    /// Fuses `op` on the two top operands with the instruction just emitted when that result is one of them (a
    /// temp, read by nothing else); false (nothing changed) when the shapes do not match, a branch may land
    /// here, or a slot is too large.
    mutating func fuseChain(_ op: ChainOp) -> Bool {
        let n = stack.count
        let a = stack[n - 2], b = stack[n - 1]
        guard code.count > labelFloor, let p = lastProducer, p.index == code.count - 1,
              let (make, x, y) = code[p.index].chained(op) else { return false }
        let other: Int32
        if b.kind == .temp && b.slot == tempSlot(n - 1) && p.slot == b.slot {
            other = slot(at: n - 2)
        } else if a.kind == .temp && a.slot == tempSlot(n - 2) && p.slot == a.slot {
            other = slot(at: n - 1)
        } else {
            return false
        }
        let d = tempSlot(n - 2)
        guard let operands = ChainOperands(d, x, y, other) else { return false }
        stack.removeLast(2)
        code[p.index] = make(operands)
        pushTemp()
        fuelCount &+= 1 // charged as the operation it absorbs
        lastProducer = (p.index, d)
        return true
    }
}
