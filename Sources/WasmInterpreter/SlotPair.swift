/// A destination and a source slot, 16 bits each, so two of them fit where one instruction has room for
/// a single 32-bit operand (copy2/copy3, i32AddImmGlobalSet).
struct SlotPair: Equatable {
    let dst: Int16
    let src: Int16

    init(dst: Int16, src: Int16) {
        self.dst = dst
        self.src = src
    }

    /// Nil when a slot does not fit in 16 bits (the instruction then stays unfused).
    init?(_ dst: Int32, _ src: Int32) {
        guard let d = Int16(exactly: dst), let s = Int16(exactly: src) else { return nil }
        self.dst = d
        self.src = s
    }
}

extension SlotPair: CustomStringConvertible {
    var description: String { "\(dst) <- \(src)" }
}
