// Generated: single-byte opcodes without immediates, and the 0xFC saturating truncations.

extension OperatorReader {
    /// The operator for an immediate-free single-byte opcode, or nil.
    @inline(__always)
    static func simpleOperator(_ opcode: UInt8) -> Operator? {
        switch opcode {
        case 0x45: return .i32Eqz
        case 0x46: return .i32Eq
        case 0x47: return .i32Ne
        case 0x48: return .i32LtS
        case 0x49: return .i32LtU
        case 0x4A: return .i32GtS
        case 0x4B: return .i32GtU
        case 0x4C: return .i32LeS
        case 0x4D: return .i32LeU
        case 0x4E: return .i32GeS
        case 0x4F: return .i32GeU
        case 0x50: return .i64Eqz
        case 0x51: return .i64Eq
        case 0x52: return .i64Ne
        case 0x53: return .i64LtS
        case 0x54: return .i64LtU
        case 0x55: return .i64GtS
        case 0x56: return .i64GtU
        case 0x57: return .i64LeS
        case 0x58: return .i64LeU
        case 0x59: return .i64GeS
        case 0x5A: return .i64GeU
        case 0x5B: return .f32Eq
        case 0x5C: return .f32Ne
        case 0x5D: return .f32Lt
        case 0x5E: return .f32Gt
        case 0x5F: return .f32Le
        case 0x60: return .f32Ge
        case 0x61: return .f64Eq
        case 0x62: return .f64Ne
        case 0x63: return .f64Lt
        case 0x64: return .f64Gt
        case 0x65: return .f64Le
        case 0x66: return .f64Ge
        case 0x67: return .i32Clz
        case 0x68: return .i32Ctz
        case 0x69: return .i32Popcnt
        case 0x6A: return .i32Add
        case 0x6B: return .i32Sub
        case 0x6C: return .i32Mul
        case 0x6D: return .i32DivS
        case 0x6E: return .i32DivU
        case 0x6F: return .i32RemS
        case 0x70: return .i32RemU
        case 0x71: return .i32And
        case 0x72: return .i32Or
        case 0x73: return .i32Xor
        case 0x74: return .i32Shl
        case 0x75: return .i32ShrS
        case 0x76: return .i32ShrU
        case 0x77: return .i32Rotl
        case 0x78: return .i32Rotr
        case 0x79: return .i64Clz
        case 0x7A: return .i64Ctz
        case 0x7B: return .i64Popcnt
        case 0x7C: return .i64Add
        case 0x7D: return .i64Sub
        case 0x7E: return .i64Mul
        case 0x7F: return .i64DivS
        case 0x80: return .i64DivU
        case 0x81: return .i64RemS
        case 0x82: return .i64RemU
        case 0x83: return .i64And
        case 0x84: return .i64Or
        case 0x85: return .i64Xor
        case 0x86: return .i64Shl
        case 0x87: return .i64ShrS
        case 0x88: return .i64ShrU
        case 0x89: return .i64Rotl
        case 0x8A: return .i64Rotr
        case 0x8B: return .f32Abs
        case 0x8C: return .f32Neg
        case 0x8D: return .f32Ceil
        case 0x8E: return .f32Floor
        case 0x8F: return .f32Trunc
        case 0x90: return .f32Nearest
        case 0x91: return .f32Sqrt
        case 0x92: return .f32Add
        case 0x93: return .f32Sub
        case 0x94: return .f32Mul
        case 0x95: return .f32Div
        case 0x96: return .f32Min
        case 0x97: return .f32Max
        case 0x98: return .f32Copysign
        case 0x99: return .f64Abs
        case 0x9A: return .f64Neg
        case 0x9B: return .f64Ceil
        case 0x9C: return .f64Floor
        case 0x9D: return .f64Trunc
        case 0x9E: return .f64Nearest
        case 0x9F: return .f64Sqrt
        case 0xA0: return .f64Add
        case 0xA1: return .f64Sub
        case 0xA2: return .f64Mul
        case 0xA3: return .f64Div
        case 0xA4: return .f64Min
        case 0xA5: return .f64Max
        case 0xA6: return .f64Copysign
        case 0xA7: return .i32WrapI64
        case 0xA8: return .i32TruncF32S
        case 0xA9: return .i32TruncF32U
        case 0xAA: return .i32TruncF64S
        case 0xAB: return .i32TruncF64U
        case 0xAC: return .i64ExtendI32S
        case 0xAD: return .i64ExtendI32U
        case 0xAE: return .i64TruncF32S
        case 0xAF: return .i64TruncF32U
        case 0xB0: return .i64TruncF64S
        case 0xB1: return .i64TruncF64U
        case 0xB2: return .f32ConvertI32S
        case 0xB3: return .f32ConvertI32U
        case 0xB4: return .f32ConvertI64S
        case 0xB5: return .f32ConvertI64U
        case 0xB6: return .f32DemoteF64
        case 0xB7: return .f64ConvertI32S
        case 0xB8: return .f64ConvertI32U
        case 0xB9: return .f64ConvertI64S
        case 0xBA: return .f64ConvertI64U
        case 0xBB: return .f64PromoteF32
        case 0xBC: return .i32ReinterpretF32
        case 0xBD: return .i64ReinterpretF64
        case 0xBE: return .f32ReinterpretI32
        case 0xBF: return .f64ReinterpretI64
        case 0xC0: return .i32Extend8S
        case 0xC1: return .i32Extend16S
        case 0xC2: return .i64Extend8S
        case 0xC3: return .i64Extend16S
        case 0xC4: return .i64Extend32S
        default: return nil
        }
    }

    /// The operator for a memory-access opcode (0x28...0x3E) with its decoded memarg.
    @inline(__always)
    static func memoryOperator(_ opcode: UInt8, _ arg: MemArg) -> Operator {
        switch opcode {
        case 0x28: return .i32Load(arg)
        case 0x29: return .i64Load(arg)
        case 0x2A: return .f32Load(arg)
        case 0x2B: return .f64Load(arg)
        case 0x2C: return .i32Load8S(arg)
        case 0x2D: return .i32Load8U(arg)
        case 0x2E: return .i32Load16S(arg)
        case 0x2F: return .i32Load16U(arg)
        case 0x30: return .i64Load8S(arg)
        case 0x31: return .i64Load8U(arg)
        case 0x32: return .i64Load16S(arg)
        case 0x33: return .i64Load16U(arg)
        case 0x34: return .i64Load32S(arg)
        case 0x35: return .i64Load32U(arg)
        case 0x36: return .i32Store(arg)
        case 0x37: return .i64Store(arg)
        case 0x38: return .f32Store(arg)
        case 0x39: return .f64Store(arg)
        case 0x3A: return .i32Store8(arg)
        case 0x3B: return .i32Store16(arg)
        case 0x3C: return .i64Store8(arg)
        case 0x3D: return .i64Store16(arg)
        case 0x3E: return .i64Store32(arg)
        default: preconditionFailure("not a memory opcode")
        }
    }

    /// log2 of the natural alignment of a memory-access opcode (0x28...0x3E).
    static func naturalAlignmentLog2(_ opcode: UInt8) -> UInt32 {
        switch opcode {
        case 0x28: return 2
        case 0x29: return 3
        case 0x2A: return 2
        case 0x2B: return 3
        case 0x2C: return 0
        case 0x2D: return 0
        case 0x2E: return 1
        case 0x2F: return 1
        case 0x30: return 0
        case 0x31: return 0
        case 0x32: return 1
        case 0x33: return 1
        case 0x34: return 2
        case 0x35: return 2
        case 0x36: return 2
        case 0x37: return 3
        case 0x38: return 2
        case 0x39: return 3
        case 0x3A: return 0
        case 0x3B: return 1
        case 0x3C: return 0
        case 0x3D: return 1
        case 0x3E: return 2
        default: return 0
        }
    }

    static func saturatingTruncation(_ sub: UInt32) -> Operator? {
        switch sub {
        case 0: return .i32TruncSatF32S
        case 1: return .i32TruncSatF32U
        case 2: return .i32TruncSatF64S
        case 3: return .i32TruncSatF64U
        case 4: return .i64TruncSatF32S
        case 5: return .i64TruncSatF32U
        case 6: return .i64TruncSatF64S
        case 7: return .i64TruncSatF64U
        default: return nil
        }
    }

    /// The value type loaded or stored by a memory-access opcode (0x28...0x3E).
    static func memoryValueType(_ opcode: UInt8) -> ValueType {
        switch opcode {
        case 0x28: return .i32
        case 0x29: return .i64
        case 0x2A: return .f32
        case 0x2B: return .f64
        case 0x2C: return .i32
        case 0x2D: return .i32
        case 0x2E: return .i32
        case 0x2F: return .i32
        case 0x30: return .i64
        case 0x31: return .i64
        case 0x32: return .i64
        case 0x33: return .i64
        case 0x34: return .i64
        case 0x35: return .i64
        case 0x36: return .i32
        case 0x37: return .i64
        case 0x38: return .f32
        case 0x39: return .f64
        case 0x3A: return .i32
        case 0x3B: return .i32
        case 0x3C: return .i64
        case 0x3D: return .i64
        case 0x3E: return .i64
        default: return .i32
        }
    }
}
