/// Loads and stores whose address the i32.add just before them computed (compilers emit `i32.add; load
/// offset=0` when they cannot prove the add does not wrap): one instruction instead of two, the add's
/// wrapping kept.
extension Instruction {
    /// This offset-0 access at address lhs + c instead.
    func withAddressAddImm(_ lhs: Int32, _ c: Int32) -> Instruction? {
        switch self {
        case let .i32Load(d, _, _): return .i32LoadAddImm(d, lhs, c)
        case let .i64Load(d, _, _): return .i64LoadAddImm(d, lhs, c)
        case let .i32Load8U(d, _, _): return .i32Load8UAddImm(d, lhs, c)
        case let .i32Load8S(d, _, _): return .i32Load8SAddImm(d, lhs, c)
        case let .i32Load16U(d, _, _): return .i32Load16UAddImm(d, lhs, c)
        case let .i32Load16S(d, _, _): return .i32Load16SAddImm(d, lhs, c)
        case let .i32Store(_, v, _): return .i32StoreAddImm(lhs, v, c)
        case let .i64Store(_, v, _): return .i64StoreAddImm(lhs, v, c)
        case let .i32Store8(_, v, _): return .i32Store8AddImm(lhs, v, c)
        case let .i32Store16(_, v, _): return .i32Store16AddImm(lhs, v, c)
        default: return nil
        }
    }

    /// This offset-0 access at address lhs + rhs instead.
    func withAddressAdd(_ lhs: Int32, _ rhs: Int32) -> Instruction? {
        switch self {
        case let .i32Load(d, _, _): return .i32LoadAdd(d, lhs, rhs)
        case let .i64Load(d, _, _): return .i64LoadAdd(d, lhs, rhs)
        case let .i32Load8U(d, _, _): return .i32Load8UAdd(d, lhs, rhs)
        case let .i32Store(_, v, _): return .i32StoreAdd(lhs, rhs, v)
        case let .i64Store(_, v, _): return .i64StoreAdd(lhs, rhs, v)
        case let .i32Store8(_, v, _): return .i32Store8Add(lhs, rhs, v)
        default: return nil
        }
    }

    /// `withResult` for the fused loads.
    func addressFusedWithResult(_ slot: Int32) -> Instruction? {
        switch self {
        case let .i32LoadAddImm(_, a, c): return .i32LoadAddImm(slot, a, c)
        case let .i32LoadAdd(_, a, b): return .i32LoadAdd(slot, a, b)
        case let .i32LoadAddShl2(_, a, b): return .i32LoadAddShl2(slot, a, b)
        case let .i32AddShl2(_, a, b): return .i32AddShl2(slot, a, b)
        case let .i32AddShl2Byte(_, a, b): return .i32AddShl2Byte(slot, a, b)
        case let .i32LoadAddShl2Byte(_, a, b): return .i32LoadAddShl2Byte(slot, a, b)
        case let .i64LoadAddImm(_, a, c): return .i64LoadAddImm(slot, a, c)
        case let .i64LoadAdd(_, a, b): return .i64LoadAdd(slot, a, b)
        case let .i32Load8UAddImm(_, a, c): return .i32Load8UAddImm(slot, a, c)
        case let .i32Load8UAdd(_, a, b): return .i32Load8UAdd(slot, a, b)
        case let .i32Load8SAddImm(_, a, c): return .i32Load8SAddImm(slot, a, c)
        case let .i32Load16UAddImm(_, a, c): return .i32Load16UAddImm(slot, a, c)
        case let .i32Load16SAddImm(_, a, c): return .i32Load16SAddImm(slot, a, c)
        case let .i64LoadChase(p, o1, o2): return SlotPair(slot, Int32(p.src)).map { .i64LoadChase($0, o1, o2) }
        default: return loadOperandWithResult(slot)
        }
    }
}

extension Translator {
    /// The access `plain` (built with its address slot and offset 0) fused with the add that produced the
    /// address at stack `position`, replacing that add; nil (nothing changed) when the address is not the
    /// temp of the last instruction or that is no i32 add.
    mutating func fuseAddress(at position: Int, into plain: Instruction) -> Int? {
        let address = stack[position]
        guard address.kind == .temp, let p = lastProducer, p.index == code.count - 1, p.slot == address.slot else { return nil }
        let fused: Instruction?
        switch code[p.index] {
        case let .i32AddImm(_, lhs, c): fused = plain.withAddressAddImm(lhs, c)
        case let .i32Add(_, lhs, rhs): fused = plain.withAddressAdd(lhs, rhs)
        // Go's stack-slot address (TranslatorGoPeepholes.swift): its low 32 bits are the i32 add lhs + c.
        case let .i64ExtendU32AddImm(_, lhs, c): fused = plain.withAddressAddImm(lhs, c)
        case let .i32AddShl2(_, lhs, x):
            if case let .i32Load(d, _, _) = plain { fused = .i32LoadAddShl2(d, lhs, x) } else { fused = nil }
        case let .i32AddShl2Byte(_, lhs, byte):
            if case let .i32Load(d, _, _) = plain { fused = .i32LoadAddShl2Byte(d, lhs, byte) } else { fused = nil }
        default: fused = nil
        }
        guard let fused else { return nil }
        code[p.index] = fused
        lastProducer = nil
        return p.index
    }
}
