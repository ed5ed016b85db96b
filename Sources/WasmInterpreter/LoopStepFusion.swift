/// Loop ends: `local += step` followed by the branch that tests that local (`i += 1; br_if (i != n)`,
/// count-down `n -= 1; br_if n`) as one instruction instead of two. The step and its local are packed in
/// four bytes so the comparison constant and the target still fit the 12-byte payload.
struct LoopStep: Equatable {
    /// The i32 local stepped in place.
    let local: Int16
    /// The constant added, or for `addBrIfI32LtUImm` the slot holding what is added.
    let amount: Int16

    init?(local: Int32, amount: Int32) {
        guard let l = Int16(exactly: local), let a = Int16(exactly: amount) else { return nil }
        self.local = l
        self.amount = a
    }
}

extension Instruction {
    /// `withTarget` for the loop-end forms.
    func stepWithTarget(_ t: Int32) -> Instruction? {
        switch self {
        case let .stepBrIfNez(l, s, _): return .stepBrIfNez(l, s, t)
        case let .stepBrIfI32NeImm(s, c, _): return .stepBrIfI32NeImm(s, c, t)
        case let .stepBrIfI32LtUImm(s, c, _): return .stepBrIfI32LtUImm(s, c, t)
        case let .stepBrIfI32LtSImm(s, c, _): return .stepBrIfI32LtSImm(s, c, t)
        case let .stepBrIfI32GtUImm(s, c, _): return .stepBrIfI32GtUImm(s, c, t)
        case let .addBrIfI32LtUImm(s, c, _): return .addBrIfI32LtUImm(s, c, t)
        default: return nil
        }
    }

    /// This branch with the in-place add `step` (the instruction just before it) folded in, when the branch
    /// tests exactly the stepped local.
    func withLoopStep(_ step: Instruction) -> Instruction? {
        switch (step, self) {
        case let (.i32AddImm(d, a, k), .brIf(c, t)) where d == a && c == d:
            return .stepBrIfNez(d, k, t)
        case let (.i32AddImm(d, a, k), .brIfI32NeImm(x, c, t)) where d == a && x == d:
            return LoopStep(local: d, amount: k).map { .stepBrIfI32NeImm($0, c, t) }
        case let (.i32AddImm(d, a, k), .brIfI32LtUImm(x, c, t)) where d == a && x == d:
            return LoopStep(local: d, amount: k).map { .stepBrIfI32LtUImm($0, c, t) }
        case let (.i32AddImm(d, a, k), .brIfI32LtSImm(x, c, t)) where d == a && x == d:
            return LoopStep(local: d, amount: k).map { .stepBrIfI32LtSImm($0, c, t) }
        case let (.i32AddImm(d, a, k), .brIfI32GtUImm(x, c, t)) where d == a && x == d:
            return LoopStep(local: d, amount: k).map { .stepBrIfI32GtUImm($0, c, t) }
        case let (.i32Add(d, a, b), .brIfI32LtUImm(x, c, t)) where d == a && x == d && b != d:
            return LoopStep(local: d, amount: b).map { .addBrIfI32LtUImm($0, c, t) }
        default: return nil
        }
    }
}

extension Translator {
    /// Folds the in-place add just before the conditional branch at `index` (the last instruction) into it.
    /// Only when no label sits at the branch: a jump there must not run the add. Returns the branch's index.
    mutating func fuseLoopStep(branchAt index: Int) -> Int {
        mergeWithPrevious(at: index) { before, branch in branch.withLoopStep(before) }
    }

    /// The instruction at `index` (the last one, a branch for most callers) and the instruction before it
    /// replaced by `merge`'s result, unless it gives none or a label sits at `index` (a jump there must not
    /// run the instruction before). Returns the merged instruction's index.
    mutating func mergeWithPrevious(at index: Int, _ merge: (_ before: Instruction, _ last: Instruction) -> Instruction?) -> Int {
        guard index == code.count - 1, index > labelFloor, index >= 1,
              let merged = merge(code[index - 1], code[index]) else { return index }
        code.removeLast()
        code[index - 1] = merged
        return index - 1
    }
}
