/// Rewrites of the instructions just emitted for shapes Go's js/wasm code is full of:
/// - `local.get sp; i64.extend_i32_u; i64.const k; i64.add` (the address of a stack slot as an i64):
///   one i64ExtendU32AddImm instead of an extend and an add;
/// - `<comparison>; i32.eqz` (Go branches on the negated condition): the opposite comparison, so the
///   following `if`/`br_if` still fuses into one compare-and-branch;
/// - `local.get sp; i32.const k; i32.add; local.tee sp; global.set 0` (Go moving its stack pointer; C
///   code does it without the tee): one i32AddImmGlobalSet, and two in a row on the same local and global
///   (Go's epilogue: the frame, then the return address) one with the sum;
/// - `<comparison>; i64.extend_i32_u` (Go's booleans are i64): nothing for the extension, the comparison's
///   0/1 cell already is the i64;
/// - `x; i64.eqz; i64.extend_i32_u; i64.eqz; i32.eqz; br_if` (Go testing a boolean): after the rewrites above
///   an eqz into a temporary and a branch on it against zero, folded into one branch on x.
/// Each rewrites the last instruction in place (the merge of two stack-pointer moves drops one that no
/// branch lands on) or, for the extension, emits nothing, and only when that instruction produced the
/// value (its temporary, or for the tee the local it just wrote).
extension Translator {
    /// The last instruction, when it produced `operand` (a temporary nothing else has read).
    func producer(of operand: Operand) -> Int? {
        guard operand.kind == .temp, let p = lastProducer, p.index == code.count - 1, p.slot == operand.slot else { return nil }
        return p.index
    }

    /// i64.add of a constant to the zero-extension emitted just before; false when the shape does not match.
    mutating func addToZeroExtension() -> Bool {
        let b = stack[stack.count - 1], a = stack[stack.count - 2]
        guard b.kind == .constant, let c = Translator.immediate(b.bits, wide: true), let i = producer(of: a),
              case let .i64ExtendI32U(_, x) = code[i] else { return false }
        _ = popOperand()
        _ = popOperand()
        code[i] = .i64ExtendU32AddImm(a.slot, x, c)
        pushTemp()
        lastProducer = (i, a.slot)
        return true
    }

    /// i32.eqz of the comparison emitted just before: that comparison negated; false when there is none.
    mutating func negateComparison() -> Bool {
        let a = stack[stack.count - 1]
        guard let i = producer(of: a), let negated = code[i].negatedComparison else { return false }
        code[i] = negated
        return true
    }

    /// i64.extend_i32_u of the 0/1 the comparison just emitted produced: true when nothing needs emitting.
    func extendsBoolean() -> Bool {
        guard let i = producer(of: stack[stack.count - 1]) else { return false }
        return code[i].producesBoolean
    }

    /// The branch at `index` (the last instruction) tests against zero a temporary that the eqz just before
    /// it computed: one branch on the eqz's operand instead. Returns the branch's index.
    mutating func foldEqzIntoBranch(at index: Int) -> Int {
        let firstTemp = Int32(tempBase)
        return mergeWithPrevious(at: index) { before, branch in
            guard let test = branch.zeroTest, test.slot >= firstTemp else { return nil }
            switch before {
            case let .i64Eqz(d, x) where d == test.slot:
                return test.takenIfNonzero ? .brIfI64Eqz(x, test.target) : .brIfI64Nez(x, test.target)
            case let .i32Eqz(d, x) where d == test.slot:
                return test.takenIfNonzero ? .brIfNot(x, test.target) : .brIf(x, test.target)
            default: return nil
            }
        }
    }

    /// global.set of the i32 sum with a constant emitted just before, taken from its temporary or from the
    /// local a tee just wrote it to; false when the value is not that sum or a label sits here.
    mutating func fuseGlobalSetAddImm(_ index: Int32) -> Bool {
        let value = stack[stack.count - 1]
        guard code.count > labelFloor, case let .i32AddImm(d, a, c)? = code.last, let pair = SlotPair(d, a),
              producer(of: value) != nil || (value.kind == .local && value.slot == d) else { return false }
        _ = popOperand()
        lastProducer = nil
        // Nothing runs between the two, so the first global value is never seen (both adds wrap alike).
        if code.count - 1 > labelFloor, d == a, code.count >= 2,
           case let .i32AddImmGlobalSet(previous, c0, index0) = code[code.count - 2],
           index0 == index, previous == pair {
            code.removeLast()
            code[code.count - 1] = .i32AddImmGlobalSet(pair, c0 &+ c, index)
            return true
        }
        code[code.count - 1] = .i32AddImmGlobalSet(pair, c, index)
        return true
    }
}

extension Instruction {
    /// A branch taken when `slot` is non-zero (or, `takenIfNonzero` false, zero); any width, as for a 0/1 cell.
    var zeroTest: (slot: Int32, takenIfNonzero: Bool, target: Int32)? {
        switch self {
        case let .brIf(s, t), let .brIfI64Nez(s, t), let .brIfI32NeImm(s, 0, t): return (s, true, t)
        case let .brIfNot(s, t), let .brIfI64Eqz(s, t), let .brIfI32EqImm(s, 0, t): return (s, false, t)
        case let .brIfI64NeImm(s, 0, t): return (s, true, t)
        case let .brIfI64EqImm(s, 0, t): return (s, false, t)
        default: return nil
        }
    }

    /// A comparison or an eqz: its result cell is 0 or 1 (`cell(Bool)`), upper half zero.
    var producesBoolean: Bool { fusedBranch(negated: false, target: 0) != nil }

    /// The comparison giving the opposite 0/1 result, when there is one in a single instruction.
    var negatedComparison: Instruction? {
        switch self {
        case let .i32Eqz(d, a): return .i32NeImm(d, a, 0)
        case let .i64Eqz(d, a): return .i64NeImm(d, a, 0)
        case let .i32Eq(d, a, b): return .i32Ne(d, a, b)
        case let .i32Ne(d, a, b): return .i32Eq(d, a, b)
        case let .i32LtS(d, a, b): return .i32GeS(d, a, b)
        case let .i32LtU(d, a, b): return .i32GeU(d, a, b)
        case let .i32GtS(d, a, b): return .i32LeS(d, a, b)
        case let .i32GtU(d, a, b): return .i32LeU(d, a, b)
        case let .i32LeS(d, a, b): return .i32GtS(d, a, b)
        case let .i32LeU(d, a, b): return .i32GtU(d, a, b)
        case let .i32GeS(d, a, b): return .i32LtS(d, a, b)
        case let .i32GeU(d, a, b): return .i32LtU(d, a, b)
        case let .i64Eq(d, a, b): return .i64Ne(d, a, b)
        case let .i64Ne(d, a, b): return .i64Eq(d, a, b)
        case let .i64LtS(d, a, b): return .i64GeS(d, a, b)
        case let .i64LtU(d, a, b): return .i64GeU(d, a, b)
        case let .i64GtS(d, a, b): return .i64LeS(d, a, b)
        case let .i64GtU(d, a, b): return .i64LeU(d, a, b)
        case let .i64LeS(d, a, b): return .i64GtS(d, a, b)
        case let .i64LeU(d, a, b): return .i64GtU(d, a, b)
        case let .i64GeS(d, a, b): return .i64LtS(d, a, b)
        case let .i64GeU(d, a, b): return .i64LtU(d, a, b)
        case let .i32EqImm(d, a, c): return .i32NeImm(d, a, c)
        case let .i32NeImm(d, a, c): return .i32EqImm(d, a, c)
        case let .i64EqImm(d, a, c): return .i64NeImm(d, a, c)
        case let .i64NeImm(d, a, c): return .i64EqImm(d, a, c)
        // !(x < c) is x > c - 1 and !(x > c) is x < c + 1, unless c ± 1 leaves the immediate's range (or, for
        // i64 unsigned, its sign-extended meaning).
        case let .i32LtSImm(d, a, c): return c == .min ? nil : .i32GtSImm(d, a, c - 1)
        case let .i32GtSImm(d, a, c): return c == .max ? nil : .i32LtSImm(d, a, c + 1)
        case let .i32LtUImm(d, a, c): return c == 0 ? nil : .i32GtUImm(d, a, c &- 1)
        case let .i32GtUImm(d, a, c): return c == -1 ? nil : .i32LtUImm(d, a, c &+ 1)
        case let .i64LtSImm(d, a, c): return c == .min ? nil : .i64GtSImm(d, a, c - 1)
        case let .i64GtSImm(d, a, c): return c == .max ? nil : .i64LtSImm(d, a, c + 1)
        case let .i64LtUImm(d, a, c): return c == 0 || c == .min ? nil : .i64GtUImm(d, a, c - 1)
        case let .i64GtUImm(d, a, c): return c == -1 || c == .max ? nil : .i64LtUImm(d, a, c + 1)
        default: return nil
        }
    }
}
