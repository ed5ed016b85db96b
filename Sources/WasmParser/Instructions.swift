/// The immediate of a load or store: alignment exponent, static offset and memory index.
public struct MemArg: Hashable, Sendable {
    public var align: UInt32
    public var offset: UInt64
    public var memory: UInt32
    public init(align: UInt32, offset: UInt64, memory: UInt32 = 0) {
        self.align = align
        self.offset = offset
        self.memory = memory
    }
}

/// The type annotation of `block`, `loop` and `if`.
public enum BlockType: Hashable, Sendable {
    case empty
    case value(ValueType)
    case typeIndex(UInt32)
}

/// Operand and result types of a numeric operator without immediates (one or two operands, one result).
struct NumericSignature {
    let operand1: ValueType
    let operand2: ValueType?
    let result: ValueType
    init(_ operand1: ValueType, _ operand2: ValueType?, _ result: ValueType) {
        self.operand1 = operand1
        self.operand2 = operand2
        self.result = result
    }
}
