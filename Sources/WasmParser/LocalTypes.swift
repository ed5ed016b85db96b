/// The types of a function's locals (parameters first). Small functions get a flat array; a body
/// declaring huge runs of locals (up to 2^32-1) keeps the runs and binary-searches them.
/// Stored as `OperandCode`s, the form the validator's operand stack compares.
struct LocalTypes {
    private var flat: [OperandCode] = []
    /// (end index exclusive, type) for each run, when `flat` would be too large.
    private var runs: [(end: UInt64, code: OperandCode)] = []
    private var useRuns = false
    private(set) var count: UInt64 = 0

    static let flatLimit: UInt64 = 1 << 16

    mutating func reset(params: [ValueType], declarations: [(count: UInt32, type: ValueType)]) {
        flat.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        var total = UInt64(params.count)
        for d in declarations { total += UInt64(d.count) }
        count = total
        useRuns = total > LocalTypes.flatLimit
        if useRuns {
            var end: UInt64 = 0
            for p in params { end += 1; runs.append((end, OperandCode(p))) }
            for d in declarations where d.count > 0 { end += UInt64(d.count); runs.append((end, OperandCode(d.type))) }
        } else {
            flat.reserveCapacity(Int(total))
            for p in params { flat.append(OperandCode(p)) }
            for d in declarations { flat.append(contentsOf: repeatElement(OperandCode(d.type), count: Int(d.count))) }
        }
    }

    @inline(__always)
    func type(at index: UInt32) -> ValueType? { code(at: index).valueType }

    /// The local's type; `.unknown` when there is no such local.
    @inline(__always)
    func code(at index: UInt32) -> OperandCode {
        let i = UInt64(index)
        guard i < count else { return .unknown }
        if !useRuns { return flat[Int(i)] }
        var lo = 0, hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].end <= i { lo = mid + 1 } else { hi = mid }
        }
        return runs[lo].code
    }
}
