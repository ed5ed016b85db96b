// Generated: operand signatures of the immediate-free numeric operators.

extension Operator {
    /// (params, result) for numeric operators that take no immediates; nil for everything else.
    var numericSignature: NumericSignature? {
        switch self {
        case .i32Eqz, .i32Clz, .i32Ctz, .i32Popcnt, .i32Extend8S, .i32Extend16S:
            return NumericSignature(.i32, nil, .i32)
        case .i32Eq, .i32Ne, .i32LtS, .i32LtU, .i32GtS, .i32GtU, .i32LeS, .i32LeU, .i32GeS, .i32GeU, .i32Add, .i32Sub, .i32Mul, .i32DivS, .i32DivU, .i32RemS, .i32RemU, .i32And, .i32Or, .i32Xor, .i32Shl, .i32ShrS, .i32ShrU, .i32Rotl, .i32Rotr:
            return NumericSignature(.i32, .i32, .i32)
        case .i64Eqz, .i32WrapI64:
            return NumericSignature(.i64, nil, .i32)
        case .i64Eq, .i64Ne, .i64LtS, .i64LtU, .i64GtS, .i64GtU, .i64LeS, .i64LeU, .i64GeS, .i64GeU:
            return NumericSignature(.i64, .i64, .i32)
        case .f32Eq, .f32Ne, .f32Lt, .f32Gt, .f32Le, .f32Ge:
            return NumericSignature(.f32, .f32, .i32)
        case .f64Eq, .f64Ne, .f64Lt, .f64Gt, .f64Le, .f64Ge:
            return NumericSignature(.f64, .f64, .i32)
        case .i64Clz, .i64Ctz, .i64Popcnt, .i64Extend8S, .i64Extend16S, .i64Extend32S:
            return NumericSignature(.i64, nil, .i64)
        case .i64Add, .i64Sub, .i64Mul, .i64DivS, .i64DivU, .i64RemS, .i64RemU, .i64And, .i64Or, .i64Xor, .i64Shl, .i64ShrS, .i64ShrU, .i64Rotl, .i64Rotr:
            return NumericSignature(.i64, .i64, .i64)
        case .f32Abs, .f32Neg, .f32Ceil, .f32Floor, .f32Trunc, .f32Nearest, .f32Sqrt:
            return NumericSignature(.f32, nil, .f32)
        case .f32Add, .f32Sub, .f32Mul, .f32Div, .f32Min, .f32Max, .f32Copysign:
            return NumericSignature(.f32, .f32, .f32)
        case .f64Abs, .f64Neg, .f64Ceil, .f64Floor, .f64Trunc, .f64Nearest, .f64Sqrt:
            return NumericSignature(.f64, nil, .f64)
        case .f64Add, .f64Sub, .f64Mul, .f64Div, .f64Min, .f64Max, .f64Copysign:
            return NumericSignature(.f64, .f64, .f64)
        case .i32TruncF32S, .i32TruncF32U, .i32ReinterpretF32, .i32TruncSatF32S, .i32TruncSatF32U:
            return NumericSignature(.f32, nil, .i32)
        case .i32TruncF64S, .i32TruncF64U, .i32TruncSatF64S, .i32TruncSatF64U:
            return NumericSignature(.f64, nil, .i32)
        case .i64ExtendI32S, .i64ExtendI32U:
            return NumericSignature(.i32, nil, .i64)
        case .i64TruncF32S, .i64TruncF32U, .i64TruncSatF32S, .i64TruncSatF32U:
            return NumericSignature(.f32, nil, .i64)
        case .i64TruncF64S, .i64TruncF64U, .i64ReinterpretF64, .i64TruncSatF64S, .i64TruncSatF64U:
            return NumericSignature(.f64, nil, .i64)
        case .f32ConvertI32S, .f32ConvertI32U, .f32ReinterpretI32:
            return NumericSignature(.i32, nil, .f32)
        case .f32ConvertI64S, .f32ConvertI64U:
            return NumericSignature(.i64, nil, .f32)
        case .f32DemoteF64:
            return NumericSignature(.f64, nil, .f32)
        case .f64ConvertI32S, .f64ConvertI32U:
            return NumericSignature(.i32, nil, .f64)
        case .f64ConvertI64S, .f64ConvertI64U, .f64ReinterpretI64:
            return NumericSignature(.i64, nil, .f64)
        case .f64PromoteF32:
            return NumericSignature(.f32, nil, .f64)
        default: return nil
        }
    }

    /// For memory loads/stores: (value type, natural alignment log2, isStore).
    public var memoryAccess: (arg: MemArg, type: ValueType, naturalAlignLog2: UInt32, isStore: Bool)? {
        switch self {
        case .i32Load(let a): return (a, .i32, 2, false)
        case .i64Load(let a): return (a, .i64, 3, false)
        case .f32Load(let a): return (a, .f32, 2, false)
        case .f64Load(let a): return (a, .f64, 3, false)
        case .i32Load8S(let a): return (a, .i32, 0, false)
        case .i32Load8U(let a): return (a, .i32, 0, false)
        case .i32Load16S(let a): return (a, .i32, 1, false)
        case .i32Load16U(let a): return (a, .i32, 1, false)
        case .i64Load8S(let a): return (a, .i64, 0, false)
        case .i64Load8U(let a): return (a, .i64, 0, false)
        case .i64Load16S(let a): return (a, .i64, 1, false)
        case .i64Load16U(let a): return (a, .i64, 1, false)
        case .i64Load32S(let a): return (a, .i64, 2, false)
        case .i64Load32U(let a): return (a, .i64, 2, false)
        case .i32Store(let a): return (a, .i32, 2, true)
        case .i64Store(let a): return (a, .i64, 3, true)
        case .f32Store(let a): return (a, .f32, 2, true)
        case .f64Store(let a): return (a, .f64, 3, true)
        case .i32Store8(let a): return (a, .i32, 0, true)
        case .i32Store16(let a): return (a, .i32, 1, true)
        case .i64Store8(let a): return (a, .i64, 0, true)
        case .i64Store16(let a): return (a, .i64, 1, true)
        case .i64Store32(let a): return (a, .i64, 2, true)
        default: return nil
        }
    }
}
