/// Binary forms of reference types (function-references): `0x63 ht` = (ref null ht), `0x64 ht` = (ref ht),
/// and the one-byte shorthands 0x70 funcref / 0x6F externref (0x69 exnref with .exceptions). A heap type is
/// an s33: negative values name abstract heaps, non-negative ones a type index.
extension ByteReader {
    public mutating func readHeapType(features: WasmFeatures) throws(WasmError) -> HeapType {
        let at = position
        guard features.contains(.functionReferences) else {
            let b = try readByte()
            switch b {
            case 0x70: return .func
            case 0x6F: return .extern
            case 0x69 where features.contains(.exceptions): return .exn
            default: throw ByteReader.typeCodeError(b, at: at, "malformed reference type")
            }
        }
        let value = try readVarInt33()
        switch value {
        case -0x10: return .func
        case -0x11: return .extern
        case -0x17 where features.contains(.exceptions): return .exn
        case 0...Int64(UInt32.max): return .concrete(UInt32(value))
        case 0...: throw WasmError.malformed("integer too large", at: at)
        default: throw WasmError.malformed("malformed heap type", at: at)
        }
    }

    public mutating func readReferenceType(features: WasmFeatures) throws(WasmError) -> ValueType {
        let at = position
        let b = try readByte()
        switch b {
        case 0x70: return .funcRef
        case 0x6F: return .externRef
        case 0x69 where features.contains(.exceptions): return .exnRef
        case 0x63 where features.contains(.functionReferences),
             0x64 where features.contains(.functionReferences):
            return .ref(RefType(nullable: b == 0x63, heapType: try readHeapType(features: features)))
        default: throw ByteReader.typeCodeError(b, at: at, "malformed reference type")
        }
    }
}
