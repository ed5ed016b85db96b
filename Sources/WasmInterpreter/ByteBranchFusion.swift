/// A branch on a byte straight from memory (`while (*s)`, a sieve's `if (!composite[i])`): i32.load8_u
/// then br_if on it (or on its eqz), one instruction; and a br_table indexed by such a byte (a bytecode
/// interpreter's `switch (code[pc])`), one `brTableByte`. The byte is bounds-checked as its load would be,
/// before the branch.
extension Translator {
    /// The branch at `index` tests the temporary the i32.load8_u just before it produced: both become one
    /// byte branch. Returns the branch's index.
    mutating func foldByteLoadIntoBranch(at index: Int) -> Int {
        let firstTemp = Int32(tempBase)
        return mergeWithPrevious(at: index) { before, branch in
            guard let test = branch.zeroTest, test.slot >= firstTemp,
                  case let .i32Load8U(d, a, offset) = before, d == test.slot else { return nil }
            return test.takenIfNonzero ? .brIfByte(a, offset, test.target) : .brIfNotByte(a, offset, test.target)
        }
    }

    /// br_table on the byte the i32.load8_u just before it loaded: the load becomes a `brTableByte` whose aux
    /// holds the entry count and then an entry for every byte value (at least `count`), left zero for
    /// `branchTable` to fill; `padByteTables` then gives the bytes past the table the default. Returns where
    /// the entries start, or nil (nothing changed) when the index came from elsewhere or a label sits at the table.
    mutating func fuseByteTable(_ index: Operand, count: Int) -> Int? {
        guard code.count > labelFloor, let p = producer(of: index), case let .i32Load8U(_, a, offset) = code[p] else {
            return nil
        }
        aux.append(Int32(count))
        let start = aux.count
        code[p] = .brTableByte(a, offset, Int32(start))
        aux.append(contentsOf: repeatElement(0, count: max(count, Translator.byteValues)))
        fuelCount &+= 1 // charged as the br_table it absorbs
        lastProducer = nil
        return start
    }

    static let byteValues = 256

    /// After translation, when every entry is known: each byte table's entries past its count repeat its
    /// default (the last entry), so the executor indexes the table with the byte and never clamps.
    mutating func padByteTables() {
        for case let .brTableByte(_, _, start) in code {
            let s = Int(start), count = Int(aux[s - 1])
            guard count < Translator.byteValues else { continue }
            for k in count..<Translator.byteValues { aux[s + k] = aux[s + count - 1] }
        }
    }
}

extension Instruction {
    /// `withTarget` for the byte branches.
    func byteBranchWithTarget(_ t: Int32) -> Instruction? {
        switch self {
        case let .brIfByte(a, offset, _): return .brIfByte(a, offset, t)
        case let .brIfNotByte(a, offset, _): return .brIfNotByte(a, offset, t)
        default: return nil
        }
    }
}
