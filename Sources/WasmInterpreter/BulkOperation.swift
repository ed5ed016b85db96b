/// memory.size, memory.init, data.drop, the table operations (get, set, size, grow, fill, copy, init,
/// elem.drop) and ref.as_non_null's null check: rare in hot code, so they share the one instruction case
/// `bulk(dst, op, operand)` (grouped when `Instruction`'s tag was one byte, to free cases for fused
/// instructions; the tag is two bytes since GoSequenceFusion). The operand is an aux index (its layout per
/// case below) or, for the drops and table.size, the segment or table index, for the null check the slot
/// checked. dst takes the sizes', get's and grow's result.
enum BulkOperation: UInt8 {
    /// aux: table, index slot
    case tableGet
    /// aux: table, index slot, value slot
    case tableSet
    /// operand: table
    case tableSize
    /// aux: table, init value slot, delta slot
    case tableGrow
    /// aux: segment, dest slot, source slot, length slot
    case memoryInit
    case dataDrop
    /// aux: table, start slot, value slot, length slot
    case tableFill
    /// aux: destination table, source table, dest slot, source slot, length slot
    case tableCopy
    /// aux: table, element segment, dest slot, source slot, length slot
    case tableInit
    case elemDrop
    case memorySize
    /// operand: the reference's slot
    case trapIfNull
}

extension Executor {
    @inline(never)
    static func bulk(_ dst: Int32, _ op: BulkOperation, _ operand: Int32, _ sp: UnsafeMutablePointer<UInt64>,
                     _ record: UnsafeMutablePointer<FunctionRecord>, _ store: Store) throws {
        let instance = store.instances[Int(record.pointee.instance)]
        let x = Int(operand)
        func aux(_ k: Int) -> Int { Int(record.pointee.aux![x + k]) }
        func slot(_ k: Int) -> UInt32 { u32(sp[aux(k)]) }
        switch op {
        case .tableGet:
            let table = instance.tables[aux(0)], index = Int(slot(1))
            guard index < table.elements.count else { throw Trap(.outOfBoundsTableAccess) }
            sp[Int(dst)] = table.elements[index]
        case .tableSet:
            let table = instance.tables[aux(0)], index = Int(slot(1))
            guard index < table.elements.count else { throw Trap(.outOfBoundsTableAccess) }
            table.elements[index] = sp[aux(2)]
        case .tableSize:
            sp[Int(dst)] = UInt64(instance.tables[x].elements.count)
        case .memorySize:
            sp[Int(dst)] = UInt64(record.pointee.memory!.pointee.byteCount / MemoryEntity.pageSize)
        case .trapIfNull:
            if sp[x] == 0 { throw Trap(.nullReference) }
        case .tableGrow:
            let old = instance.tables[aux(0)].grow(by: UInt64(slot(2)), initial: sp[aux(1)])
            sp[Int(dst)] = old ?? UInt64(UInt32.max)
        case .memoryInit:
            try memoryInit(instance.memories[0], instance.dataSegments[aux(0)], destination: slot(1), source: slot(2),
                           count: slot(3))
        case .dataDrop:
            instance.dataSegments[x] = []
        case .tableFill:
            let table = instance.tables[aux(0)]
            let start = Int(slot(1)), value = sp[aux(2)], count = Int(slot(3))
            guard start + count <= table.elements.count else { throw Trap(.outOfBoundsTableAccess) }
            for k in start..<(start + count) { table.elements[k] = value }
        case .tableCopy:
            let dt = instance.tables[aux(0)], st = instance.tables[aux(1)]
            let d = Int(slot(2)), s = Int(slot(3)), n = Int(slot(4))
            guard d + n <= dt.elements.count && s + n <= st.elements.count else { throw Trap(.outOfBoundsTableAccess) }
            if n > 0 {
                let items = Array(st.elements[s..<(s + n)])
                dt.elements.replaceSubrange(d..<(d + n), with: items)
            }
        case .tableInit:
            try tableInit(instance.tables[aux(0)], instance.elementSegments[aux(1)], destination: slot(2), source: slot(3),
                          count: slot(4))
        case .elemDrop:
            instance.elementSegments[x] = []
        }
    }

    /// memory.init / active data segment: bounds-checked as a whole before any byte is written.
    static func memoryInit(_ memory: MemoryEntity, _ segment: ArraySlice<UInt8>, destination: UInt32,
                           source: UInt32, count: UInt32) throws {
        let d = Int(destination), s = Int(source), n = Int(count)
        guard s + n <= segment.count && d + n <= memory.byteCount else { throw Trap(.outOfBoundsMemoryAccess) }
        guard n > 0 else { return }
        segment.withUnsafeBytes { bytes in
            (memory.base + d).copyMemory(from: bytes.baseAddress! + s, byteCount: n)
        }
    }

    /// table.init / active element segment.
    static func tableInit(_ table: TableEntity, _ segment: [UInt64], destination: UInt32, source: UInt32,
                          count: UInt32) throws {
        let d = Int(destination), s = Int(source), n = Int(count)
        guard s + n <= segment.count && d + n <= table.elements.count else { throw Trap(.outOfBoundsTableAccess) }
        guard n > 0 else { return }
        table.elements.replaceSubrange(d..<(d + n), with: segment[s..<(s + n)])
    }
}
