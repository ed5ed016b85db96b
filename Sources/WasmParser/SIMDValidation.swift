/// Typing rules of the SIMD instructions (operand shapes come from `SIMDOpcode.form`).
extension FunctionValidator {
    mutating func applySIMD(_ op: Operator, at: Int) throws(WasmError) {
        switch op {
        case .v128Const:
            push(.v128)
        case .i8x16Shuffle(let lanes):
            guard lanes.allSatisfy({ $0 < 32 }) else { throw WasmError.invalid("invalid lane index", at: at) }
            try pop(.v128, at: at)
            try pop(.v128, at: at)
            push(.v128)
        case .simdMemory(let opcode, let arg):
            let address = try checkSIMDMemArg(opcode, arg, at: at)
            if opcode.form == .store { try pop(.v128, at: at) }
            try pop(address, at: at)
            if opcode.form == .load { push(.v128) }
        case .simdMemoryLane(let opcode, let arg, let lane):
            let address = try checkSIMDMemArg(opcode, arg, at: at)
            try checkLane(lane, of: opcode, at: at)
            try pop(.v128, at: at)
            try pop(address, at: at)
            if opcode.form == .loadLane { push(.v128) }
        case .simdLane(let opcode, let lane):
            try checkLane(lane, of: opcode, at: at)
            if opcode.form == .replaceLane {
                try pop(opcode.scalarType, at: at)
                try pop(.v128, at: at)
                push(.v128)
            } else {
                try pop(.v128, at: at)
                push(opcode.scalarType)
            }
        case .simd(let opcode):
            switch opcode.form {
            case .splat: try pop(opcode.scalarType, at: at)
            case .unary: try pop(.v128, at: at)
            case .binary: for _ in 0..<2 { try pop(.v128, at: at) }
            case .ternary: for _ in 0..<3 { try pop(.v128, at: at) }
            case .shift:
                try pop(.i32, at: at)
                try pop(.v128, at: at)
            case .test:
                try pop(.v128, at: at)
                push(.i32)
                return
            default: preconditionFailure("SIMD opcode \(opcode) decoded without its immediates")
            }
            push(.v128)
        default:
            preconditionFailure("not a SIMD operator: \(op)")
        }
    }

    /// Memory index, alignment and offset checks shared with the scalar loads; returns the address type.
    private mutating func checkSIMDMemArg(_ opcode: SIMDOpcode, _ arg: MemArg, at: Int) throws(WasmError) -> ValueType {
        try memory(arg.memory, at: at)
        guard arg.align <= opcode.naturalAlignmentLog2 else {
            throw WasmError.invalid("alignment must not be larger than natural", at: at)
        }
        let address = addressType(arg.memory)
        if address == .i32 && arg.offset > UInt64(UInt32.max) {
            throw WasmError.invalid("offset out of range", at: at)
        }
        return address
    }

    private func checkLane(_ lane: UInt8, of opcode: SIMDOpcode, at: Int) throws(WasmError) {
        guard lane < opcode.laneCount else { throw WasmError.invalid("invalid lane index", at: at) }
    }
}
