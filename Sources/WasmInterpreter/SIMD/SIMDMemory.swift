import WasmParser

/// SIMD loads and stores on memory 0 (little-endian, unaligned, bounds-checked like the scalar ones).
enum SIMDMemory {
    static func execute(_ opcode: SIMDOpcode, _ p: UnsafeMutablePointer<Int32>, _ sp: UnsafeMutablePointer<UInt64>,
                        _ arena: V128Arena, _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        let raw = sp[Int(p[SIMDInstruction.first])]
        let base = p[SIMDInstruction.addressIs64] == 1 ? raw : UInt64(u32(raw))
        let offset = UInt64(UInt32(bitPattern: p[SIMDInstruction.offset]))
            | UInt64(UInt32(bitPattern: p[SIMDInstruction.offsetHigh])) << 32
        let width = 1 << Int(opcode.naturalAlignmentLog2)
        let (ea, overflow) = base.addingReportingOverflow(offset)
        guard !overflow, ea <= UInt64(memSize), UInt64(width) <= UInt64(memSize) - ea else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        let address = Int(ea)
        func read(_ bytes: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<bytes { v |= UInt64(memBase.load(fromByteOffset: address + i, as: UInt8.self)) << UInt64(8 * i) }
            return v
        }
        func write(_ value: UInt64, _ bytes: Int) {
            for i in 0..<bytes {
                memBase.storeBytes(of: UInt8(truncatingIfNeeded: value >> UInt64(8 * i)), toByteOffset: address + i, as: UInt8.self)
            }
        }
        func produce(_ v: V128) throws { sp[Int(p[SIMDInstruction.result])] = try arena.handle(v) }
        let lane = Int(p[SIMDInstruction.lane])

        switch opcode {
        case .v128Load: try produce(V128(lo: read(8), hi: memBase.loadUnaligned(fromByteOffset: address + 8, as: UInt64.self)))
        case .v128Load8x8S, .v128Load8x8U: try produce(extend(read(8), 8, signed: opcode == .v128Load8x8S))
        case .v128Load16x4S, .v128Load16x4U: try produce(extend(read(8), 16, signed: opcode == .v128Load16x4S))
        case .v128Load32x2S, .v128Load32x2U: try produce(extend(read(8), 32, signed: opcode == .v128Load32x2S))
        case .v128Load8Splat, .v128Load16Splat, .v128Load32Splat, .v128Load64Splat:
            let bits = width * 8
            try produce(Lanes.join([UInt64](repeating: read(width), count: 128 / bits), bits))
        case .v128Load32Zero, .v128Load64Zero: try produce(V128(lo: read(width), hi: 0))
        case .v128Load8Lane, .v128Load16Lane, .v128Load32Lane, .v128Load64Lane:
            var lanes = Lanes.split(arena[sp[Int(p[SIMDInstruction.second])]], width * 8)
            lanes[lane] = read(width)
            try produce(Lanes.join(lanes, width * 8))
        case .v128Store:
            let v = arena[sp[Int(p[SIMDInstruction.second])]]
            memBase.storeBytes(of: v.lo, toByteOffset: address, as: UInt64.self)
            memBase.storeBytes(of: v.hi, toByteOffset: address + 8, as: UInt64.self)
        case .v128Store8Lane, .v128Store16Lane, .v128Store32Lane, .v128Store64Lane:
            write(Lanes.split(arena[sp[Int(p[SIMDInstruction.second])]], width * 8)[lane], width)
        default:
            throw Trap(.host, "not a SIMD memory instruction: \(opcode.mnemonic)")
        }
    }

    /// load8x8/16x4/32x2: 8 bytes as lanes of `bits`, each widened to twice that.
    private static func extend(_ word: UInt64, _ bits: Int, signed isSigned: Bool) -> V128 {
        let lanes = Lanes.split(V128(lo: word, hi: 0), bits).prefix(64 / bits)
        return Lanes.join(lanes.map { isSigned ? UInt64(bitPattern: Lanes.signed($0, bits)) : $0 }, bits * 2)
    }
}
