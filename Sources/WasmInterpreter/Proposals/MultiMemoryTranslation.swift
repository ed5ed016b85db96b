import WasmParser

/// Multi-memory (feature .multiMemory): accesses to a memory other than 0 become `Instruction.memoryOther`,
/// whose operands live in `aux` (see `OtherMemoryAccess`); memory 0 keeps the fast dedicated instructions.
extension Translator {
    /// Whether `op` touches a memory other than memory 0 (and so needs `translateOtherMemory`).
    static func usesOtherMemory(_ op: Operator) -> Bool {
        if let arg = op.memoryAccess?.arg { return arg.memory != 0 }
        switch op {
        case .memorySize(let m), .memoryGrow(let m), .memoryFill(let m): return m != 0
        case .memoryInit(_, let m): return m != 0
        case .memoryCopy(let d, let s): return d != 0 || s != 0
        default: return false
        }
    }

    mutating func translateOtherMemory(_ op: Operator) throws {
        typealias A = OtherMemoryAccess
        if let access = op.memoryAccess {
            let arg = access.arg
            guard arg.offset <= UInt64(UInt32.max) else { throw Trap(.host, "memory offset beyond 32 bits") }
            let bytes = Int32(1 << access.naturalAlignLog2)
            let signed: Int32 = op.isSignExtendingLoad ? 1 : 0
            if access.isStore {
                let v = pop(), a = pop()
                emitOther([A.store, Int32(arg.memory), -1, a.slot, v.slot, -1, Int32(bitPattern: UInt32(arg.offset)), bytes])
            } else {
                let a = pop()
                emitOther([A.load, Int32(arg.memory), nextTemp, a.slot, -1, signed, Int32(bitPattern: UInt32(arg.offset)), bytes],
                          result: true)
            }
            return
        }
        switch op {
        case .memorySize(let m): emitOther([A.size, Int32(m), nextTemp, -1, -1, -1, 0, 0], result: true)
        case .memoryGrow(let m):
            let delta = pop()
            emitOther([A.grow, Int32(m), nextTemp, delta.slot, -1, -1, 0, 0], result: true)
        case .memoryFill(let m):
            let n = pop(), v = pop(), d = pop()
            emitOther([A.fill, Int32(m), -1, d.slot, v.slot, n.slot, 0, 0])
        case .memoryInit(let data, let m):
            let n = pop(), s = pop(), d = pop()
            emitOther([A.initialize, Int32(m), -1, d.slot, s.slot, n.slot, Int32(data), 0])
        case .memoryCopy(let destination, let source):
            let n = pop(), s = pop(), d = pop()
            emitOther([A.copy, Int32(destination), -1, d.slot, s.slot, n.slot, Int32(source), 0])
        default:
            throw Trap(.host, "not a memory operator: \(op)")
        }
    }

    private var nextTemp: Int32 { tempSlot(stack.count) }

    private mutating func emitOther(_ entries: [Int32], result: Bool = false) {
        let start = Int32(aux.count)
        aux += entries
        emit(.memoryOther(start))
        if result { pushTemp() }
    }
}

private extension Operator {
    var isSignExtendingLoad: Bool {
        switch self {
        case .i32Load8S, .i32Load16S, .i64Load8S, .i64Load16S, .i64Load32S: return true
        default: return false
        }
    }
}
