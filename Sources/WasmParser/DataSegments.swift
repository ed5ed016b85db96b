/// A module's data segments, stored compactly: Go modules carry ~100,000 of them, almost all
/// `active memory 0 at i32.const N`, and a `DataSegment` each (with its expression array) cost
/// ~150 bytes where such an entry costs 16. Reading one builds its `DataSegment`; the bytes stay in the module.
public struct DataSegments: RandomAccessCollection, Sendable {
    /// `active memory 0 at i32.const constant` when `expressionOffset` is not `UInt32.max`; otherwise
    /// `constant` indexes `others`. Positions beyond 4 GiB also go to `others`.
    private struct Entry {
        let payloadStart: UInt32
        let payloadLength: UInt32
        /// Where the offset expression starts (error messages).
        let expressionOffset: UInt32
        let constant: Int32
    }

    private var entries: [Entry] = []
    private var others: [(mode: DataMode, payload: Range<Int>)] = []
    private let source: ModuleBinary

    init(source: ModuleBinary) { self.source = source }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(index: Int) -> DataSegment {
        let e = entries[index]
        guard e.expressionOffset != UInt32.max else {
            let other = others[Int(e.constant)]
            return DataSegment(mode: other.mode, source: source, range: other.payload)
        }
        let offset = ConstExpression(instructions: [.i32Const(e.constant)], offset: Int(e.expressionOffset))
        let start = Int(e.payloadStart)
        return DataSegment(mode: .active(memory: 0, offset: offset), source: source,
                           range: start..<start + Int(e.payloadLength))
    }

    /// For the common form (active, memory 0, `i32.const` offset): the offset and where the bytes sit,
    /// without building a `DataSegment` and its expression (instantiation reads every segment once).
    public func constantPlacement(at index: Int) -> (offset: UInt32, range: Range<Int>)? {
        let e = entries[index]
        guard e.expressionOffset != UInt32.max else { return nil }
        let start = Int(e.payloadStart)
        return (UInt32(bitPattern: e.constant), start..<start + Int(e.payloadLength))
    }

    /// Calls `body` with the segment's bytes in place (valid only during the call).
    public func withUnsafeBytes<R>(of range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: source.base + range.lowerBound, count: range.count))
    }

    /// Indices of the passive segments, without building the others.
    public var passiveIndices: [Int] {
        entries.indices.filter { i in
            guard entries[i].expressionOffset == UInt32.max, case .passive = others[Int(entries[i].constant)].mode else { return false }
            return true
        }
    }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    mutating func append(mode: DataMode, payload: Range<Int>) {
        let limit = Int(UInt32.max) - 1
        if case .active(0, let offset) = mode, offset.instructions.count == 1, offset.nonConstantOffset == nil,
           case .i32Const(let constant) = offset.instructions[0], payload.upperBound <= limit, offset.offset <= limit {
            entries.append(Entry(payloadStart: UInt32(payload.lowerBound), payloadLength: UInt32(payload.count),
                                 expressionOffset: UInt32(offset.offset), constant: constant))
        } else {
            entries.append(Entry(payloadStart: 0, payloadLength: 0, expressionOffset: UInt32.max,
                                 constant: Int32(others.count)))
            others.append((mode, payload))
        }
    }
}
