/// A module's data segments, stored compactly: Go modules carry ~100,000 of them, almost all
/// `active memory 0 at i32.const N`, and a `DataSegment` each (with its expression array) cost
/// ~150 bytes where this costs 32. Reading one builds its `DataSegment`; the bytes stay in the module.
public struct DataSegments: RandomAccessCollection, Sendable {
    private struct Entry {
        let payload: Range<Int>
        /// Where the offset expression starts (error messages).
        let expressionOffset: Int
        /// The i32.const offset when `otherMode` is negative.
        let constant: Int32
        /// Index into `otherModes`, or -1 for `active memory 0 at i32.const constant`.
        let otherMode: Int32
    }

    private var entries: [Entry] = []
    private var otherModes: [DataMode] = []
    private let source: ModuleBinary

    init(source: ModuleBinary) { self.source = source }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(index: Int) -> DataSegment {
        let e = entries[index]
        let mode: DataMode
        if e.otherMode < 0 {
            mode = .active(memory: 0, offset: ConstExpression(instructions: [.i32Const(e.constant)], offset: e.expressionOffset))
        } else {
            mode = otherModes[Int(e.otherMode)]
        }
        return DataSegment(mode: mode, source: source, range: e.payload)
    }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    mutating func append(mode: DataMode, payload: Range<Int>) {
        if case .active(0, let offset) = mode, offset.instructions.count == 1, offset.nonConstantOffset == nil,
           case .i32Const(let constant) = offset.instructions[0] {
            entries.append(Entry(payload: payload, expressionOffset: offset.offset, constant: constant, otherMode: -1))
        } else {
            entries.append(Entry(payload: payload, expressionOffset: 0, constant: 0, otherMode: Int32(otherModes.count)))
            otherModes.append(mode)
        }
    }
}
