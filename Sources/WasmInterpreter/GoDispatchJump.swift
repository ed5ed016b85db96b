/// Go's js/wasm code moves between a function's basic blocks through one loop at its top: a jump is
/// `i32.const k; local.set PC_B; br $loop`, and the loop opens with `local.get PC_B; br_table ...`.
/// The constant write and the branch become one `dispatchJump`; once every label is placed, its target
/// becomes where that br_table sends k. One instruction runs instead of three (constant, br, br_table).
struct SlotConstant: Equatable {
    let slot: Int16
    let value: UInt16

    /// Nil unless the slot and the value (an i32 constant) each fit in 16 bits.
    init?(_ slot: Int32, _ lo: UInt32, _ hi: UInt32) {
        guard hi == 0, let s = Int16(exactly: slot), let v = UInt16(exactly: lo) else { return nil }
        self.slot = s
        value = v
    }
}

extension SlotConstant: CustomStringConvertible {
    var description: String { "\(slot) <- \(value)" }
}

extension Translator {
    /// Joins the constant write just emitted with a branch to the loop header at `loop`; false when the
    /// last instruction is no such write or a label sits here (a jump to the branch must skip the write).
    mutating func fuseDispatchJump(loop: Int32) -> Bool {
        guard code.count > labelFloor, case let .constant(d, lo, hi)? = code.last,
              let set = SlotConstant(d, lo, hi) else { return false }
        code[code.count - 1] = .dispatchJump(set, loop: loop, target: loop)
        fuelCount &+= 1 // charged as the branch it absorbs
        lastProducer = nil
        dispatchJumps.append(code.count - 1)
        return true
    }

    /// After translation, when every br_table entry is known: a dispatch jump whose loop opens with a
    /// br_table on the slot it writes goes straight to that table's entry for its constant. Only entries
    /// past the table: a branch back to a loop header keeps going through it.
    mutating func resolveDispatchJumps() {
        for i in dispatchJumps {
            guard case let .dispatchJump(set, loop, _) = code[i], Int(loop) + 1 < code.count,
                  case .loopHeader = code[Int(loop)],
                  case let .brTable(index, start, count) = code[Int(loop) + 1], index == Int32(set.slot) else { continue }
            let target = aux[Int(start) + min(Int(set.value), Int(count) - 1)]
            if target > loop + 1 { code[i] = .dispatchJump(set, loop: loop, target: target) }
        }
    }
}
