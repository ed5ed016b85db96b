import WasmParser

/// Lane-wise semantics of the SIMD kernels on `V128` values (the spec's SIMD chapter, lane by lane).
/// Float lanes reuse the scalar `Num` operations, so NaN and rounding rules match the scalar ones.
enum SIMDArithmetic {
    typealias Kind = SIMDKernel.Kind

    static func binary(_ k: SIMDKernel, _ a: V128, _ b: V128) -> V128 {
        let bits = k.bits
        switch k.kind {
        case .and: return V128(lo: a.lo & b.lo, hi: a.hi & b.hi)
        case .andnot: return V128(lo: a.lo & ~b.lo, hi: a.hi & ~b.hi)
        case .or: return V128(lo: a.lo | b.lo, hi: a.hi | b.hi)
        case .xor: return V128(lo: a.lo ^ b.lo, hi: a.hi ^ b.hi)
        case .swizzle:
            let x = Lanes.split(a, 8), i = Lanes.split(b, 8)
            return Lanes.join(i.map { $0 < 16 ? x[Int($0)] : 0 }, 8)
        case .narrowS, .narrowU:
            let source = Lanes.split(a, bits * 2) + Lanes.split(b, bits * 2)
            return Lanes.join(source.map {
                Lanes.saturate(Lanes.signed($0, bits * 2), bits, signed: k.kind == .narrowS)
            }, bits)
        case .extmulLowS, .extmulHighS, .extmulLowU, .extmulHighU:
            let high = k.kind == .extmulHighS || k.kind == .extmulHighU
            let isSigned = k.kind == .extmulLowS || k.kind == .extmulHighS
            let x = half(a, bits, high: high, signed: isSigned), y = half(b, bits, high: high, signed: isSigned)
            return Lanes.join((0..<x.count).map { x[$0] &* y[$0] }, bits)
        case .dotS:
            let x = Lanes.split(a, 16).map { Lanes.signed($0, 16) }, y = Lanes.split(b, 16).map { Lanes.signed($0, 16) }
            var sums = [UInt64](repeating: 0, count: 4)
            for i in 0..<4 {
                let low: Int64 = x[2 * i] * y[2 * i]
                let high: Int64 = x[2 * i + 1] * y[2 * i + 1]
                sums[i] = UInt64(bitPattern: low &+ high)
            }
            return Lanes.join(sums, 32)
        default:
            return k.isFloat ? Lanes.zip(a, b, bits) { floatBinary(k.kind, bits, $0, $1) }
                             : Lanes.zip(a, b, bits) { integerBinary(k.kind, bits, $0, $1) }
        }
    }

    static func integerBinary(_ k: Kind, _ bits: Int, _ x: UInt64, _ y: UInt64) -> UInt64 {
        let sx = Lanes.signed(x, bits), sy = Lanes.signed(y, bits)
        switch k {
        case .eq: return Lanes.mask(x == y)
        case .ne: return Lanes.mask(x != y)
        case .ltS: return Lanes.mask(sx < sy)
        case .ltU: return Lanes.mask(x < y)
        case .gtS: return Lanes.mask(sx > sy)
        case .gtU: return Lanes.mask(x > y)
        case .leS: return Lanes.mask(sx <= sy)
        case .leU: return Lanes.mask(x <= y)
        case .geS: return Lanes.mask(sx >= sy)
        case .geU: return Lanes.mask(x >= y)
        case .add: return x &+ y
        case .sub: return x &- y
        case .mul: return x &* y
        // The saturating forms exist for 8- and 16-bit lanes only, so Int64 never overflows.
        case .addSatS: return Lanes.saturate(sx + sy, bits, signed: true)
        case .addSatU: return Lanes.saturate(Int64(x) + Int64(y), bits, signed: false)
        case .subSatS: return Lanes.saturate(sx - sy, bits, signed: true)
        case .subSatU: return Lanes.saturate(Int64(x) - Int64(y), bits, signed: false)
        case .minS: return sx < sy ? x : y
        case .minU: return x < y ? x : y
        case .maxS: return sx > sy ? x : y
        case .maxU: return x > y ? x : y
        case .avgrU: return (x + y + 1) >> 1
        case .q15mulrSatS: return Lanes.saturate((sx * sy + 0x4000) >> 15, 16, signed: true)
        default: return 0
        }
    }

    static func floatBinary(_ k: Kind, _ bits: Int, _ x: UInt64, _ y: UInt64) -> UInt64 {
        if bits == 32 {
            switch k {
            case .eq: return Lanes.mask(f32(x) == f32(y))
            case .ne: return Lanes.mask(f32(x) != f32(y))
            case .lt: return Lanes.mask(f32(x) < f32(y))
            case .gt: return Lanes.mask(f32(x) > f32(y))
            case .le: return Lanes.mask(f32(x) <= f32(y))
            case .ge: return Lanes.mask(f32(x) >= f32(y))
            case .add: return Num.f32Add(x, y)
            case .sub: return Num.f32Sub(x, y)
            case .mul: return Num.f32Mul(x, y)
            case .div: return Num.f32Div(x, y)
            case .min: return Num.f32Min(x, y)
            case .max: return Num.f32Max(x, y)
            case .pmin: return f32(y) < f32(x) ? y : x
            case .pmax: return f32(x) < f32(y) ? y : x
            default: return 0
            }
        }
        switch k {
        case .eq: return Lanes.mask(f64(x) == f64(y))
        case .ne: return Lanes.mask(f64(x) != f64(y))
        case .lt: return Lanes.mask(f64(x) < f64(y))
        case .gt: return Lanes.mask(f64(x) > f64(y))
        case .le: return Lanes.mask(f64(x) <= f64(y))
        case .ge: return Lanes.mask(f64(x) >= f64(y))
        case .add: return Num.f64Add(x, y)
        case .sub: return Num.f64Sub(x, y)
        case .mul: return Num.f64Mul(x, y)
        case .div: return Num.f64Div(x, y)
        case .min: return Num.f64Min(x, y)
        case .max: return Num.f64Max(x, y)
        case .pmin: return f64(y) < f64(x) ? y : x
        case .pmax: return f64(x) < f64(y) ? y : x
        default: return 0
        }
    }

    /// The low or high half of the half-width lanes of `v`, extended to `bits`.
    static func half(_ v: V128, _ bits: Int, high: Bool, signed isSigned: Bool) -> [UInt64] {
        let source = Lanes.split(v, bits / 2)
        let n = source.count / 2
        return source[(high ? n : 0)..<(high ? 2 * n : n)].map {
            isSigned ? UInt64(bitPattern: Lanes.signed($0, bits / 2)) : $0
        }
    }

    static func unary(_ k: SIMDKernel, _ a: V128) -> V128 {
        let bits = k.bits
        switch k.kind {
        case .not: return V128(lo: ~a.lo, hi: ~a.hi)
        case .extendLowS, .extendHighS, .extendLowU, .extendHighU:
            let high = k.kind == .extendHighS || k.kind == .extendHighU
            return Lanes.join(half(a, bits, high: high, signed: k.kind == .extendLowS || k.kind == .extendHighS), bits)
        case .extaddPairwiseS, .extaddPairwiseU:
            let isSigned = k.kind == .extaddPairwiseS
            let source = Lanes.split(a, bits / 2)
            var sums = [UInt64](repeating: 0, count: source.count / 2)
            for i in 0..<sums.count {
                let x = source[2 * i], y = source[2 * i + 1]
                sums[i] = isSigned ? UInt64(bitPattern: Lanes.signed(x, bits / 2) &+ Lanes.signed(y, bits / 2)) : x &+ y
            }
            return Lanes.join(sums, bits)
        case .truncSatS: return Lanes.map(a, 32) { Num.i32TruncSatF32S($0) }
        case .truncSatU: return Lanes.map(a, 32) { Num.i32TruncSatF32U($0) }
        case .truncSatSZero, .truncSatUZero:
            let s = Lanes.split(a, 64).map { k.kind == .truncSatSZero ? Num.i32TruncSatF64S($0) : Num.i32TruncSatF64U($0) }
            return Lanes.join(s + [0, 0], 32)
        case .convertS: return Lanes.map(a, 32) { Num.f32ConvertI32S($0) }
        case .convertU: return Lanes.map(a, 32) { Num.f32ConvertI32U($0) }
        case .convertLowS, .convertLowU:
            let s = Lanes.split(a, 32)[0..<2].map { k.kind == .convertLowS ? Num.f64ConvertI32S($0) : Num.f64ConvertI32U($0) }
            return Lanes.join(Array(s), 64)
        case .demoteZero:
            return Lanes.join(Lanes.split(a, 64).map { Num.f32DemoteF64($0) } + [0, 0], 32)
        case .promoteLow:
            return Lanes.join(Lanes.split(a, 32)[0..<2].map { Num.f64PromoteF32($0) }, 64)
        default:
            return Lanes.map(a, bits) { k.isFloat ? floatUnary(k.kind, bits, $0) : integerUnary(k.kind, bits, $0) }
        }
    }

    static func integerUnary(_ k: Kind, _ bits: Int, _ x: UInt64) -> UInt64 {
        switch k {
        case .abs: return Lanes.signed(x, bits) < 0 ? 0 &- x : x
        case .neg: return 0 &- x
        case .popcnt: return UInt64(x.nonzeroBitCount)
        default: return 0
        }
    }

    static func floatUnary(_ k: Kind, _ bits: Int, _ x: UInt64) -> UInt64 {
        let is32 = bits == 32
        switch k {
        case .abs: return is32 ? Num.f32Abs(x) : Num.f64Abs(x)
        case .neg: return is32 ? Num.f32Neg(x) : Num.f64Neg(x)
        case .sqrt: return is32 ? Num.f32Sqrt(x) : Num.f64Sqrt(x)
        case .ceil: return is32 ? Num.f32Ceil(x) : Num.f64Ceil(x)
        case .floor: return is32 ? Num.f32Floor(x) : Num.f64Floor(x)
        case .trunc: return is32 ? Num.f32Trunc(x) : Num.f64Trunc(x)
        case .nearest: return is32 ? Num.f32Nearest(x) : Num.f64Nearest(x)
        default: return 0
        }
    }

    /// any_true / all_true / bitmask: an i32 cell.
    static func test(_ k: SIMDKernel, _ a: V128) -> UInt64 {
        switch k.kind {
        case .anyTrue: return cell(a.lo != 0 || a.hi != 0)
        case .allTrue: return cell(Lanes.split(a, k.bits).allSatisfy { $0 != 0 })
        default:
            var mask: UInt64 = 0
            for (i, lane) in Lanes.split(a, k.bits).enumerated() where lane >> UInt64(k.bits - 1) & 1 == 1 {
                mask |= 1 << UInt64(i)
            }
            return mask
        }
    }

    static func shift(_ k: SIMDKernel, _ a: V128, _ count: UInt64) -> V128 {
        let bits = k.bits
        let c = UInt64(u32(count)) % UInt64(bits)
        switch k.kind {
        case .shl: return Lanes.map(a, bits) { $0 << c }
        case .shrS: return Lanes.map(a, bits) { UInt64(bitPattern: Lanes.signed($0, bits) >> Int64(c)) }
        default: return Lanes.map(a, bits) { $0 >> c }
        }
    }

    static func splat(_ k: SIMDKernel, _ scalar: UInt64) -> V128 {
        Lanes.join([UInt64](repeating: scalar, count: 128 / k.bits), k.bits)
    }

    /// extract_lane as a scalar cell (i8/i16 lanes widened to i32 as the suffix says).
    static func extract(_ k: SIMDKernel, _ a: V128, lane: Int) -> UInt64 {
        let x = Lanes.split(a, k.bits)[lane]
        return k.kind == .extractLaneS ? cell(Int32(truncatingIfNeeded: Lanes.signed(x, k.bits))) : x
    }

    static func replace(_ k: SIMDKernel, _ a: V128, lane: Int, _ scalar: UInt64) -> V128 {
        var lanes = Lanes.split(a, k.bits)
        lanes[lane] = scalar
        return Lanes.join(lanes, k.bits)
    }

    static func bitselect(_ a: V128, _ b: V128, _ c: V128) -> V128 {
        V128(lo: (a.lo & c.lo) | (b.lo & ~c.lo), hi: (a.hi & c.hi) | (b.hi & ~c.hi))
    }

    static func shuffle(_ a: V128, _ b: V128, _ indexes: [UInt64]) -> V128 {
        let x = Lanes.split(a, 8) + Lanes.split(b, 8)
        return Lanes.join(indexes.map { x[Int($0 & 31)] }, 8)
    }
}
