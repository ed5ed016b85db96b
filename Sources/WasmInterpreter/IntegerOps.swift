/// Integer instructions (wasm spec §4.3.2): wrapping arithmetic, trapping division, masked shift counts.
extension Num {
    @inline(__always) static func i32Eqz(_ a: UInt64) -> UInt64 { cell(u32(a) == 0) }
    @inline(__always) static func i64Eqz(_ a: UInt64) -> UInt64 { cell(a == 0) }
    @inline(__always) static func i32Clz(_ a: UInt64) -> UInt64 { UInt64(u32(a).leadingZeroBitCount) }
    @inline(__always) static func i32Ctz(_ a: UInt64) -> UInt64 { UInt64(u32(a).trailingZeroBitCount) }
    @inline(__always) static func i32Popcnt(_ a: UInt64) -> UInt64 { UInt64(u32(a).nonzeroBitCount) }
    @inline(__always) static func i64Clz(_ a: UInt64) -> UInt64 { UInt64(a.leadingZeroBitCount) }
    @inline(__always) static func i64Ctz(_ a: UInt64) -> UInt64 { UInt64(a.trailingZeroBitCount) }
    @inline(__always) static func i64Popcnt(_ a: UInt64) -> UInt64 { UInt64(a.nonzeroBitCount) }

    @inline(__always) static func i32Eq(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) == u32(b)) }
    @inline(__always) static func i32Ne(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) != u32(b)) }
    @inline(__always) static func i32LtS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s32(a) < s32(b)) }
    @inline(__always) static func i32LtU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) < u32(b)) }
    @inline(__always) static func i32GtS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s32(a) > s32(b)) }
    @inline(__always) static func i32GtU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) > u32(b)) }
    @inline(__always) static func i32LeS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s32(a) <= s32(b)) }
    @inline(__always) static func i32LeU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) <= u32(b)) }
    @inline(__always) static func i32GeS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s32(a) >= s32(b)) }
    @inline(__always) static func i32GeU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) >= u32(b)) }
    @inline(__always) static func i64Eq(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(a == b) }
    @inline(__always) static func i64Ne(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(a != b) }
    @inline(__always) static func i64LtS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s64(a) < s64(b)) }
    @inline(__always) static func i64LtU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(a < b) }
    @inline(__always) static func i64GtS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s64(a) > s64(b)) }
    @inline(__always) static func i64GtU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(a > b) }
    @inline(__always) static func i64LeS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s64(a) <= s64(b)) }
    @inline(__always) static func i64LeU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(a <= b) }
    @inline(__always) static func i64GeS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s64(a) >= s64(b)) }
    @inline(__always) static func i64GeU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(a >= b) }

    @inline(__always) static func i32Add(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) &+ u32(b)) }
    @inline(__always) static func i32Sub(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) &- u32(b)) }
    @inline(__always) static func i32Mul(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) &* u32(b)) }
    @inline(__always) static func i32DivS(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        let x = s32(a), y = s32(b)
        if y == 0 { throw Trap(.integerDivideByZero) }
        if x == .min && y == -1 { throw Trap(.integerOverflow) }
        return cell(x / y)
    }
    @inline(__always) static func i32DivU(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        let y = u32(b)
        if y == 0 { throw Trap(.integerDivideByZero) }
        return cell(u32(a) / y)
    }
    @inline(__always) static func i32RemS(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        let x = s32(a), y = s32(b)
        if y == 0 { throw Trap(.integerDivideByZero) }
        if y == -1 { return 0 }
        return cell(x % y)
    }
    @inline(__always) static func i32RemU(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        let y = u32(b)
        if y == 0 { throw Trap(.integerDivideByZero) }
        return cell(u32(a) % y)
    }
    @inline(__always) static func i32And(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) & u32(b)) }
    @inline(__always) static func i32Or(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) | u32(b)) }
    @inline(__always) static func i32Xor(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) ^ u32(b)) }
    @inline(__always) static func i32Shl(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) &<< u32(b)) }
    @inline(__always) static func i32ShrS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s32(a) &>> s32(b)) }
    @inline(__always) static func i32ShrU(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(u32(a) &>> u32(b)) }
    @inline(__always) static func i32Rotl(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(rotl32(u32(a), u32(b))) }
    /// x rotated left by k (taken modulo 32).
    @inline(__always) static func rotl32(_ x: UInt32, _ k: UInt32) -> UInt32 { (x &<< k) | (x &>> (32 &- k)) }
    @inline(__always) static func i32Rotr(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let x = u32(a), k = u32(b) & 31
        return cell((x &>> k) | (x &<< (32 &- k)))
    }

    @inline(__always) static func i64Add(_ a: UInt64, _ b: UInt64) -> UInt64 { a &+ b }
    @inline(__always) static func i64Sub(_ a: UInt64, _ b: UInt64) -> UInt64 { a &- b }
    @inline(__always) static func i64Mul(_ a: UInt64, _ b: UInt64) -> UInt64 { a &* b }
    @inline(__always) static func i64DivS(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        let x = s64(a), y = s64(b)
        if y == 0 { throw Trap(.integerDivideByZero) }
        if x == .min && y == -1 { throw Trap(.integerOverflow) }
        return cell(x / y)
    }
    @inline(__always) static func i64DivU(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        if b == 0 { throw Trap(.integerDivideByZero) }
        return a / b
    }
    @inline(__always) static func i64RemS(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        let x = s64(a), y = s64(b)
        if y == 0 { throw Trap(.integerDivideByZero) }
        if y == -1 { return 0 }
        return cell(x % y)
    }
    @inline(__always) static func i64RemU(_ a: UInt64, _ b: UInt64) throws(Trap) -> UInt64 {
        if b == 0 { throw Trap(.integerDivideByZero) }
        return a % b
    }
    @inline(__always) static func i64And(_ a: UInt64, _ b: UInt64) -> UInt64 { a & b }
    @inline(__always) static func i64Or(_ a: UInt64, _ b: UInt64) -> UInt64 { a | b }
    @inline(__always) static func i64Xor(_ a: UInt64, _ b: UInt64) -> UInt64 { a ^ b }
    @inline(__always) static func i64Shl(_ a: UInt64, _ b: UInt64) -> UInt64 { a &<< b }
    @inline(__always) static func i64ShrS(_ a: UInt64, _ b: UInt64) -> UInt64 { cell(s64(a) &>> s64(b)) }
    @inline(__always) static func i64ShrU(_ a: UInt64, _ b: UInt64) -> UInt64 { a &>> b }
    @inline(__always) static func i64Rotl(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let k = b & 63
        return (a &<< k) | (a &>> (64 &- k))
    }
    @inline(__always) static func i64Rotr(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let k = b & 63
        return (a &>> k) | (a &<< (64 &- k))
    }

    @inline(__always) static func i32WrapI64(_ a: UInt64) -> UInt64 { a & 0xFFFF_FFFF }
    @inline(__always) static func i64ExtendI32S(_ a: UInt64) -> UInt64 { cell(Int64(s32(a))) }
    @inline(__always) static func i64ExtendI32U(_ a: UInt64) -> UInt64 { a & 0xFFFF_FFFF }
    @inline(__always) static func i32Extend8S(_ a: UInt64) -> UInt64 { cell(Int32(Int8(truncatingIfNeeded: a))) }
    @inline(__always) static func i32Extend16S(_ a: UInt64) -> UInt64 { cell(Int32(Int16(truncatingIfNeeded: a))) }
    @inline(__always) static func i64Extend8S(_ a: UInt64) -> UInt64 { cell(Int64(Int8(truncatingIfNeeded: a))) }
    @inline(__always) static func i64Extend16S(_ a: UInt64) -> UInt64 { cell(Int64(Int16(truncatingIfNeeded: a))) }
    @inline(__always) static func i64Extend32S(_ a: UInt64) -> UInt64 { cell(Int64(Int32(truncatingIfNeeded: a))) }
}
