/// An f64 product fed straight into a second multiply or an add (n-body's `d * m * mag`, `dx*dx + dy*dy`):
/// `t = x * y; dst = t op z` as one instruction. Both rounding steps stay (no fused multiply-add), and the
/// product may sit on either side: f64 add and multiply commute (a NaN result may be any NaN).
enum FloatChainOp {
    case mul, add
}

/// dst = (x * y) op z, four slots of 16 bits.
struct FloatChain: Equatable {
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

    func withDst(_ slot: Int32) -> FloatChain? { FloatChain(slot, Int32(x), Int32(y), Int32(z)) }
}

extension FloatChain: CustomStringConvertible {
    var description: String { "\(dst) <- \(x) * \(y), \(z)" }
}

extension Translator {
    /// Fuses `op` on the two top operands with the f64Mul just emitted when that product is one of them (a
    /// temp, read by nothing else); false (nothing changed) when the shapes do not match, a branch may land
    /// here, or a slot is too large.
    mutating func fuseFloatChain(_ op: FloatChainOp) -> Bool {
        let n = stack.count
        let a = stack[n - 2], b = stack[n - 1]
        guard code.count > labelFloor, let p = lastProducer, p.index == code.count - 1,
              case let .f64Mul(t, x, y) = code[p.index], t == p.slot else { return false }
        let other: Int32
        if b.kind == .temp && b.slot == tempSlot(n - 1) && t == b.slot {
            other = slot(at: n - 2)
        } else if a.kind == .temp && a.slot == tempSlot(n - 2) && t == a.slot {
            other = slot(at: n - 1)
        } else {
            return false
        }
        let d = tempSlot(n - 2)
        guard let chain = FloatChain(d, x, y, other) else { return false }
        stack.removeLast(2)
        code[p.index] = op == .mul ? .f64MulMul(chain) : .f64MulAdd(chain)
        pushTemp()
        fuelCount &+= 1 // charged as the operation it absorbs
        lastProducer = (p.index, d)
        return true
    }
}
