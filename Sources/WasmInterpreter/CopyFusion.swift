/// Runs of copies (a loop's moves of its carried values, `local.get x; local.tee y`, block results) run as
/// one instruction for two or three: one dispatch instead of several. Each copy still reads after the one
/// before it wrote, exactly as the copies run alone. A single copy just before a br_if (a loop moving its
/// induction variable, then testing for the next round) joins the branch, copying before the test.
extension Instruction {
    /// This copy (or pair) with `dst = src` appended, or nil when it is no copy, holds three already, or a
    /// slot is too large.
    func appendingCopy(_ dst: Int32, _ src: Int32) -> Instruction? {
        guard let next = SlotPair(dst, src) else { return nil }
        switch self {
        case let .copy(d, s): return SlotPair(d, s).map { .copy2($0, next) }
        case let .copy2(x, y): return .copy3(x, y, next)
        default: return nil
        }
    }
}

extension Translator {
    /// Emits `dst = src`, joined to the copy just emitted unless a label sits here (a jump to this copy
    /// must not run the one before it).
    mutating func emitCopy(_ dst: Int32, _ src: Int32) {
        if code.count > labelFloor, let last = code.last, let joined = last.appendingCopy(dst, src) {
            code[code.count - 1] = joined
            fuelCount &+= 1 // charged as the copy it absorbs
            lastProducer = nil
            return
        }
        emit(.copy(dst, src))
    }
}

extension Translator {
    /// `copy; brIf` ending at `index` as one `brIfCopy`. Returns the branch's index.
    mutating func foldCopyIntoBranch(at index: Int) -> Int {
        mergeWithPrevious(at: index) { before, branch in
            guard case let .copy(d, s) = before, case let .brIf(c, t) = branch, let pair = SlotPair(d, s) else { return nil }
            return .brIfCopy(pair, c, t)
        }
    }
}

extension Instruction {
    /// `withTarget` for the branch that copies.
    func copyBranchWithTarget(_ t: Int32) -> Instruction? {
        guard case let .brIfCopy(p, c, _) = self else { return nil }
        return .brIfCopy(p, c, t)
    }
}
