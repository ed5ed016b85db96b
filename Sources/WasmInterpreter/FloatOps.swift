/// Floating-point instructions (wasm spec §4.3.3). Sign operations work on bits so NaN payloads survive;
/// min/max return a NaN if either operand is one and order -0 below +0.
extension Num {
    @inline(__always) static func wasmMin<F: BinaryFloatingPoint>(_ x: F, _ y: F) -> F {
        if x.isNaN || y.isNaN { return x + y }
        if x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }
    @inline(__always) static func wasmMax<F: BinaryFloatingPoint>(_ x: F, _ y: F) -> F {
        if x.isNaN || y.isNaN { return x + y }
        if x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    @inline(__always) static func f32Eq(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) == f32(b)) }
    @inline(__always) static func f32Ne(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) != f32(b)) }
    @inline(__always) static func f32Lt(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) < f32(b)) }
    @inline(__always) static func f32Gt(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) > f32(b)) }
    @inline(__always) static func f32Le(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) <= f32(b)) }
    @inline(__always) static func f32Ge(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) >= f32(b)) }
    @inline(__always) static func f64Eq(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) == f64(b)) }
    @inline(__always) static func f64Ne(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) != f64(b)) }
    @inline(__always) static func f64Lt(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) < f64(b)) }
    @inline(__always) static func f64Gt(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) > f64(b)) }
    @inline(__always) static func f64Le(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) <= f64(b)) }
    @inline(__always) static func f64Ge(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) >= f64(b)) }

    @inline(__always) static func f32Abs(_ a: UInt64) -> UInt64 { a & 0x7FFF_FFFF }
    @inline(__always) static func f32Neg(_ a: UInt64) -> UInt64 { (a ^ 0x8000_0000) & 0xFFFF_FFFF }
    @inline(__always) static func f32Ceil(_ a: UInt64) -> UInt64 { cell(f32(a).rounded(.up)) }
    @inline(__always) static func f32Floor(_ a: UInt64) -> UInt64 { cell(f32(a).rounded(.down)) }
    @inline(__always) static func f32Trunc(_ a: UInt64) -> UInt64 { cell(f32(a).rounded(.towardZero)) }
    @inline(__always) static func f32Nearest(_ a: UInt64) -> UInt64 { cell(f32(a).rounded(.toNearestOrEven)) }
    @inline(__always) static func f32Sqrt(_ a: UInt64) -> UInt64 { cell(f32(a).squareRoot()) }
    @inline(__always) static func f64Abs(_ a: UInt64) -> UInt64 { a & 0x7FFF_FFFF_FFFF_FFFF }
    @inline(__always) static func f64Neg(_ a: UInt64) -> UInt64 { a ^ 0x8000_0000_0000_0000 }
    @inline(__always) static func f64Ceil(_ a: UInt64) -> UInt64 { cell(f64(a).rounded(.up)) }
    @inline(__always) static func f64Floor(_ a: UInt64) -> UInt64 { cell(f64(a).rounded(.down)) }
    @inline(__always) static func f64Trunc(_ a: UInt64) -> UInt64 { cell(f64(a).rounded(.towardZero)) }
    @inline(__always) static func f64Nearest(_ a: UInt64) -> UInt64 { cell(f64(a).rounded(.toNearestOrEven)) }
    @inline(__always) static func f64Sqrt(_ a: UInt64) -> UInt64 { cell(f64(a).squareRoot()) }

    @inline(__always) static func f32Add(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) + f32(b)) }
    @inline(__always) static func f32Sub(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) - f32(b)) }
    @inline(__always) static func f32Mul(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) * f32(b)) }
    @inline(__always) static func f32Div(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f32(a) / f32(b)) }
    @inline(__always) static func f32Min(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(wasmMin(f32(a), f32(b))) }
    @inline(__always) static func f32Max(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(wasmMax(f32(a), f32(b))) }
    @inline(__always) static func f32Copysign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a & 0x7FFF_FFFF) | (b & 0x8000_0000)
    }
    @inline(__always) static func f64Add(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) + f64(b)) }
    @inline(__always) static func f64Sub(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) - f64(b)) }
    @inline(__always) static func f64Mul(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) * f64(b)) }
    @inline(__always) static func f64Div(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(f64(a) / f64(b)) }
    @inline(__always) static func f64Min(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(wasmMin(f64(a), f64(b))) }
    @inline(__always) static func f64Max(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(wasmMax(f64(a), f64(b))) }
    @inline(__always) static func f64Copysign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a & 0x7FFF_FFFF_FFFF_FFFF) | (b & 0x8000_0000_0000_0000)
    }
}
