/// Instructions whose right operand is a constant carried in the instruction (an "immediate") instead of a
/// frame slot: no constant-area slot, no per-call copy of it, one memory read less per execution.
extension Instruction {
    /// `withResult` for the immediate forms and `constant`.
    func immediateWithResult(_ slot: Int32) -> Instruction? {
        switch self {
        case let .constant(_, lo, hi): return .constant(slot, lo, hi)
        case let .i32AddImm(_, a, c): return .i32AddImm(slot, a, c)
        case let .i32MulImm(_, a, c): return .i32MulImm(slot, a, c)
        case let .i32AndImm(_, a, c): return .i32AndImm(slot, a, c)
        case let .i32OrImm(_, a, c): return .i32OrImm(slot, a, c)
        case let .i32XorImm(_, a, c): return .i32XorImm(slot, a, c)
        case let .i32ShlImm(_, a, c): return .i32ShlImm(slot, a, c)
        case let .i32ShrSImm(_, a, c): return .i32ShrSImm(slot, a, c)
        case let .i32ShrUImm(_, a, c): return .i32ShrUImm(slot, a, c)
        case let .i32RotlImm(_, a, c): return .i32RotlImm(slot, a, c)
        case let .i32EqImm(_, a, c): return .i32EqImm(slot, a, c)
        case let .i32NeImm(_, a, c): return .i32NeImm(slot, a, c)
        case let .i32LtSImm(_, a, c): return .i32LtSImm(slot, a, c)
        case let .i32LtUImm(_, a, c): return .i32LtUImm(slot, a, c)
        case let .i32GtSImm(_, a, c): return .i32GtSImm(slot, a, c)
        case let .i32GtUImm(_, a, c): return .i32GtUImm(slot, a, c)
        case let .i64AddImm(_, a, c): return .i64AddImm(slot, a, c)
        case let .i64AndImm(_, a, c): return .i64AndImm(slot, a, c)
        case let .i64OrImm(_, a, c): return .i64OrImm(slot, a, c)
        case let .i64XorImm(_, a, c): return .i64XorImm(slot, a, c)
        case let .i64ShlImm(_, a, c): return .i64ShlImm(slot, a, c)
        case let .i64ShrSImm(_, a, c): return .i64ShrSImm(slot, a, c)
        case let .i64ShrUImm(_, a, c): return .i64ShrUImm(slot, a, c)
        case let .i64EqImm(_, a, c): return .i64EqImm(slot, a, c)
        case let .i64NeImm(_, a, c): return .i64NeImm(slot, a, c)
        case let .i64LtSImm(_, a, c): return .i64LtSImm(slot, a, c)
        case let .i64LtUImm(_, a, c): return .i64LtUImm(slot, a, c)
        case let .i64GtSImm(_, a, c): return .i64GtSImm(slot, a, c)
        case let .i64GtUImm(_, a, c): return .i64GtUImm(slot, a, c)
        case let .i64ExtendU32AddImm(_, a, c): return .i64ExtendU32AddImm(slot, a, c)
        default: return addressFusedWithResult(slot)
        }
    }

    /// `withTarget` for the immediate compare-and-branch forms.
    func immediateWithTarget(_ t: Int32) -> Instruction {
        switch self {
        case let .brIfI32EqImm(a, c, _): return .brIfI32EqImm(a, c, t)
        case let .brIfI32NeImm(a, c, _): return .brIfI32NeImm(a, c, t)
        case let .brIfI32LtSImm(a, c, _): return .brIfI32LtSImm(a, c, t)
        case let .brIfI32LtUImm(a, c, _): return .brIfI32LtUImm(a, c, t)
        case let .brIfI32GtSImm(a, c, _): return .brIfI32GtSImm(a, c, t)
        case let .brIfI32GtUImm(a, c, _): return .brIfI32GtUImm(a, c, t)
        case let .brIfI32LeSImm(a, c, _): return .brIfI32LeSImm(a, c, t)
        case let .brIfI32LeUImm(a, c, _): return .brIfI32LeUImm(a, c, t)
        case let .brIfI32GeSImm(a, c, _): return .brIfI32GeSImm(a, c, t)
        case let .brIfI32GeUImm(a, c, _): return .brIfI32GeUImm(a, c, t)
        case let .brIfI64EqImm(a, c, _): return .brIfI64EqImm(a, c, t)
        case let .brIfI64NeImm(a, c, _): return .brIfI64NeImm(a, c, t)
        case let .brIfI64LtSImm(a, c, _): return .brIfI64LtSImm(a, c, t)
        case let .brIfI64LtUImm(a, c, _): return .brIfI64LtUImm(a, c, t)
        case let .brIfI64GtSImm(a, c, _): return .brIfI64GtSImm(a, c, t)
        case let .brIfI64GtUImm(a, c, _): return .brIfI64GtUImm(a, c, t)
        case let .brIfI64LeSImm(a, c, _): return .brIfI64LeSImm(a, c, t)
        case let .brIfI64LeUImm(a, c, _): return .brIfI64LeUImm(a, c, t)
        case let .brIfI64GeSImm(a, c, _): return .brIfI64GeSImm(a, c, t)
        case let .brIfI64GeUImm(a, c, _): return .brIfI64GeUImm(a, c, t)
        default: preconditionFailure("not a branch: \(self)")
        }
    }

    /// `fusedBranch` for the immediate comparisons.
    func immediateFusedBranch(negated: Bool, target t: Int32) -> Instruction? {
        switch self {
        case let .i32EqImm(_, a, c): return negated ? .brIfI32NeImm(a, c, t) : .brIfI32EqImm(a, c, t)
        case let .i32NeImm(_, a, c): return negated ? .brIfI32EqImm(a, c, t) : .brIfI32NeImm(a, c, t)
        case let .i32LtSImm(_, a, c): return negated ? .brIfI32GeSImm(a, c, t) : .brIfI32LtSImm(a, c, t)
        case let .i32LtUImm(_, a, c): return negated ? .brIfI32GeUImm(a, c, t) : .brIfI32LtUImm(a, c, t)
        case let .i32GtSImm(_, a, c): return negated ? .brIfI32LeSImm(a, c, t) : .brIfI32GtSImm(a, c, t)
        case let .i32GtUImm(_, a, c): return negated ? .brIfI32LeUImm(a, c, t) : .brIfI32GtUImm(a, c, t)
        case let .i64EqImm(_, a, c): return negated ? .brIfI64NeImm(a, c, t) : .brIfI64EqImm(a, c, t)
        case let .i64NeImm(_, a, c): return negated ? .brIfI64EqImm(a, c, t) : .brIfI64NeImm(a, c, t)
        case let .i64LtSImm(_, a, c): return negated ? .brIfI64GeSImm(a, c, t) : .brIfI64LtSImm(a, c, t)
        case let .i64LtUImm(_, a, c): return negated ? .brIfI64GeUImm(a, c, t) : .brIfI64LtUImm(a, c, t)
        case let .i64GtSImm(_, a, c): return negated ? .brIfI64LeSImm(a, c, t) : .brIfI64GtSImm(a, c, t)
        case let .i64GtUImm(_, a, c): return negated ? .brIfI64LeUImm(a, c, t) : .brIfI64GtUImm(a, c, t)
        default: return nil
        }
    }
}
