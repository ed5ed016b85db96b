/// Frame cells are untyped 64-bit words. An i32 or f32 lives in the low 32 bits and every reader truncates,
/// so the upper half is unspecified (that makes i32.wrap_i64 free). i64/f64 use all 64 bits; floats are
/// bit patterns; references are (store address + 1) or (extern number + 1), 0 meaning null.
@inline(__always) func u32(_ v: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: v) }
@inline(__always) func s32(_ v: UInt64) -> Int32 { Int32(truncatingIfNeeded: v) }
@inline(__always) func s64(_ v: UInt64) -> Int64 { Int64(bitPattern: v) }
@inline(__always) func f32(_ v: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: v)) }
@inline(__always) func f64(_ v: UInt64) -> Double { Double(bitPattern: v) }

@inline(__always) func cell(_ x: UInt32) -> UInt64 { UInt64(x) }
@inline(__always) func cell(_ x: Int32) -> UInt64 { UInt64(UInt32(bitPattern: x)) }
@inline(__always) func cell(_ x: Int64) -> UInt64 { UInt64(bitPattern: x) }
@inline(__always) func cell(_ x: Float) -> UInt64 { UInt64(x.bitPattern) }
@inline(__always) func cell(_ x: Double) -> UInt64 { x.bitPattern }
@inline(__always) func cell(_ b: Bool) -> UInt64 { b ? 1 : 0 }

/// Semantics of the numeric instructions, one static function per `Instruction` case, on raw cells.
enum Num {}
