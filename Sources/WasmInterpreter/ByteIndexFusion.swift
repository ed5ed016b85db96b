/// A byte loaded from memory and used at once as an i32 array index, `base + (mem8[a + offset] << 2)`: a
/// bytecode VM fetching a register operand (`r[insn->b]`), a byte-indexed lookup table (CRC, AES, UTF-8
/// classes). The byte load runs inside the scaled add (ScaledIndexFusion.swift) as `i32AddShl2Byte`, and
/// an i32 load of that address as `i32LoadAddShl2Byte` (AddressFusion.swift).
struct ByteIndex: Equatable {
    /// The slot holding the byte's address, and the load's static offset.
    let address: Int16
    let offset: UInt16

    init?(address: Int32, offset: UInt32) {
        guard let a = Int16(exactly: address), let o = UInt16(exactly: offset) else { return nil }
        self.address = a
        self.offset = o
    }
}

extension ByteIndex: CustomStringConvertible {
    var description: String { "u8[\(address) + \(offset)]" }
}

extension Translator {
    /// The `i32AddShl2(d, base, x)` at `index` whose x the `i32.load8_u` just before it produced into a
    /// temporary only the shift read (the caller checks that): both as one `i32AddShl2Byte`. No label may
    /// sit at `index`.
    mutating func fuseByteIndex(at index: Int) {
        guard case let .i32AddShl2(d, _, _) = code[index] else { return }
        let merged = mergeWithPrevious(at: index) { load, add in
            guard case let .i32AddShl2(_, base, x) = add, case let .i32Load8U(loaded, address, offset) = load,
                  loaded == x, let byte = ByteIndex(address: address, offset: offset) else { return nil }
            return .i32AddShl2Byte(d, base, byte)
        }
        if merged < index { lastProducer = (merged, d) }
    }
}
