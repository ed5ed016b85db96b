/// A bytecode VM's fetch and decode, one instruction: `i = &code[pc++]; switch (i->op)` compiles to
/// `t = pc << log2(size); pc += 1; i = t + code; br_table on the byte at i` (i32.shl, i32.add, i32.add,
/// i32.load8_u + br_table = brTableByte). The fused form replaces only the shift: the other three stay in
/// place for branches that land among them, so no label or index moves. Runs before `fusePairs`.
struct ByteCodeFetch: Equatable {
    /// t (the scaled index), pc, i (the instruction's address), the code's base as the table's byte offset,
    /// the br_table's aux start.
    let scaled: Int16
    let counter: Int16
    let address: Int16
    let base: Int16
    let table: Int16
    let shift: UInt8
    let step: Int8

    init?(scaled: Int32, counter: Int32, address: Int32, base: UInt32, table: Int32, shift: Int32, step: Int32) {
        guard let s = Int16(exactly: scaled), let c = Int16(exactly: counter), let a = Int16(exactly: address),
              let b = Int16(exactly: base), let t = Int16(exactly: table), let sh = UInt8(exactly: shift & 31),
              let st = Int8(exactly: step) else { return nil }
        (self.scaled, self.counter, self.address, self.base, self.table, self.shift, self.step) = (s, c, a, b, t, sh, st)
    }
}

extension ByteCodeFetch: CustomStringConvertible {
    var description: String {
        "\(scaled) = \(counter) << \(shift); \(counter) += \(step); \(address) = \(scaled) + \(base); table \(table)"
    }
}

extension Translator {
    mutating func fuseByteCodeFetches() {
        var k = 0
        while k + 3 < code.count {
            if case let .i32ShlImm(t, pc, shift) = code[k], case let .i32AddImm(pc1, pc2, step) = code[k + 1],
               case let .i32AddImm(i, t1, base) = code[k + 2], case let .brTableByte(t2, offset, table) = code[k + 3],
               pc1 == pc, pc2 == pc, t1 == t, t2 == t, offset == UInt32(bitPattern: base), t != pc, i != t,
               let fetch = ByteCodeFetch(scaled: t, counter: pc, address: i, base: offset, table: table, shift: shift, step: step) {
                code[k] = .byteCodeFetch(fetch)
                k += 4
            } else {
                k += 1
            }
        }
    }
}
