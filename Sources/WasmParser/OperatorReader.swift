/// Decodes a function body's instructions one operator at a time.
///
/// Shared by the validator and the interpreter's translator. Decoding errors (`.malformed`) are
/// thrown here; typing and index checks belong to the validator. The one exception is a typed
/// `select` with other than one type, which the spec calls invalid ("invalid result arity").
public struct OperatorReader {
    public var reader: ByteReader
    public let features: WasmFeatures

    // The features the hot paths ask about, resolved once (OptionSet tests are slow unoptimized).
    private let multiMemory: Bool
    private let memory64: Bool
    private let tailCall: Bool
    let exceptions: Bool
    private let functionReferences: Bool

    public init(bytes: [UInt8], range: Range<Int>, features: WasmFeatures) {
        self.init(bytes: ModuleBinary(bytes), range: range, features: features)
    }

    public init(bytes: ModuleBinary, range: Range<Int>, features: WasmFeatures) {
        self.reader = ByteReader(bytes: bytes, range: range)
        self.features = features
        multiMemory = features.contains(.multiMemory)
        memory64 = features.contains(.memory64)
        tailCall = features.contains(.tailCall)
        exceptions = features.contains(.exceptions)
        functionReferences = features.contains(.functionReferences)
    }

    /// Offset of the next operator.
    public var offset: Int { reader.position }
    public var isAtEnd: Bool { reader.isAtEnd }

    public mutating func next() throws(WasmError) -> Operator {
        let at = reader.position
        guard reader.position < reader.end else {
            throw WasmError.malformed("unexpected end of section or function", at: at)
        }
        let opcode = try reader.readByte()
        if opcode >= 0x45 && opcode <= 0xC4, let simple = OperatorReader.simpleOperator(opcode) { return simple }
        switch opcode {
        case 0x00: return .unreachable
        case 0x01: return .nop
        case 0x02: return .block(try readBlockType())
        case 0x03: return .loop(try readBlockType())
        case 0x04: return .if(try readBlockType())
        case 0x05: return .else
        case 0x0B: return .end
        case 0x0C: return .br(try reader.readVarUInt32())
        case 0x0D: return .brIf(try reader.readVarUInt32())
        case 0x0E:
            let count = try reader.readCount()
            var targets = [UInt32]()
            targets.reserveCapacity(boundedReservation(count))
            for _ in 0..<count { targets.append(try reader.readVarUInt32()) }
            return .brTable(targets: targets, default: try reader.readVarUInt32())
        case 0x08 where exceptions: return .throw(try reader.readVarUInt32())
        case 0x0A where exceptions: return .throwRef
        case 0x1F where exceptions: return try readTryTable()
        case 0x0F: return .return
        case 0x10: return .call(try reader.readVarUInt32())
        case 0x11:
            let type = try reader.readVarUInt32()
            return .callIndirect(typeIndex: type, table: try reader.readVarUInt32())
        case 0x12 where tailCall: return .returnCall(try reader.readVarUInt32())
        case 0x13 where tailCall:
            let type = try reader.readVarUInt32()
            return .returnCallIndirect(typeIndex: type, table: try reader.readVarUInt32())
        case 0x14 where functionReferences: return .callRef(try reader.readVarUInt32())
        case 0x15 where functionReferences && tailCall: return .returnCallRef(try reader.readVarUInt32())
        case 0xD4 where functionReferences: return .refAsNonNull
        case 0xD5 where functionReferences: return .brOnNull(try reader.readVarUInt32())
        case 0xD6 where functionReferences: return .brOnNonNull(try reader.readVarUInt32())
        case 0x1A: return .drop
        case 0x1B: return .select
        case 0x1C:
            let countAt = reader.position
            let count = try reader.readVarUInt32()
            // A validation rule in the spec, but the single-type operator cannot carry other arities.
            guard count == 1 else { throw WasmError.invalid("invalid result arity", at: countAt) }
            return .typedSelect(try reader.readValueType(features: features))
        case 0x20: return .localGet(try reader.readVarUInt32())
        case 0x21: return .localSet(try reader.readVarUInt32())
        case 0x22: return .localTee(try reader.readVarUInt32())
        case 0x23: return .globalGet(try reader.readVarUInt32())
        case 0x24: return .globalSet(try reader.readVarUInt32())
        case 0x25: return .tableGet(try reader.readVarUInt32())
        case 0x26: return .tableSet(try reader.readVarUInt32())
        case 0x28...0x3E: return OperatorReader.memoryOperator(opcode, try readMemArg())
        case 0x3F: return .memorySize(try readMemoryIndex())
        case 0x40: return .memoryGrow(try readMemoryIndex())
        case 0x41: return .i32Const(try reader.readVarInt32())
        case 0x42: return .i64Const(try reader.readVarInt64())
        case 0x43: return .f32Const(try reader.readUInt32LE())
        case 0x44: return .f64Const(try reader.readUInt64LE())
        case 0xD0:
            return .refNull(.ref(RefType(nullable: true, heapType: try reader.readHeapType(features: features))))
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(try reader.readVarUInt32())
        case 0xFC: return try readMiscOperator(at: at)
        case 0xFD where features.contains(.simd): return try readSIMDOperator(at: at)
        default:
            throw WasmError.malformed("illegal opcode 0x\(String(opcode, radix: 16))", at: at)
        }
    }

    mutating func readBlockType() throws(WasmError) -> BlockType {
        let at = reader.position
        guard let b = reader.peekByte() else { throw reader.endError() }
        switch b {
        case 0x40: reader.position += 1; return .empty
        case 0x7F: reader.position += 1; return .value(.i32)
        case 0x7E: reader.position += 1; return .value(.i64)
        case 0x7D: reader.position += 1; return .value(.f32)
        case 0x7C: reader.position += 1; return .value(.f64)
        case 0x7B: reader.position += 1; return .value(.v128)
        case 0x70: reader.position += 1; return .value(.funcRef)
        case 0x6F: reader.position += 1; return .value(.externRef)
        case 0x69 where exceptions: reader.position += 1; return .value(.exnRef)
        case 0x63 where features.contains(.functionReferences), 0x64 where features.contains(.functionReferences):
            return .value(try reader.readReferenceType(features: features))
        default:
            let index = try reader.readVarInt33()
            guard index >= 0 else { throw WasmError.malformed("malformed value type", at: at) }
            guard index <= Int64(UInt32.max) else { throw WasmError.malformed("integer too large", at: at) }
            return .typeIndex(UInt32(index))
        }
    }

    mutating func readMemArg() throws(WasmError) -> MemArg {
        let at = reader.position
        var align = try reader.readVarUInt32()
        var memory: UInt32 = 0
        if multiMemory && align & 0x40 != 0 {
            align &= ~0x40
            memory = try reader.readVarUInt32()
        }
        // 2.0 has no valid alignment of 2^32 or more; with multi-memory, bit 6 is the index flag
        // and only larger flags are malformed (too-large alignments are then a validation error).
        if align >= (multiMemory ? 64 : 32) {
            throw WasmError.malformed("malformed memop flags", at: at)
        }
        let offset: UInt64
        if memory64 {
            offset = try reader.readVarUInt64()
        } else {
            offset = UInt64(try reader.readVarUInt32())
        }
        return MemArg(align: align, offset: offset, memory: memory)
    }

    /// Memory index immediates: a reserved zero byte in 2.0, an index with multi-memory.
    mutating func readMemoryIndex() throws(WasmError) -> UInt32 {
        if multiMemory { return try reader.readVarUInt32() }
        let at = reader.position
        let b = try reader.readByte()
        guard b == 0 else { throw WasmError.malformed("zero byte expected", at: at) }
        return 0
    }

    mutating func readMiscOperator(at: Int) throws(WasmError) -> Operator {
        let sub = try reader.readVarUInt32()
        if let sat = OperatorReader.saturatingTruncation(sub) { return sat }
        switch sub {
        case 8:
            let data = try reader.readVarUInt32()
            return .memoryInit(data: data, memory: try readMemoryIndex())
        case 9: return .dataDrop(try reader.readVarUInt32())
        case 10:
            let destination = try readMemoryIndex()
            return .memoryCopy(destination: destination, source: try readMemoryIndex())
        case 11: return .memoryFill(try readMemoryIndex())
        case 12:
            let element = try reader.readVarUInt32()
            return .tableInit(element: element, table: try reader.readVarUInt32())
        case 13: return .elemDrop(try reader.readVarUInt32())
        case 14:
            let destination = try reader.readVarUInt32()
            return .tableCopy(destination: destination, source: try reader.readVarUInt32())
        case 15: return .tableGrow(try reader.readVarUInt32())
        case 16: return .tableSize(try reader.readVarUInt32())
        case 17: return .tableFill(try reader.readVarUInt32())
        default:
            throw WasmError.malformed("illegal opcode 0xfc \(sub)", at: at)
        }
    }
}
