/// Unary numeric operators rare in hot loops (rounding, float-to-int truncation, int-to-float conversion,
/// popcnt, f32 sqrt, abs and neg of both float types, the f32 conversions, extend8/16, clz, and ctz but for
/// i64, which Go's allocator scans bitmaps with). They share the one instruction case
/// `rareUnary(dst, operand, op)`: grouped when `Instruction`'s tag was one byte, to free cases for fused
/// instructions (the tag is two bytes since GoSequenceFusion); one extra switch for these rare operators.
enum RareUnary: UInt8 {
    case f32Ceil, f32Floor, f32Trunc, f32Nearest, f64Ceil, f64Floor, f64Trunc, f64Nearest
    case i32TruncF32S, i32TruncF32U, i32TruncF64S, i32TruncF64U, i64TruncF32S, i64TruncF32U, i64TruncF64S, i64TruncF64U
    case i32TruncSatF32S, i32TruncSatF32U, i32TruncSatF64S, i32TruncSatF64U, i64TruncSatF32S, i64TruncSatF32U, i64TruncSatF64S, i64TruncSatF64U
    case f32ConvertI64S, f32ConvertI64U, f64ConvertI64U, f32ConvertI32U, f64ConvertI32U, i32Popcnt, i64Popcnt
    case f32Abs, f32Neg, f32Sqrt, f32ConvertI32S, f32DemoteF64, f64PromoteF32, i64Extend8S, i64Extend16S
    case i32Clz, i32Ctz, i64Clz, f64ConvertI32S, f64ConvertI64S, f64Abs, f64Neg, i32Extend8S, i32Extend16S

    @inline(never)
    func apply(_ a: UInt64) throws(Trap) -> UInt64 {
        switch self {
        case .f32Ceil: return Num.f32Ceil(a)
        case .f32Floor: return Num.f32Floor(a)
        case .f32Trunc: return Num.f32Trunc(a)
        case .f32Nearest: return Num.f32Nearest(a)
        case .f64Ceil: return Num.f64Ceil(a)
        case .f64Floor: return Num.f64Floor(a)
        case .f64Trunc: return Num.f64Trunc(a)
        case .f64Nearest: return Num.f64Nearest(a)
        case .i32TruncF32S: return try Num.i32TruncF32S(a)
        case .i32TruncF32U: return try Num.i32TruncF32U(a)
        case .i32TruncF64S: return try Num.i32TruncF64S(a)
        case .i32TruncF64U: return try Num.i32TruncF64U(a)
        case .i64TruncF32S: return try Num.i64TruncF32S(a)
        case .i64TruncF32U: return try Num.i64TruncF32U(a)
        case .i64TruncF64S: return try Num.i64TruncF64S(a)
        case .i64TruncF64U: return try Num.i64TruncF64U(a)
        case .i32TruncSatF32S: return Num.i32TruncSatF32S(a)
        case .i32TruncSatF32U: return Num.i32TruncSatF32U(a)
        case .i32TruncSatF64S: return Num.i32TruncSatF64S(a)
        case .i32TruncSatF64U: return Num.i32TruncSatF64U(a)
        case .i64TruncSatF32S: return Num.i64TruncSatF32S(a)
        case .i64TruncSatF32U: return Num.i64TruncSatF32U(a)
        case .i64TruncSatF64S: return Num.i64TruncSatF64S(a)
        case .i64TruncSatF64U: return Num.i64TruncSatF64U(a)
        case .f32ConvertI64S: return Num.f32ConvertI64S(a)
        case .f32ConvertI64U: return Num.f32ConvertI64U(a)
        case .f64ConvertI64U: return Num.f64ConvertI64U(a)
        case .f32ConvertI32U: return Num.f32ConvertI32U(a)
        case .f64ConvertI32U: return Num.f64ConvertI32U(a)
        case .i32Popcnt: return Num.i32Popcnt(a)
        case .i64Popcnt: return Num.i64Popcnt(a)
        case .f32Abs: return Num.f32Abs(a)
        case .f32Neg: return Num.f32Neg(a)
        case .f32Sqrt: return Num.f32Sqrt(a)
        case .f32ConvertI32S: return Num.f32ConvertI32S(a)
        case .f32DemoteF64: return Num.f32DemoteF64(a)
        case .f64PromoteF32: return Num.f64PromoteF32(a)
        case .i64Extend8S: return Num.i64Extend8S(a)
        case .i64Extend16S: return Num.i64Extend16S(a)
        case .i32Clz: return Num.i32Clz(a)
        case .i32Ctz: return Num.i32Ctz(a)
        case .i64Clz: return Num.i64Clz(a)
        case .f64ConvertI32S: return Num.f64ConvertI32S(a)
        case .f64ConvertI64S: return Num.f64ConvertI64S(a)
        case .f64Abs: return Num.f64Abs(a)
        case .f64Neg: return Num.f64Neg(a)
        case .i32Extend8S: return Num.i32Extend8S(a)
        case .i32Extend16S: return Num.i32Extend16S(a)
        }
    }
}
