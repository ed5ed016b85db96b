/// Binary form of the exception-handling proposal (feature .exceptions): the tag section (id 13), tag
/// types in imports, and the `try_table` operator with its catch clauses.
extension ModuleDecoder {
    /// A tag type: attribute 0 (exception) then a function type index.
    mutating func readTagType() throws(WasmError) -> UInt32 {
        let at = r.position
        guard try r.readByte() == 0 else { throw WasmError.malformed("malformed tag attribute", at: at) }
        return try r.readVarUInt32()
    }

    mutating func decodeTagSection() throws(WasmError) {
        let count = try r.readCount()
        module.tags.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            module.offsets.tags.append(r.position)
            module.tags.append(try readTagType())
        }
    }
}

extension OperatorReader {
    /// `try_table blocktype vec(catch)`: the body and its `end` follow as ordinary operators.
    mutating func readTryTable() throws(WasmError) -> Operator {
        let type = try readBlockType()
        let count = try reader.readCount()
        var catches = [CatchClause]()
        catches.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            let at = reader.position
            let kind: CatchClause.Kind
            switch try reader.readByte() {
            case 0x00: kind = .catch
            case 0x01: kind = .catchRef
            case 0x02: kind = .catchAll
            case 0x03: kind = .catchAllRef
            default: throw WasmError.malformed("malformed catch clause", at: at)
            }
            let tag = kind.hasTag ? try reader.readVarUInt32() : nil
            catches.append(CatchClause(kind: kind, tag: tag, label: try reader.readVarUInt32()))
        }
        return .tryTable(type, catches)
    }
}
