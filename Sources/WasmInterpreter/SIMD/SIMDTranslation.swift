import WasmParser

/// Translation of SIMD operators to `Instruction.simd` (operands in `aux`, see `SIMDInstruction`).
extension Translator {
    mutating func translateSIMD(_ op: Operator) throws {
        switch op {
        case .v128Const(let v):
            // A frame constant: pinned, it lives as long as the store.
            pushConstant(try store.vectors.pin(v))
        case .i8x16Shuffle(let lanes):
            let b = pop(), a = pop()
            emitSIMD(.i8x16Shuffle, operands: [a.slot, b.slot], shuffle: lanes, hasResult: true)
        case .simd(let opcode):
            let count: Int
            switch opcode.form {
            case .binary, .shift: count = 2
            case .ternary: count = 3
            default: count = 1
            }
            emitSIMD(opcode, operands: popSlots(count), hasResult: true)
        case .simdLane(let opcode, let lane):
            emitSIMD(opcode, operands: popSlots(opcode.form == .replaceLane ? 2 : 1), lane: lane, hasResult: true)
        case .simdMemory(let opcode, let m):
            try checkSIMDMemory(m)
            let isLoad = opcode.form == .load
            emitSIMD(opcode, operands: popSlots(isLoad ? 1 : 2), offset: m.offset, addressIs64: is64(0), hasResult: isLoad)
        case .simdMemoryLane(let opcode, let m, let lane):
            try checkSIMDMemory(m)
            emitSIMD(opcode, operands: popSlots(2), lane: lane, offset: m.offset, addressIs64: is64(0),
                     hasResult: opcode.form == .loadLane)
        default:
            throw Trap(.host, "not a SIMD operator: \(op)")
        }
    }

    /// Pops `count` operands; returns their slots bottom-first.
    private mutating func popSlots(_ count: Int) -> [Int32] {
        var slots = [Int32](repeating: 0, count: count)
        for i in stride(from: count - 1, through: 0, by: -1) { slots[i] = pop().slot }
        return slots
    }

    private func checkSIMDMemory(_ m: MemArg) throws {
        guard m.memory == 0 else { throw Trap(.host, "SIMD access to memory \(m.memory) is not supported") }
    }

    private mutating func emitSIMD(_ opcode: SIMDOpcode, operands: [Int32], lane: UInt8 = 0, offset: UInt64 = 0,
                                   addressIs64: Bool = false, shuffle: [UInt8] = [], hasResult: Bool) {
        let result = hasResult ? tempSlot(stack.count) : -1
        let start = Int32(aux.count)
        aux += SIMDInstruction.encode(opcode, result: result, operands: operands, lane: lane, offset: offset,
                                      addressIs64: addressIs64, shuffle: shuffle)
        emit(.simd(start))
        if hasResult { pushTemp() }
    }
}
