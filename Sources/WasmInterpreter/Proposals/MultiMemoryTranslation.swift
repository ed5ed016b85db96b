import WasmParser

/// Multi-memory and memory64: accesses to a memory other than 0, or to any 64-bit memory, become
/// `Instruction.memoryOther`, whose operands live in `aux` (see `OtherMemoryAccess`); a 32-bit memory 0
/// keeps the fast dedicated instructions (which read 32-bit addresses).
extension Translator {
    /// Whether `op` touches a memory other than memory 0 or a 64-bit memory (and so needs `translateOtherMemory`).
    func usesOtherMemory(_ op: Operator) -> Bool {
        func other(_ m: UInt32) -> Bool { m != 0 || is64(m) }
        if let arg = op.memoryAccess?.arg { return other(arg.memory) }
        switch op {
        case .memorySize(let m), .memoryGrow(let m), .memoryFill(let m): return other(m)
        case .memoryInit(_, let m): return other(m)
        case .memoryCopy(let d, let s): return other(d) || other(s)
        default: return false
        }
    }

    /// Whether any memory access of this function may need the general path.
    var hasOtherMemories: Bool { instance.memories.count > 1 || is64(0) }

    func is64(_ memory: UInt32) -> Bool {
        Int(memory) < instance.memories.count && instance.memories[Int(memory)].type.limits.is64
    }

    mutating func translateOtherMemory(_ op: Operator) throws {
        typealias A = OtherMemoryAccess
        if let access = op.memoryAccess {
            let arg = access.arg
            let bytes = Int32(1 << access.naturalAlignLog2)
            let signed: Int32 = op.isSignExtendingLoad ? 1 : 0
            if access.isStore {
                let v = pop(), a = pop()
                emitOther([A.store, Int32(arg.memory), -1, a.slot, v.slot, -1, Int32(bitPattern: UInt32(truncatingIfNeeded: arg.offset)),
                           bytes, Int32(bitPattern: UInt32(truncatingIfNeeded: arg.offset >> 32))])
            } else {
                let a = pop()
                emitOther([A.load, Int32(arg.memory), nextTemp, a.slot, -1, signed, Int32(bitPattern: UInt32(truncatingIfNeeded: arg.offset)),
                           bytes, Int32(bitPattern: UInt32(truncatingIfNeeded: arg.offset >> 32))], result: true)
            }
            return
        }
        switch op {
        case .memorySize(let m): emitOther([A.size, Int32(m), nextTemp, -1, -1, -1, 0, 0, 0], result: true)
        case .memoryGrow(let m):
            let delta = pop()
            emitOther([A.grow, Int32(m), nextTemp, delta.slot, -1, -1, 0, 0, 0], result: true)
        case .memoryFill(let m):
            let n = pop(), v = pop(), d = pop()
            emitOther([A.fill, Int32(m), -1, d.slot, v.slot, n.slot, 0, 0, 0])
        case .memoryInit(let data, let m):
            let n = pop(), s = pop(), d = pop()
            emitOther([A.initialize, Int32(m), -1, d.slot, s.slot, n.slot, Int32(data), 0, 0])
        case .memoryCopy(let destination, let source):
            let n = pop(), s = pop(), d = pop()
            emitOther([A.copy, Int32(destination), -1, d.slot, s.slot, n.slot, Int32(source), 0, 0])
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
