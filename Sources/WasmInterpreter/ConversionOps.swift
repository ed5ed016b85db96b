/// Conversions between integers and floats (wasm spec §4.3.4). Trapping truncations check the range
/// on the truncated value; saturating ones clamp and map NaN to 0.
extension Num {
    @inline(__always) static func truncChecked<F: BinaryFloatingPoint>(_ x: F, above lower: F, below upper: F) throws(Trap) -> F {
        if x.isNaN { throw Trap(.invalidConversionToInteger) }
        let t = x.rounded(.towardZero)
        if !(t > lower && t < upper) { throw Trap(.integerOverflow) }
        return t
    }

    @inline(__always) static func i32TruncF32S(_ a: UInt64) throws(Trap) -> UInt64 {
        cell(Int32(try truncChecked(f32(a), above: -2147483904.0, below: 2147483648.0)))
    }
    @inline(__always) static func i32TruncF32U(_ a: UInt64) throws(Trap) -> UInt64 {
        cell(UInt32(try truncChecked(f32(a), above: -1.0, below: 4294967296.0)))
    }
    @inline(__always) static func i32TruncF64S(_ a: UInt64) throws(Trap) -> UInt64 {
        cell(Int32(try truncChecked(f64(a), above: -2147483649.0, below: 2147483648.0)))
    }
    @inline(__always) static func i32TruncF64U(_ a: UInt64) throws(Trap) -> UInt64 {
        cell(UInt32(try truncChecked(f64(a), above: -1.0, below: 4294967296.0)))
    }
    @inline(__always) static func i64TruncF32S(_ a: UInt64) throws(Trap) -> UInt64 {
        cell(Int64(try truncChecked(f32(a), above: -9223373136366403584.0, below: 9223372036854775808.0)))
    }
    @inline(__always) static func i64TruncF32U(_ a: UInt64) throws(Trap) -> UInt64 {
        UInt64(try truncChecked(f32(a), above: -1.0, below: 18446744073709551616.0))
    }
    @inline(__always) static func i64TruncF64S(_ a: UInt64) throws(Trap) -> UInt64 {
        cell(Int64(try truncChecked(f64(a), above: -9223372036854777856.0, below: 9223372036854775808.0)))
    }
    @inline(__always) static func i64TruncF64U(_ a: UInt64) throws(Trap) -> UInt64 {
        UInt64(try truncChecked(f64(a), above: -1.0, below: 18446744073709551616.0))
    }

    @inline(__always) static func i32TruncSatF32S(_ a: UInt64) -> UInt64 { cell(Int32(saturating: f32(a))) }
    @inline(__always) static func i32TruncSatF32U(_ a: UInt64) -> UInt64 { cell(UInt32(saturating: f32(a))) }
    @inline(__always) static func i32TruncSatF64S(_ a: UInt64) -> UInt64 { cell(Int32(saturating: f64(a))) }
    @inline(__always) static func i32TruncSatF64U(_ a: UInt64) -> UInt64 { cell(UInt32(saturating: f64(a))) }
    @inline(__always) static func i64TruncSatF32S(_ a: UInt64) -> UInt64 { cell(Int64(saturating: f32(a))) }
    @inline(__always) static func i64TruncSatF32U(_ a: UInt64) -> UInt64 { UInt64(saturating: f32(a)) }
    @inline(__always) static func i64TruncSatF64S(_ a: UInt64) -> UInt64 { cell(Int64(saturating: f64(a))) }
    @inline(__always) static func i64TruncSatF64U(_ a: UInt64) -> UInt64 { UInt64(saturating: f64(a)) }

    @inline(__always) static func f32ConvertI32S(_ a: UInt64) -> UInt64 { cell(Float(s32(a))) }
    @inline(__always) static func f32ConvertI32U(_ a: UInt64) -> UInt64 { cell(Float(u32(a))) }
    @inline(__always) static func f32ConvertI64S(_ a: UInt64) -> UInt64 { cell(Float(s64(a))) }
    @inline(__always) static func f32ConvertI64U(_ a: UInt64) -> UInt64 { cell(Float(a)) }
    @inline(__always) static func f32DemoteF64(_ a: UInt64) -> UInt64 { cell(Float(f64(a))) }
    @inline(__always) static func f64ConvertI32S(_ a: UInt64) -> UInt64 { cell(Double(s32(a))) }
    @inline(__always) static func f64ConvertI32U(_ a: UInt64) -> UInt64 { cell(Double(u32(a))) }
    @inline(__always) static func f64ConvertI64S(_ a: UInt64) -> UInt64 { cell(Double(s64(a))) }
    @inline(__always) static func f64ConvertI64U(_ a: UInt64) -> UInt64 { cell(Double(a)) }
    @inline(__always) static func f64PromoteF32(_ a: UInt64) -> UInt64 { cell(Double(f32(a))) }
}

extension FixedWidthInteger {
    /// Saturating float-to-integer conversion: NaN -> 0, out-of-range -> min/max.
    @inline(__always) init<F: BinaryFloatingPoint>(saturating x: F) {
        if x.isNaN { self = 0; return }
        if x <= F(Self.min) { self = .min; return }
        if x >= F(Self.max) { self = .max; return }
        self.init(x.rounded(.towardZero))
    }
}
