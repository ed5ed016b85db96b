/// The product of two f64 loads (a matrix multiply's `a[i][k] * b[k][j]`): both loads run inside the
/// multiply, one instruction where LoadOperandFusion leaves two (`t = load; t = t * load`). Both addresses
/// take the wrapping form `u32(base + c)`, which a plain load with offset 0 has too; the left load's bounds
/// check comes first, as it did.
struct LoadProduct: Equatable {
    let dst: Int16
    let leftBase: Int16
    let rightBase: Int16
    let leftAdd: Int16
    let rightAdd: Int16

    /// Nil when a slot or an added constant does not fit in 16 bits (the loads then stay as they are).
    init?(_ dst: Int32, left: (base: Int32, add: Int32), right: (base: Int32, add: Int32)) {
        guard let d = Int16(exactly: dst), let lb = Int16(exactly: left.base), let rb = Int16(exactly: right.base),
              let la = Int16(exactly: left.add), let ra = Int16(exactly: right.add) else { return nil }
        (self.dst, leftBase, rightBase, leftAdd, rightAdd) = (d, lb, rb, la, ra)
    }

    func withDst(_ slot: Int32) -> LoadProduct? {
        LoadProduct(slot, left: (Int32(leftBase), Int32(leftAdd)), right: (Int32(rightBase), Int32(rightAdd)))
    }
}

extension LoadProduct: CustomStringConvertible {
    var description: String { "\(dst) <- [\(leftBase) + \(leftAdd)] * [\(rightBase) + \(rightAdd)]" }
}

extension Translator {
    /// Joins the multiply just fused at `k` (its left operand the temp `t`, its result `t` too) with the load
    /// before it that wrote `t`; nothing changes when the shapes do not match, a branch may land at `k`, or the
    /// right load's address is `t` itself (it must see the loaded value then).
    mutating func fuseLoadProduct(at k: Int, temp t: Int32) {
        guard k >= 1, k > labelFloor, let left = Translator.wrappingLoad(code[k - 1], into: t) else { return }
        let right: (base: Int32, add: Int32)
        switch code[k] {
        case let .f64MulLoadAddImm(p, b, c) where p.dst == p.src && Int32(p.dst) == t: right = (b, c)
        case let .f64MulLoad(p, b, 0) where p.dst == p.src && Int32(p.dst) == t: right = (b, 0)
        default: return
        }
        guard right.base != t, let product = LoadProduct(t, left: left, right: right) else { return }
        code.removeLast()
        code[k - 1] = .f64MulLoads(product)
        lastProducer = (k - 1, t)
    }

    /// The address of an 8-byte load into `t` in the wrapping form (base, c).
    static func wrappingLoad(_ i: Instruction, into t: Int32) -> (base: Int32, add: Int32)? {
        switch i {
        case let .i64LoadAddImm(d, b, c) where d == t: return (b, c)
        case let .i64Load(d, b, 0) where d == t: return (b, 0)
        default: return nil
        }
    }
}
