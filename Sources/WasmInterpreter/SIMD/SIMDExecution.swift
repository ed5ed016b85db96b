import WasmParser

/// Executes one `Instruction.simd` on the frame's cells; v128 cells are `V128Arena` handles.
enum SIMDExecution {
    static func execute(_ p: UnsafeMutablePointer<Int32>, _ sp: UnsafeMutablePointer<UInt64>, _ arena: V128Arena,
                        _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        guard let opcode = SIMDOpcode(rawValue: UInt32(bitPattern: p[SIMDInstruction.opcode])) else {
            throw Trap(.host, "corrupt SIMD instruction")
        }
        @inline(__always) func slot(_ i: Int) -> Int { Int(p[i]) }
        @inline(__always) func vector(_ i: Int) -> V128 { arena[sp[slot(i)]] }
        @inline(__always) func produce(_ v: V128) throws { sp[slot(SIMDInstruction.result)] = try arena.handle(v) }

        switch opcode.form {
        case .load, .store, .loadLane, .storeLane:
            try SIMDMemory.execute(opcode, p, sp, arena, memBase, memSize)
            return
        case .shuffle:
            var indexes = [UInt64]()
            for word in 0..<4 {
                let packed = UInt32(bitPattern: p[SIMDInstruction.shuffleLanes + word])
                for byte in 0..<4 { indexes.append(UInt64((packed >> UInt32(byte * 8)) & 0xFF)) }
            }
            try produce(SIMDArithmetic.shuffle(vector(SIMDInstruction.first), vector(SIMDInstruction.second), indexes))
            return
        case .ternary:
            try produce(SIMDArithmetic.bitselect(vector(SIMDInstruction.first), vector(SIMDInstruction.second),
                                                 vector(SIMDInstruction.third)))
            return
        case .const:
            throw Trap(.host, "v128.const is a frame constant, not an instruction")
        default: break
        }
        let index = Int(p[SIMDInstruction.kernel])
        guard index >= 0 && index < SIMDKernel.kinds.count, let kernel = SIMDKernel(opcode) else {
            throw Trap(.host, "unsupported SIMD instruction \(opcode.mnemonic)")
        }
        let lane = Int(p[SIMDInstruction.lane])
        switch opcode.form {
        case .splat: try produce(SIMDArithmetic.splat(kernel, sp[slot(SIMDInstruction.first)]))
        case .unary: try produce(SIMDArithmetic.unary(kernel, vector(SIMDInstruction.first)))
        case .binary: try produce(SIMDArithmetic.binary(kernel, vector(SIMDInstruction.first), vector(SIMDInstruction.second)))
        case .shift:
            try produce(SIMDArithmetic.shift(kernel, vector(SIMDInstruction.first), sp[slot(SIMDInstruction.second)]))
        case .test: sp[slot(SIMDInstruction.result)] = SIMDArithmetic.test(kernel, vector(SIMDInstruction.first))
        case .extractLane:
            sp[slot(SIMDInstruction.result)] = SIMDArithmetic.extract(kernel, vector(SIMDInstruction.first), lane: lane)
        case .replaceLane:
            try produce(SIMDArithmetic.replace(kernel, vector(SIMDInstruction.first), lane: lane,
                                               sp[slot(SIMDInstruction.second)]))
        default: throw Trap(.host, "unsupported SIMD instruction \(opcode.mnemonic)")
        }
    }
}
