// Generated: operand signatures of opcodes 0x45...0xC4 (all immediate-free numeric operators),
// indexed by opcode - 0x45, so the validator can type them straight from the opcode byte.

enum NumericOpcodeTable {
    static let first: UInt8 = 0x45
    static let last: UInt8 = 0xC4

    /// Stored behind a pointer so lookups stay cheap in unoptimized builds too.
    nonisolated(unsafe) static let signatures: UnsafePointer<NumericSignature> = {
        let list: [NumericSignature] = [
            NumericSignature(.i32, nil, .i32),  // 0x45 i32.eqz
            NumericSignature(.i32, .i32, .i32),  // 0x46 i32.eq
            NumericSignature(.i32, .i32, .i32),  // 0x47 i32.ne
            NumericSignature(.i32, .i32, .i32),  // 0x48 i32.lt_s
            NumericSignature(.i32, .i32, .i32),  // 0x49 i32.lt_u
            NumericSignature(.i32, .i32, .i32),  // 0x4A i32.gt_s
            NumericSignature(.i32, .i32, .i32),  // 0x4B i32.gt_u
            NumericSignature(.i32, .i32, .i32),  // 0x4C i32.le_s
            NumericSignature(.i32, .i32, .i32),  // 0x4D i32.le_u
            NumericSignature(.i32, .i32, .i32),  // 0x4E i32.ge_s
            NumericSignature(.i32, .i32, .i32),  // 0x4F i32.ge_u
            NumericSignature(.i64, nil, .i32),  // 0x50 i64.eqz
            NumericSignature(.i64, .i64, .i32),  // 0x51 i64.eq
            NumericSignature(.i64, .i64, .i32),  // 0x52 i64.ne
            NumericSignature(.i64, .i64, .i32),  // 0x53 i64.lt_s
            NumericSignature(.i64, .i64, .i32),  // 0x54 i64.lt_u
            NumericSignature(.i64, .i64, .i32),  // 0x55 i64.gt_s
            NumericSignature(.i64, .i64, .i32),  // 0x56 i64.gt_u
            NumericSignature(.i64, .i64, .i32),  // 0x57 i64.le_s
            NumericSignature(.i64, .i64, .i32),  // 0x58 i64.le_u
            NumericSignature(.i64, .i64, .i32),  // 0x59 i64.ge_s
            NumericSignature(.i64, .i64, .i32),  // 0x5A i64.ge_u
            NumericSignature(.f32, .f32, .i32),  // 0x5B f32.eq
            NumericSignature(.f32, .f32, .i32),  // 0x5C f32.ne
            NumericSignature(.f32, .f32, .i32),  // 0x5D f32.lt
            NumericSignature(.f32, .f32, .i32),  // 0x5E f32.gt
            NumericSignature(.f32, .f32, .i32),  // 0x5F f32.le
            NumericSignature(.f32, .f32, .i32),  // 0x60 f32.ge
            NumericSignature(.f64, .f64, .i32),  // 0x61 f64.eq
            NumericSignature(.f64, .f64, .i32),  // 0x62 f64.ne
            NumericSignature(.f64, .f64, .i32),  // 0x63 f64.lt
            NumericSignature(.f64, .f64, .i32),  // 0x64 f64.gt
            NumericSignature(.f64, .f64, .i32),  // 0x65 f64.le
            NumericSignature(.f64, .f64, .i32),  // 0x66 f64.ge
            NumericSignature(.i32, nil, .i32),  // 0x67 i32.clz
            NumericSignature(.i32, nil, .i32),  // 0x68 i32.ctz
            NumericSignature(.i32, nil, .i32),  // 0x69 i32.popcnt
            NumericSignature(.i32, .i32, .i32),  // 0x6A i32.add
            NumericSignature(.i32, .i32, .i32),  // 0x6B i32.sub
            NumericSignature(.i32, .i32, .i32),  // 0x6C i32.mul
            NumericSignature(.i32, .i32, .i32),  // 0x6D i32.div_s
            NumericSignature(.i32, .i32, .i32),  // 0x6E i32.div_u
            NumericSignature(.i32, .i32, .i32),  // 0x6F i32.rem_s
            NumericSignature(.i32, .i32, .i32),  // 0x70 i32.rem_u
            NumericSignature(.i32, .i32, .i32),  // 0x71 i32.and
            NumericSignature(.i32, .i32, .i32),  // 0x72 i32.or
            NumericSignature(.i32, .i32, .i32),  // 0x73 i32.xor
            NumericSignature(.i32, .i32, .i32),  // 0x74 i32.shl
            NumericSignature(.i32, .i32, .i32),  // 0x75 i32.shr_s
            NumericSignature(.i32, .i32, .i32),  // 0x76 i32.shr_u
            NumericSignature(.i32, .i32, .i32),  // 0x77 i32.rotl
            NumericSignature(.i32, .i32, .i32),  // 0x78 i32.rotr
            NumericSignature(.i64, nil, .i64),  // 0x79 i64.clz
            NumericSignature(.i64, nil, .i64),  // 0x7A i64.ctz
            NumericSignature(.i64, nil, .i64),  // 0x7B i64.popcnt
            NumericSignature(.i64, .i64, .i64),  // 0x7C i64.add
            NumericSignature(.i64, .i64, .i64),  // 0x7D i64.sub
            NumericSignature(.i64, .i64, .i64),  // 0x7E i64.mul
            NumericSignature(.i64, .i64, .i64),  // 0x7F i64.div_s
            NumericSignature(.i64, .i64, .i64),  // 0x80 i64.div_u
            NumericSignature(.i64, .i64, .i64),  // 0x81 i64.rem_s
            NumericSignature(.i64, .i64, .i64),  // 0x82 i64.rem_u
            NumericSignature(.i64, .i64, .i64),  // 0x83 i64.and
            NumericSignature(.i64, .i64, .i64),  // 0x84 i64.or
            NumericSignature(.i64, .i64, .i64),  // 0x85 i64.xor
            NumericSignature(.i64, .i64, .i64),  // 0x86 i64.shl
            NumericSignature(.i64, .i64, .i64),  // 0x87 i64.shr_s
            NumericSignature(.i64, .i64, .i64),  // 0x88 i64.shr_u
            NumericSignature(.i64, .i64, .i64),  // 0x89 i64.rotl
            NumericSignature(.i64, .i64, .i64),  // 0x8A i64.rotr
            NumericSignature(.f32, nil, .f32),  // 0x8B f32.abs
            NumericSignature(.f32, nil, .f32),  // 0x8C f32.neg
            NumericSignature(.f32, nil, .f32),  // 0x8D f32.ceil
            NumericSignature(.f32, nil, .f32),  // 0x8E f32.floor
            NumericSignature(.f32, nil, .f32),  // 0x8F f32.trunc
            NumericSignature(.f32, nil, .f32),  // 0x90 f32.nearest
            NumericSignature(.f32, nil, .f32),  // 0x91 f32.sqrt
            NumericSignature(.f32, .f32, .f32),  // 0x92 f32.add
            NumericSignature(.f32, .f32, .f32),  // 0x93 f32.sub
            NumericSignature(.f32, .f32, .f32),  // 0x94 f32.mul
            NumericSignature(.f32, .f32, .f32),  // 0x95 f32.div
            NumericSignature(.f32, .f32, .f32),  // 0x96 f32.min
            NumericSignature(.f32, .f32, .f32),  // 0x97 f32.max
            NumericSignature(.f32, .f32, .f32),  // 0x98 f32.copysign
            NumericSignature(.f64, nil, .f64),  // 0x99 f64.abs
            NumericSignature(.f64, nil, .f64),  // 0x9A f64.neg
            NumericSignature(.f64, nil, .f64),  // 0x9B f64.ceil
            NumericSignature(.f64, nil, .f64),  // 0x9C f64.floor
            NumericSignature(.f64, nil, .f64),  // 0x9D f64.trunc
            NumericSignature(.f64, nil, .f64),  // 0x9E f64.nearest
            NumericSignature(.f64, nil, .f64),  // 0x9F f64.sqrt
            NumericSignature(.f64, .f64, .f64),  // 0xA0 f64.add
            NumericSignature(.f64, .f64, .f64),  // 0xA1 f64.sub
            NumericSignature(.f64, .f64, .f64),  // 0xA2 f64.mul
            NumericSignature(.f64, .f64, .f64),  // 0xA3 f64.div
            NumericSignature(.f64, .f64, .f64),  // 0xA4 f64.min
            NumericSignature(.f64, .f64, .f64),  // 0xA5 f64.max
            NumericSignature(.f64, .f64, .f64),  // 0xA6 f64.copysign
            NumericSignature(.i64, nil, .i32),  // 0xA7 i32.wrap_i64
            NumericSignature(.f32, nil, .i32),  // 0xA8 i32.trunc_f32_s
            NumericSignature(.f32, nil, .i32),  // 0xA9 i32.trunc_f32_u
            NumericSignature(.f64, nil, .i32),  // 0xAA i32.trunc_f64_s
            NumericSignature(.f64, nil, .i32),  // 0xAB i32.trunc_f64_u
            NumericSignature(.i32, nil, .i64),  // 0xAC i64.extend_i32_s
            NumericSignature(.i32, nil, .i64),  // 0xAD i64.extend_i32_u
            NumericSignature(.f32, nil, .i64),  // 0xAE i64.trunc_f32_s
            NumericSignature(.f32, nil, .i64),  // 0xAF i64.trunc_f32_u
            NumericSignature(.f64, nil, .i64),  // 0xB0 i64.trunc_f64_s
            NumericSignature(.f64, nil, .i64),  // 0xB1 i64.trunc_f64_u
            NumericSignature(.i32, nil, .f32),  // 0xB2 f32.convert_i32_s
            NumericSignature(.i32, nil, .f32),  // 0xB3 f32.convert_i32_u
            NumericSignature(.i64, nil, .f32),  // 0xB4 f32.convert_i64_s
            NumericSignature(.i64, nil, .f32),  // 0xB5 f32.convert_i64_u
            NumericSignature(.f64, nil, .f32),  // 0xB6 f32.demote_f64
            NumericSignature(.i32, nil, .f64),  // 0xB7 f64.convert_i32_s
            NumericSignature(.i32, nil, .f64),  // 0xB8 f64.convert_i32_u
            NumericSignature(.i64, nil, .f64),  // 0xB9 f64.convert_i64_s
            NumericSignature(.i64, nil, .f64),  // 0xBA f64.convert_i64_u
            NumericSignature(.f32, nil, .f64),  // 0xBB f64.promote_f32
            NumericSignature(.f32, nil, .i32),  // 0xBC i32.reinterpret_f32
            NumericSignature(.f64, nil, .i64),  // 0xBD i64.reinterpret_f64
            NumericSignature(.i32, nil, .f32),  // 0xBE f32.reinterpret_i32
            NumericSignature(.i64, nil, .f64),  // 0xBF f64.reinterpret_i64
            NumericSignature(.i32, nil, .i32),  // 0xC0 i32.extend8_s
            NumericSignature(.i32, nil, .i32),  // 0xC1 i32.extend16_s
            NumericSignature(.i64, nil, .i64),  // 0xC2 i64.extend8_s
            NumericSignature(.i64, nil, .i64),  // 0xC3 i64.extend16_s
            NumericSignature(.i64, nil, .i64),  // 0xC4 i64.extend32_s
        ]
        let pointer = UnsafeMutablePointer<NumericSignature>.allocate(capacity: list.count)
        pointer.initialize(from: list, count: list.count)
        return UnsafePointer(pointer)
    }()
}
