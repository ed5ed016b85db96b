extension Translator {
    /// An offset-0 i32 store just before an unconditional branch (a switch case writing its result, then
    /// leaving for the loop or the switch's end): both as one `i32StoreBr`. Returns the branch's index.
    mutating func fuseStoreBranch(at index: Int) -> Int {
        mergeWithPrevious(at: index) { before, branch in
            guard case let .br(t) = branch, case let .i32Store(address, value, 0) = before else { return nil }
            return .i32StoreBr(address, value, t)
        }
    }
}
