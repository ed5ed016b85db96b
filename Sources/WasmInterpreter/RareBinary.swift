/// Binary operators rare in hot loops (f32 arithmetic and comparisons, f64 comparisons, float
/// min/max/copysign, i32 rotates by a variable amount; by a constant they are `i32RotlImm`). They share the
/// one instruction case `rareBinary(dst, a, aux)` whose right operand slot and operator sit in the function's `aux`
/// array (`aux[i]` = b slot, `aux[i + 1]` = operator): grouped when `Instruction`'s tag was one byte, to free
/// cases for fused instructions (the tag is two bytes since GoSequenceFusion). None of these can trap.
enum RareBinary: UInt8 {
    case f32Eq, f32Ne, f32Lt, f32Gt, f32Le, f32Ge
    case f32Min, f32Max, f32Copysign, f64Min, f64Max, f64Copysign
    case i32Rotr, i64Rotr, i32Rotl
    case f32Add, f32Sub, f32Mul, f32Div
    case f64Eq, f64Ne, f64Lt, f64Gt, f64Le, f64Ge

    @inline(never)
    func apply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        switch self {
        case .f32Eq: return Num.f32Eq(a, b)
        case .f32Ne: return Num.f32Ne(a, b)
        case .f32Lt: return Num.f32Lt(a, b)
        case .f32Gt: return Num.f32Gt(a, b)
        case .f32Le: return Num.f32Le(a, b)
        case .f32Ge: return Num.f32Ge(a, b)
        case .f32Min: return Num.f32Min(a, b)
        case .f32Max: return Num.f32Max(a, b)
        case .f32Copysign: return Num.f32Copysign(a, b)
        case .f64Min: return Num.f64Min(a, b)
        case .f64Max: return Num.f64Max(a, b)
        case .f64Copysign: return Num.f64Copysign(a, b)
        case .i32Rotr: return Num.i32Rotr(a, b)
        case .i64Rotr: return Num.i64Rotr(a, b)
        case .i32Rotl: return Num.i32Rotl(a, b)
        case .f32Add: return Num.f32Add(a, b)
        case .f32Sub: return Num.f32Sub(a, b)
        case .f32Mul: return Num.f32Mul(a, b)
        case .f32Div: return Num.f32Div(a, b)
        case .f64Eq: return Num.f64Eq(a, b)
        case .f64Ne: return Num.f64Ne(a, b)
        case .f64Lt: return Num.f64Lt(a, b)
        case .f64Gt: return Num.f64Gt(a, b)
        case .f64Le: return Num.f64Le(a, b)
        case .f64Ge: return Num.f64Ge(a, b)
        }
    }

    /// Applies the operator whose right operand and code are at `aux[index]` and `aux[index + 1]`.
    @inline(never)
    static func execute(_ aux: UnsafeMutablePointer<Int32>, _ index: Int32, _ a: UInt64,
                        _ sp: UnsafeMutablePointer<UInt64>) -> UInt64 {
        let b = sp[Int(aux[Int(index)])]
        let op = RareBinary(rawValue: UInt8(truncatingIfNeeded: aux[Int(index) + 1]))!
        return op.apply(a, b)
    }
}

extension Translator {
    /// Emits `op` on the two top operands as one `rareBinary`, its right slot and operator in `aux`.
    mutating func emitRareBinary(_ op: RareBinary) {
        let b = pop(), a = pop()
        let index = Int32(aux.count)
        aux.append(b.slot)
        aux.append(Int32(op.rawValue))
        produce { .rareBinary($0, a.slot, index) }
    }
}

extension Translator {
    /// i32.rotr: by a constant it is `i32RotlImm` by (32 - c) mod 32; by a variable amount a `rareBinary`.
    mutating func emitI32Rotr() {
        if !emitImmediateRight(Translator.rotateRight(Instruction.i32RotlImm, width: 32), wide: false) {
            emitRareBinary(.i32Rotr)
        }
    }
}
