/// The executor's plain-data view of a function, kept in one store-wide table so calls and returns touch
/// no reference-counted objects. Filled in when the function is translated (after its instance is complete).
struct FunctionRecord {
    /// nil until translated; always nil for host functions.
    var code: UnsafeMutablePointer<Instruction>?
    var aux: UnsafeMutablePointer<Int32>?
    /// `FrameTemplate.cells`: `templatePairs` 16-byte pairs copied to slot `templateStart` on entry.
    var template: UnsafeMutablePointer<UInt64>?
    var templatePairs: Int32 = 0
    var templateStart: Int32 = 0
    var paramCount: Int32 = 0
    /// Covers the template's padding cell too.
    var frameSize: Int32 = 0
    var typeID: Int32
    var isHost: Bool
    /// Index in `Store.instances`; -1 for host functions.
    var instance: Int32
    var globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>?
    /// The defining instance's memory 0, if any.
    var memory: UnsafeMutablePointer<MemoryState>?
}

/// A growable table of `FunctionRecord`s at one address until it grows (only when functions are added,
/// which never happens inside a running call without a host call in between).
struct FunctionRecordTable {
    private(set) var base: UnsafeMutablePointer<FunctionRecord>
    private(set) var count = 0
    private var capacity: Int

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    mutating func append(_ r: FunctionRecord) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<FunctionRecord>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: r)
        count += 1
    }

    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
