/// Typing of the exception-handling operators (feature .exceptions).
extension FunctionValidator {
    mutating func applyException(_ op: Operator, at: Int) throws(WasmError) {
        switch op {
        case .throw(let index):
            try pop(try tagType(index, at: at).params, at: at)
            markUnreachable()
        case .throwRef:
            try pop(.exnRef, at: at)
            markUnreachable()
        case .tryTable(let type, let catches):
            // Catch labels are resolved outside the try_table: its own label is not yet pushed.
            for clause in catches { try checkCatch(clause, at: at) }
            try pushFrame(.block, type, at: at)
        default:
            preconditionFailure("not an exception operator: \(op)")
        }
    }

    /// The values a clause passes to its label (payload, then exnref for the `_ref` kinds) must be exactly
    /// the label's types.
    private mutating func checkCatch(_ clause: CatchClause, at: Int) throws(WasmError) {
        var passed: [ValueType] = []
        if let tag = clause.tag { passed = try tagType(tag, at: at).params }
        if clause.kind.passesReference { passed.append(.exnRef) }
        let label = try label(clause.label, at: at)
        guard Int(label.count) == passed.count else { throw mismatch(at) }
        for (i, t) in passed.enumerated() where !context.isSubtype(t, typePool[Int(label.start) + i]) {
            throw mismatch(at)
        }
    }

    private func tagType(_ index: UInt32, at: Int) throws(WasmError) -> FunctionType {
        guard Int(index) < context.tags.count else { throw WasmError.invalid("unknown tag \(index)", at: at) }
        return context.types[Int(context.tags[Int(index)])]
    }
}
