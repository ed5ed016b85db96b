import WasmParser

/// A try_table whose `end` has not been reached yet.
struct OpenTryTable {
    var frameIndex: Int
    var start: Int32
    var clauses: [CatchTarget]
    var tailCalls: [Int32] = []
}

/// Exception handling (feature .exceptions). `throw`/`throw_ref` become `Instruction.exception`; a try_table
/// is an ordinary block plus a `CatchRegion` over its body. Each catch clause gets a landing pad, emitted out
/// of line at the try_table's start (the normal path jumps over them): the caught values arrive in the
/// temporaries just above the try_table's stack height, and the pad branches to the clause's label with them
/// like a `br` would.
extension Translator {
    mutating func translateException(_ op: Operator) throws {
        switch op {
        case .throw(let index):
            let tag = instance.tagAddresses[Int(index)]
            let count = store.tags[tag].type.params.count
            let slots = (stack.count - count..<stack.count).map { slot(at: $0) }
            stack.removeLast(count)
            emit(.exception(auxList([ExceptionUnwinding.throwTag, Int32(tag), Int32(count)] + slots)))
            markUnreachable()
        case .throwRef:
            let reference = pop()
            emit(.exception(auxList([ExceptionUnwinding.throwReference, reference.slot])))
            markUnreachable()
        case .tryTable(let type, let catches):
            enterTryTable(type, catches)
        default:
            throw Trap(.host, "not an exception operator: \(op)")
        }
    }

    private mutating func enterTryTable(_ type: BlockType, _ catches: [CatchClause]) {
        let (params, _) = blockSignature(type)
        materializeLocals()
        let height = stack.count - params
        var clauses: [CatchTarget] = []
        if !catches.isEmpty {
            let skip = emit(.br(0))
            // Pads run only on a catch: they are not part of the straight-line fuel charge.
            let fuelBefore = fuelCount
            let saved = stack
            for clause in catches {
                var tag = -1, count = clause.kind.passesReference ? 1 : 0
                if let index = clause.tag {
                    tag = instance.tagAddresses[Int(index)]
                    count += store.tags[tag].type.params.count
                }
                clauses.append(CatchTarget(tag: tag, passesReference: clause.kind.passesReference,
                                           destination: tempSlot(height), landing: here))
                stack.removeLast(stack.count - height)
                for _ in 0..<count { pushTemp() }
                // The try_table's own label is not pushed yet, so clause labels index the enclosing frames.
                branch(depth: Int(clause.label))
                stack = saved
            }
            patch(.instruction(skip), to: here)
            fuelCount = fuelBefore
            lastProducer = nil
        }
        enterBlock(.block, type)
        openTryTables.append(OpenTryTable(frameIndex: frames.count - 1, start: here, clauses: clauses))
    }

    /// Called at every `end` before its frame is popped: closes the try_table region it ends, if any.
    /// Regions close innermost first, which is the order the handler search wants.
    mutating func closeTryTable() {
        guard let open = openTryTables.last, open.frameIndex == frames.count - 1 else { return }
        openTryTables.removeLast()
        guard !open.clauses.isEmpty else { return }
        catchRegions.append(CatchRegion(start: open.start, end: here, clauses: open.clauses, tailCalls: open.tailCalls))
    }

    /// A return_call(_indirect) leaves every enclosing try_table, even when its host callee runs in our frame.
    mutating func excludeTailCallFromCatchRegions(_ index: Int) {
        for i in openTryTables.indices { openTryTables[i].tailCalls.append(Int32(index)) }
    }
}
