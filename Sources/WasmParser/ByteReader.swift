/// A cursor over a module's bytes, bounded by `end`, with the spec's LEB128 rules.
///
/// Reads never allocate; errors carry the offset of the failing byte.
public struct ByteReader {
    public let bytes: ModuleBinary
    /// `bytes.base`, cached: every read goes through it.
    private let base: UnsafePointer<UInt8>
    public var position: Int
    public var end: Int

    /// `range` is clamped to the bytes, so no read can leave them.
    public init(bytes: ModuleBinary, range: Range<Int>) {
        self.bytes = bytes
        base = bytes.base
        position = max(0, range.lowerBound)
        end = min(range.upperBound, bytes.count)
    }

    public init(bytes: [UInt8], range: Range<Int>) { self.init(bytes: ModuleBinary(bytes), range: range) }
    public init(bytes: [UInt8]) { self.init(bytes: bytes, range: 0..<bytes.count) }

    public var isAtEnd: Bool { position >= end }
    public var remaining: Int { end - position }

    /// The reference decoder's wording for running out of bytes anywhere after the header.
    func endError() -> WasmError {
        .malformed("unexpected end of section or function", at: position)
    }

    @inline(__always)
    public mutating func readByte() throws(WasmError) -> UInt8 {
        guard position < end else { throw endError() }
        let b = base[position]
        position &+= 1
        return b
    }


    public func peekByte() -> UInt8? { position < end ? base[position] : nil }

    public mutating func readBytes(_ count: Int) throws(WasmError) -> ArraySlice<UInt8> {
        guard count <= end - position else {
            position = end
            throw endError()
        }
        let slice = bytes[position..<position + count]
        position += count
        return slice
    }

    public mutating func skip(_ count: Int) throws(WasmError) {
        guard count <= end - position else {
            position = end
            throw endError()
        }
        position += count
    }

    // MARK: LEB128


    public mutating func readVarUInt32() throws(WasmError) -> UInt32 {
        let first = try readByte()
        if first & 0x80 == 0 { return UInt32(first) }
        var result = UInt32(first & 0x7F)
        var shift: UInt32 = 7
        while true {
            let b = try readByte()
            if shift == 28 {
                if b & 0x80 != 0 { throw WasmError.malformed("integer representation too long", at: position - 1) }
                if b & 0x70 != 0 { throw WasmError.malformed("integer too large", at: position - 1) }
            }
            result |= UInt32(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    public mutating func readVarUInt64() throws(WasmError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            if shift == 63 {
                if b & 0x80 != 0 { throw WasmError.malformed("integer representation too long", at: position - 1) }
                if b & 0x7E != 0 { throw WasmError.malformed("integer too large", at: position - 1) }
            }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    public mutating func readVarInt32() throws(WasmError) -> Int32 {
        var result: Int32 = 0
        var shift: Int32 = 0
        while true {
            let b = try readByte()
            if shift == 28 {
                if b & 0x80 != 0 { throw WasmError.malformed("integer representation too long", at: position - 1) }
                let high = b & 0x78  // bit 3 is the sign; bits 4...6 must repeat it
                if high != 0 && high != 0x78 { throw WasmError.malformed("integer too large", at: position - 1) }
            }
            result |= Int32(b & 0x7F) << shift
            shift += 7
            if b & 0x80 == 0 {
                if shift < 32 && b & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
    }

    /// Signed 33-bit integer (block type indices).
    public mutating func readVarInt33() throws(WasmError) -> Int64 {
        var result: Int64 = 0
        var shift: Int64 = 0
        while true {
            let b = try readByte()
            if shift == 28 {
                if b & 0x80 != 0 { throw WasmError.malformed("integer representation too long", at: position - 1) }
                let high = b & 0x70  // bit 4 is the sign; bits 5 and 6 must repeat it
                if high != 0 && high != 0x70 { throw WasmError.malformed("integer too large", at: position - 1) }
            }
            result |= Int64(b & 0x7F) << shift
            shift += 7
            if b & 0x80 == 0 {
                if shift < 64 && b & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
    }

    public mutating func readVarInt64() throws(WasmError) -> Int64 {
        var result: Int64 = 0
        var shift: Int64 = 0
        while true {
            let b = try readByte()
            if shift == 63 {
                if b & 0x80 != 0 { throw WasmError.malformed("integer representation too long", at: position - 1) }
                let high = b & 0x7F  // only bit 0 carries value; it is the sign, the rest repeat it
                if high != 0 && high != 0x7F { throw WasmError.malformed("integer too large", at: position - 1) }
            }
            result |= Int64(b & 0x7F) << shift
            shift += 7
            if b & 0x80 == 0 {
                if shift < 64 && b & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
    }

    // MARK: Fixed-width

    public mutating func readUInt32LE() throws(WasmError) -> UInt32 {
        guard end - position >= 4 else {
            position = end
            throw endError()
        }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(base[position + i]) << (8 * UInt32(i)) }
        position += 4
        return v
    }

    public mutating func readUInt64LE() throws(WasmError) -> UInt64 {
        guard end - position >= 8 else {
            position = end
            throw endError()
        }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(base[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    // MARK: Wasm-level helpers

    /// A vector length or byte count, checked against the bytes left (the spec's "length out of bounds").
    public mutating func readLength() throws(WasmError) -> Int {
        let start = position
        let n = Int(try readVarUInt32())
        if n > end - position { throw WasmError.malformed("length out of bounds", at: start) }
        return n
    }

    /// A vector count: each element takes at least one byte, so larger counts cannot fit.
    public mutating func readCount() throws(WasmError) -> Int {
        let start = position
        let n = Int(try readVarUInt32())
        if n > end - position { throw WasmError.malformed("unexpected end of section or function", at: start) }
        return n
    }

    public mutating func readName() throws(WasmError) -> Name {
        let n = try readLength()
        let start = position
        let slice = try readBytes(n)
        guard UTF8Validation.isValid(slice) else {
            throw WasmError.malformed("malformed UTF-8 encoding", at: start)
        }
        return Name(bytes: Array(slice))
    }

    public mutating func readValueType(features: WasmFeatures) throws(WasmError) -> ValueType {
        let at = position
        let b = try readByte()
        switch b {
        case 0x7F: return .i32
        case 0x7E: return .i64
        case 0x7D: return .f32
        case 0x7C: return .f64
        case 0x7B: return .v128
        case 0x70: return .funcRef
        case 0x6F: return .externRef
        case 0x69 where features.contains(.exceptions): return .exnRef
        case 0x63 where features.contains(.functionReferences), 0x64 where features.contains(.functionReferences):
            position = at
            return try readReferenceType(features: features)
        default: throw ByteReader.typeCodeError(b, at: at, "malformed value type")
        }
    }

    public mutating func readReferenceType() throws(WasmError) -> ValueType {
        try readReferenceType(features: [])
    }

    /// Type codes are one-byte signed LEB128 values: a continuation bit means an overlong encoding.
    static func typeCodeError(_ b: UInt8, at: Int, _ message: String) -> WasmError {
        .malformed(b & 0x80 != 0 ? "integer representation too long" : message, at: at)
    }
}

/// Capacity to reserve for a vector whose length came from the input: enough for real modules,
/// never a huge up-front allocation on a hostile length.
@inline(__always)
func boundedReservation(_ count: Int) -> Int { Swift.min(count, 1 << 16) }
