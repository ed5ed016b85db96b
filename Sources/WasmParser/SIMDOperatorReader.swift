/// Decoding of the 0xFD-prefixed SIMD instructions (feature .simd).
extension OperatorReader {
    mutating func readSIMDOperator(at: Int) throws(WasmError) -> Operator {
        let sub = try reader.readVarUInt32()
        guard let opcode = SIMDOpcode(rawValue: sub) else {
            throw WasmError.malformed("illegal opcode 0xfd \(sub)", at: at)
        }
        switch opcode.form {
        case .load, .store:
            return .simdMemory(opcode, try readMemArg())
        case .loadLane, .storeLane:
            let arg = try readMemArg()
            return .simdMemoryLane(opcode, arg, lane: try reader.readByte())
        case .extractLane, .replaceLane:
            return .simdLane(opcode, lane: try reader.readByte())
        case .const:
            let lo = try reader.readUInt64LE()
            return .v128Const(V128(lo: lo, hi: try reader.readUInt64LE()))
        case .shuffle:
            var lanes = [UInt8]()
            lanes.reserveCapacity(16)
            for _ in 0..<16 { lanes.append(try reader.readByte()) }
            return .i8x16Shuffle(lanes)
        case .splat, .unary, .binary, .ternary, .test, .shift:
            return .simd(opcode)
        }
    }
}
