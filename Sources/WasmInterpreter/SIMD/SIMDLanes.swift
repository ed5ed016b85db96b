import WasmParser

/// A v128 viewed as lanes of `bits` width; each lane is held zero-extended in a UInt64.
/// Plain arrays keep the lane-wise semantics short and obviously right (speed is secondary here).
enum Lanes {
    static func split(_ v: V128, _ bits: Int) -> [UInt64] {
        let count = 128 / bits
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        var out = [UInt64](repeating: 0, count: count)
        for i in 0..<count {
            let bit = i * bits
            let word = bit < 64 ? v.lo : v.hi
            out[i] = (word >> UInt64(bit % 64)) & mask
        }
        return out
    }

    static func join(_ lanes: [UInt64], _ bits: Int) -> V128 {
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        var lo: UInt64 = 0, hi: UInt64 = 0
        for (i, lane) in lanes.enumerated() {
            let bit = i * bits
            let value = (lane & mask) << UInt64(bit % 64)
            if bit < 64 { lo |= value } else { hi |= value }
        }
        return V128(lo: lo, hi: hi)
    }

    /// Sign-extends the low `bits` of x.
    @inline(__always) static func signed(_ x: UInt64, _ bits: Int) -> Int64 {
        let shift = UInt64(64 - bits)
        return Int64(bitPattern: x << shift) >> Int64(shift)
    }

    /// Clamps to the signed or unsigned range of `bits`, as a lane value.
    @inline(__always) static func saturate(_ x: Int64, _ bits: Int, signed isSigned: Bool) -> UInt64 {
        let lower: Int64 = isSigned ? -(1 << Int64(bits - 1)) : 0
        let upper: Int64 = isSigned ? (1 << Int64(bits - 1)) - 1 : (1 << Int64(bits)) - 1
        return UInt64(bitPattern: min(max(x, lower), upper))
    }

    static func map(_ v: V128, _ bits: Int, _ f: (UInt64) -> UInt64) -> V128 {
        join(split(v, bits).map(f), bits)
    }

    static func zip(_ a: V128, _ b: V128, _ bits: Int, _ f: (UInt64, UInt64) -> UInt64) -> V128 {
        let x = split(a, bits), y = split(b, bits)
        return join((0..<x.count).map { f(x[$0], y[$0]) }, bits)
    }

    /// A comparison result lane: all ones or all zeros.
    @inline(__always) static func mask(_ b: Bool) -> UInt64 { b ? ~0 : 0 }
}
