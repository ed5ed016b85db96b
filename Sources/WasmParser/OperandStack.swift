/// The validator's operand-type stack on a manually grown buffer: push and pop stay a few machine
/// instructions even in unoptimized builds (Array's generic paths dominate validation time there).
/// Entries are `OperandCode`s (one word, compared in one step); `.unknown` / nil is the type a polymorphic
/// stack produces.
struct OperandStack {
    /// Owns the buffer; value types are trivial, so only the memory needs freeing.
    private final class Storage {
        var pointer: UnsafeMutablePointer<OperandCode>
        var capacity: Int
        init(capacity: Int) {
            self.capacity = capacity
            pointer = .allocate(capacity: capacity)
        }
        deinit { pointer.deallocate() }
    }

    private let storage = Storage(capacity: 256)
    private var base: UnsafeMutablePointer<OperandCode>
    private var capacity: Int
    private(set) var count = 0

    init() {
        base = storage.pointer
        capacity = storage.capacity
    }

    @inline(__always)
    mutating func push(_ t: ValueType?) { push(code: OperandCode(t)) }

    @inline(__always)
    mutating func push(code: OperandCode) {
        if count == capacity { grow() }
        base[count] = code
        count &+= 1
    }

    /// Removes and returns the top; the caller has checked that the stack is not empty.
    @inline(__always)
    mutating func pop() -> ValueType? { popCode().valueType }

    /// Removes and returns the top as a code; the caller has checked that the stack is not empty.
    @inline(__always)
    mutating func popCode() -> OperandCode {
        count &-= 1
        return base[count]
    }

    @inline(__always)
    func code(at index: Int) -> OperandCode { base[index] }

    mutating func truncate(to height: Int) { count = height }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newPointer = UnsafeMutablePointer<OperandCode>.allocate(capacity: newCapacity)
        newPointer.moveInitialize(from: base, count: count)
        storage.pointer.deallocate()
        storage.pointer = newPointer
        storage.capacity = newCapacity
        base = newPointer
        capacity = newCapacity
    }
}
