/// Two instructions of a kind that often come in runs (an unrolled memcpy's moves, a memset's stores, Go's
/// loads and stores of a struct's fields, a bytecode VM's index arithmetic, its switch on the opcode byte and
/// its register operands, a pointer bump before a loop's count-down branch, Go's check after each call
/// (`global.get SP; br_if`) and its nil tests of loaded pointers, n-body's `v[k] -= d[k] * m * mag`): the
/// first becomes a `…Pair` instruction holding both operand sets, which runs the two in turn and skips the
/// second, saving its dispatch. The second stays where it is, so a branch landing on it still runs it alone,
/// and a trap in either leaves memory as the two instructions would. The pass runs over a function's finished
/// code: it needs no label information and moves no index. Only when every operand fits in 16 bits.
struct PairOperands: Equatable {
    /// The first instruction's three operands, then the second's, in the order of their payloads; for the
    /// moves (which must share their two address slots) dst, src, c1, c2 of the first and c1, c2 of the second;
    /// for a product stored to memory dst, x, y, z of the product and address, offset of the memory update;
    /// a br_table on a byte takes address, offset, table start; a loop's count-down branch local, step, target;
    /// a conditional branch condition, target; a global.get dst, index; the byte-indexed pairs (which must share
    /// their base and byte address slots) dst, base, byte address, byte offset of the first, dst, byte offset
    /// of the second.
    let x0, x1, x2, y0, y1, y2: Int16

    init?(_ x: (Int32, Int32, Int32), _ y: (Int32, Int32, Int32)) {
        guard let x0 = Int16(exactly: x.0), let x1 = Int16(exactly: x.1), let x2 = Int16(exactly: x.2),
              let y0 = Int16(exactly: y.0), let y1 = Int16(exactly: y.1), let y2 = Int16(exactly: y.2) else { return nil }
        (self.x0, self.x1, self.x2, self.y0, self.y1, self.y2) = (x0, x1, x2, y0, y1, y2)
    }

    /// A static load or store offset as a third operand (0...32767), read back with `offset(_:)`.
    static func packed(_ o: UInt32) -> Int32 { Int32(exactly: o) ?? Int32.max }

    @inline(__always) static func offset(_ x: Int16) -> UInt32 { UInt32(UInt16(bitPattern: x)) }
    @inline(__always) static func byteOffset(_ x: Int16) -> UInt16 { UInt16(bitPattern: x) }
}

extension PairOperands: CustomStringConvertible {
    var description: String { "\(x0), \(x1), \(x2); \(y0), \(y1), \(y2)" }
}

extension Instruction {
    /// The pair form of this instruction followed by `next`, when there is one and the operands fit.
    func paired(with next: Instruction) -> Instruction? {
        let o = PairOperands.packed
        switch (self, next) {
        case let (.i32AddImm(d, a, c), .i32AddImm(e, b, k)):
            return PairOperands((d, a, c), (e, b, k)).map { .i32AddImmPair($0) }
        case let (.i32ShlImm(d, a, c), .i32AddImm(e, b, k)):
            return PairOperands((d, a, c), (e, b, k)).map { .i32ShlImmAddImm($0) }
        case let (.i64Load(d, a, x), .i64Load(e, b, y)):
            return PairOperands((d, a, o(x)), (e, b, o(y))).map { .i64LoadPair($0) }
        case let (.i64Store(a, v, x), .i64Store(b, w, y)):
            return PairOperands((a, v, o(x)), (b, w, o(y))).map { .i64StorePair($0) }
        case let (.i64StoreAddImm(a, v, c), .i64StoreAddImm(b, w, k)):
            return PairOperands((a, v, c), (b, w, k)).map { .i64StoreAddImmPair($0) }
        case let (.i64MoveAddImm(p, c1, c2), .i64MoveAddImm(q, k1, k2)) where p == q:
            return PairOperands((Int32(p.dst), Int32(p.src), c1), (c2, k1, k2)).map { .i64MoveAddImmPair($0) }
        case let (.byteMoveAddImm(p, c1, c2), .byteMoveAddImm(q, k1, k2)) where p == q:
            return PairOperands((Int32(p.dst), Int32(p.src), c1), (c2, k1, k2)).map { .byteMoveAddImmPair($0) }
        case let (.i32AddImm(d, a, c), .stepBrIfNez(l, k, t)):
            return PairOperands((d, a, c), (l, k, t)).map { .i32AddImmStepBrIfNez($0) }
        case let (.globalGet(d, i), .brIf(c, t)):
            return PairOperands((d, i, 0), (c, t, 0)).map { .globalGetBrIf($0) }
        case let (.i64Load(d, a, x), .brIfI64Nez(c, t)):
            return PairOperands((d, a, o(x)), (c, t, 0)).map { .i64LoadBrIfI64Nez($0) }
        case let (.i32AddShl2Byte(d, a, x), .i32LoadAddShl2Byte(e, b, y)) where a == b && x.address == y.address:
            return PairOperands((d, a, Int32(x.address)), (Int32(x.offset), e, Int32(y.offset))).map { .i32AddShl2ByteLoad($0) }
        case let (.i32LoadAddShl2Byte(d, a, x), .i32LoadAddShl2Byte(e, b, y)) where a == b && x.address == y.address:
            return PairOperands((d, a, Int32(x.address)), (Int32(x.offset), e, Int32(y.offset))).map { .i32LoadAddShl2BytePair($0) }
        case let (.i64Load(d, a, x), .i32AddImm(e, b, k)):
            return PairOperands((d, a, o(x)), (e, b, k)).map { .i64LoadI32AddImm($0) }
        case let (.i64LoadAddImm(d, a, c), .f64Mul(e, x, y)):
            return PairOperands((d, a, c), (e, x, y)).map { .i64LoadAddImmF64Mul($0) }
        case let (.f64Mul(d, a, b), .f64Mul(e, x, y)):
            return PairOperands((d, a, b), (e, x, y)).map { .f64MulPair($0) }
        case let (.f64Add(d, a, b), .f64Sqrt(e, x)):
            return PairOperands((d, a, b), (e, x, 0)).map { .f64AddSqrt($0) }
        case let (.f64Mul(d, a, b), .f64Div(e, x, y)):
            return PairOperands((d, a, b), (e, x, y)).map { .f64MulDiv($0) }
        case let (.f64Add(d, a, b), .i64Store(x, v, y)):
            return PairOperands((d, a, b), (x, v, o(y))).map { .f64AddStore($0) }
        case let (.copy(d, s), .stepBrIfNez(l, k, t)):
            return PairOperands((d, s, l), (k, t, 0)).map { .copyStepBrIfNez($0) }
        case let (.copy(d, s), .stepBrIfI32NeImm(step, c, t)):
            return PairOperands((d, s, Int32(step.local)), (Int32(step.amount), c, t)).map { .copyStepBrIfI32NeImm($0) }
        case let (.i32AddImm(d, a, c), .brTableByte(b, x, start)):
            return PairOperands((d, a, c), (b, o(x), start)).map { .i32AddImmBrTableByte($0) }
        case let (.f64MulMul(c), .f64AddToMemory(v, a, x)) where Int32(c.dst) == v:
            return PairOperands((Int32(c.dst), Int32(c.x), Int32(c.y)), (Int32(c.z), a, o(x))).map { .f64MulMulAddToMemory($0) }
        case let (.f64MulMul(c), .f64SubFromMemory(v, a, x)) where Int32(c.dst) == v:
            return PairOperands((Int32(c.dst), Int32(c.x), Int32(c.y)), (Int32(c.z), a, o(x))).map { .f64MulMulSubFromMemory($0) }
        default: return nil
        }
    }
}

extension Translator {
    /// Gives the first of each pair its pair form, left to right: of three in a row, the first two pair up.
    mutating func fusePairs() {
        var k = 0
        while k + 1 < code.count {
            if let pair = code[k].paired(with: code[k + 1]) {
                code[k] = pair
                k += 2
            } else {
                k += 1
            }
        }
    }
}

/// The operations with a pair form, shared by the single and the pair instruction.
extension Executor {
    /// `i32AddShl2Byte`: dst = u32(base) + (the byte at u32(address) + offset) << 2.
    @inline(__always)
    static func addShl2Byte(_ d: Int32, _ base: Int32, _ byteAddress: Int32, _ offset: UInt16, _ sp: UnsafeMutablePointer<UInt64>,
                            _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        let b = UInt32(try operand(address(byteAddress, UInt32(offset), sp), UInt8.self, memBase, memSize))
        sp[Int(d)] = cell(u32(sp[Int(base)]) &+ (b &<< 2))
    }

    /// `i32LoadAddShl2Byte`: dst = the i32 at u32(base) + (the byte at u32(address) + offset) << 2.
    @inline(__always)
    static func loadAddShl2Byte(_ d: Int32, _ base: Int32, _ byteAddress: Int32, _ offset: UInt16, _ sp: UnsafeMutablePointer<UInt64>,
                                _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        let b = UInt32(try operand(address(byteAddress, UInt32(offset), sp), UInt8.self, memBase, memSize))
        sp[Int(d)] = UInt64(try operand(Int(u32(sp[Int(base)]) &+ (b &<< 2)), UInt32.self, memBase, memSize))
    }

    /// `stepBrIfNez`'s step: local l += k (i32), and whether the result is nonzero.
    @inline(__always)
    static func stepIsNonzero(_ l: Int32, _ k: Int32, _ sp: UnsafeMutablePointer<UInt64>) -> Bool {
        stepDiffers(l, k, from: 0, sp)
    }

    /// `stepBrIfI32NeImm`'s step: local l += k (i32), and whether the result differs from c.
    @inline(__always)
    static func stepDiffers(_ l: Int32, _ k: Int32, from c: Int32, _ sp: UnsafeMutablePointer<UInt64>) -> Bool {
        let v = u32(sp[Int(l)]) &+ UInt32(bitPattern: k)
        sp[Int(l)] = cell(v)
        return v != UInt32(bitPattern: c)
    }

    /// Where a `brTableByte` goes: the entry the byte at u32(a) + offset selects (the table has one for every
    /// byte value, see `padByteTables`).
    @inline(__always)
    static func byteTableTarget(_ a: Int32, _ offset: UInt32, _ start: Int32, _ aux: UnsafeMutablePointer<Int32>,
                                _ sp: UnsafeMutablePointer<UInt64>, _ memBase: UnsafeMutableRawPointer,
                                _ memSize: Int) throws -> Int32 {
        aux[Int(start) + Int(try operand(address(a, offset, sp), UInt8.self, memBase, memSize))]
    }

    /// Steps over the pair's second instruction. Through an integer: written as `pc += 1`, LLVM kept the
    /// program counter in two registers, one more move in every instruction's dispatch.
    @inline(__always)
    static func skipNext(_ pc: inout UnsafeMutablePointer<Instruction>) {
        pc = UnsafeMutablePointer(bitPattern: UInt(bitPattern: pc) &+ UInt(MemoryLayout<Instruction>.stride))!
    }

    @inline(__always)
    static func i64LoadInto(_ d: Int32, _ ea: Int, _ sp: UnsafeMutablePointer<UInt64>,
                            _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        sp[Int(d)] = try operand(ea, UInt64.self, memBase, memSize)
    }

    @inline(__always)
    static func i64StoreFrom(_ v: Int32, _ ea: Int, _ sp: UnsafeMutablePointer<UInt64>,
                             _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
        memBase.storeBytes(of: sp[Int(v)], toByteOffset: ea, as: UInt64.self)
    }

    /// The effective address `u32(base) + offset` (no wrap) and `u32(base + c)` (wrapping).
    @inline(__always)
    static func address(_ base: Int32, _ offset: UInt32, _ sp: UnsafeMutablePointer<UInt64>) -> Int {
        Int(u32(sp[Int(base)])) &+ Int(offset)
    }

    @inline(__always)
    static func address(_ base: Int32, adding c: Int32, _ sp: UnsafeMutablePointer<UInt64>) -> Int {
        Int(u32(sp[Int(base)]) &+ UInt32(bitPattern: c))
    }

    @inline(__always)
    static func moveAddImm<T: FixedWidthInteger>(_: T.Type, _ p: SlotPair, _ c1: Int32, _ c2: Int32,
                                                 _ sp: UnsafeMutablePointer<UInt64>,
                                                 _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        try move(T.self, from: address(Int32(p.src), adding: c1, sp), to: address(Int32(p.dst), adding: c2, sp),
                 memBase, memSize)
    }

    /// A product pair: dst = (x * y) * z, then the f64 at u32(address) + offset plus (or minus) dst.
    @inline(__always)
    static func productToMemory(_ p: PairOperands, subtracting: Bool, _ sp: UnsafeMutablePointer<UInt64>,
                                _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        let v = Num.f64Mul(Num.f64Mul(sp[Int(p.x1)], sp[Int(p.x2)]), sp[Int(p.y0)])
        sp[Int(p.x0)] = v
        try updateF64(at: address(Int32(p.y1), PairOperands.offset(p.y2), sp), by: v, subtracting: subtracting, memBase, memSize)
    }

    /// The f64 at `ea` plus (or minus) `v`, read and written back with one bounds check
    /// (f64AddToMemory, f64SubFromMemory and the product pairs).
    @inline(__always)
    static func updateF64(at ea: Int, by v: UInt64, subtracting: Bool, _ memBase: UnsafeMutableRawPointer,
                          _ memSize: Int) throws {
        let old = try operand(ea, UInt64.self, memBase, memSize)
        memBase.storeBytes(of: subtracting ? Num.f64Sub(old, v) : Num.f64Add(old, v), toByteOffset: ea, as: UInt64.self)
    }

    /// Both moves of a pair: dst, src, c1, c2 of the first (x0, x1, x2, y0), c1, c2 of the second (y1, y2).
    @inline(__always)
    static func movePair<T: FixedWidthInteger>(_: T.Type, _ p: PairOperands, _ sp: UnsafeMutablePointer<UInt64>,
                                               _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        let dst = Int32(p.x0), src = Int32(p.x1)
        try move(T.self, from: address(src, adding: Int32(p.x2), sp), to: address(dst, adding: Int32(p.y0), sp), memBase, memSize)
        try move(T.self, from: address(src, adding: Int32(p.y1), sp), to: address(dst, adding: Int32(p.y2), sp), memBase, memSize)
    }
}
