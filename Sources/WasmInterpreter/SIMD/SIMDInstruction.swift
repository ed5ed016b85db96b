import WasmParser

/// The operands of one SIMD IR instruction, kept in the function's `aux` array so `Instruction.simd`
/// stays one small case: `Instruction.simd(start)` points at `SIMDInstruction.size` entries.
enum SIMDInstruction {
    static let size = 12
    // Offsets from the start.
    static let opcode = 0, kernel = 1, result = 2, first = 3, second = 4, third = 5, lane = 6, offset = 7
    /// i8x16.shuffle: the 16 lane indexes, 4 per entry, little-endian.
    static let shuffleLanes = 8
    /// Memory instructions (which have no shuffle lanes): 1 if the address is an i64 (memory64), and the
    /// offset's high word.
    static let addressIs64 = 8, offsetHigh = 9

    static func encode(_ opcode: SIMDOpcode, result: Int32 = -1, operands: [Int32] = [], lane: UInt8 = 0,
                       offset: UInt64 = 0, addressIs64: Bool = false, shuffle: [UInt8] = []) -> [Int32] {
        var entries = [Int32](repeating: -1, count: size)
        entries[SIMDInstruction.opcode] = Int32(opcode.rawValue)
        entries[kernel] = SIMDKernel(opcode).flatMap { k in SIMDKernel.kinds.firstIndex(of: k.kind) }.map(Int32.init) ?? -1
        entries[SIMDInstruction.result] = result
        for (i, slot) in operands.enumerated() { entries[first + i] = slot }
        entries[SIMDInstruction.lane] = Int32(lane)
        entries[SIMDInstruction.offset] = Int32(bitPattern: UInt32(truncatingIfNeeded: offset))
        if shuffle.isEmpty {
            entries[SIMDInstruction.addressIs64] = addressIs64 ? 1 : 0
            entries[offsetHigh] = Int32(bitPattern: UInt32(truncatingIfNeeded: offset >> 32))
        }
        for word in 0..<4 where shuffle.count == 16 {
            var packed: UInt32 = 0
            for byte in 0..<4 { packed |= UInt32(shuffle[word * 4 + byte]) << UInt32(byte * 8) }
            entries[shuffleLanes + word] = Int32(bitPattern: packed)
        }
        return entries
    }
}
