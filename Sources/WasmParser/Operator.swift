// Generated from the Wasm 2.0 opcode tables (numeric, memory-access and saturating ops).
// One case per instruction; the name is the text mnemonic in lowerCamelCase.

public enum Operator: Hashable, Sendable {
    // Control
    case unreachable
    case nop
    case block(BlockType)
    case loop(BlockType)
    case `if`(BlockType)
    case `else`
    case end
    case br(UInt32)
    case brIf(UInt32)
    case brTable(targets: [UInt32], default: UInt32)
    case `return`
    case call(UInt32)
    case callIndirect(typeIndex: UInt32, table: UInt32)
    // Tail calls (feature .tailCall)
    case returnCall(UInt32)
    case returnCallIndirect(typeIndex: UInt32, table: UInt32)
    // Exception handling (feature .exceptions); see ExceptionOperators.swift
    case `throw`(UInt32)
    case throwRef
    case tryTable(BlockType, [CatchClause])
    // function-references: typed calls through a reference and null tests
    case callRef(UInt32), returnCallRef(UInt32), refAsNonNull, brOnNull(UInt32), brOnNonNull(UInt32)
    // Parametric
    case drop
    case select
    case typedSelect(ValueType)
    // Variables and tables
    case localGet(UInt32)
    case localSet(UInt32)
    case localTee(UInt32)
    case globalGet(UInt32)
    case globalSet(UInt32)
    case tableGet(UInt32)
    case tableSet(UInt32)
    // Memory
    case i32Load(MemArg)
    case i64Load(MemArg)
    case f32Load(MemArg)
    case f64Load(MemArg)
    case i32Load8S(MemArg)
    case i32Load8U(MemArg)
    case i32Load16S(MemArg)
    case i32Load16U(MemArg)
    case i64Load8S(MemArg)
    case i64Load8U(MemArg)
    case i64Load16S(MemArg)
    case i64Load16U(MemArg)
    case i64Load32S(MemArg)
    case i64Load32U(MemArg)
    case i32Store(MemArg)
    case i64Store(MemArg)
    case f32Store(MemArg)
    case f64Store(MemArg)
    case i32Store8(MemArg)
    case i32Store16(MemArg)
    case i64Store8(MemArg)
    case i64Store16(MemArg)
    case i64Store32(MemArg)
    case memorySize(UInt32)
    case memoryGrow(UInt32)
    // Constants (floats as IEEE bit patterns)
    case i32Const(Int32)
    case i64Const(Int64)
    case f32Const(UInt32)
    case f64Const(UInt64)
    // Numeric
    case i32Eqz
    case i32Eq
    case i32Ne
    case i32LtS
    case i32LtU
    case i32GtS
    case i32GtU
    case i32LeS
    case i32LeU
    case i32GeS
    case i32GeU
    case i64Eqz
    case i64Eq
    case i64Ne
    case i64LtS
    case i64LtU
    case i64GtS
    case i64GtU
    case i64LeS
    case i64LeU
    case i64GeS
    case i64GeU
    case f32Eq
    case f32Ne
    case f32Lt
    case f32Gt
    case f32Le
    case f32Ge
    case f64Eq
    case f64Ne
    case f64Lt
    case f64Gt
    case f64Le
    case f64Ge
    case i32Clz
    case i32Ctz
    case i32Popcnt
    case i32Add
    case i32Sub
    case i32Mul
    case i32DivS
    case i32DivU
    case i32RemS
    case i32RemU
    case i32And
    case i32Or
    case i32Xor
    case i32Shl
    case i32ShrS
    case i32ShrU
    case i32Rotl
    case i32Rotr
    case i64Clz
    case i64Ctz
    case i64Popcnt
    case i64Add
    case i64Sub
    case i64Mul
    case i64DivS
    case i64DivU
    case i64RemS
    case i64RemU
    case i64And
    case i64Or
    case i64Xor
    case i64Shl
    case i64ShrS
    case i64ShrU
    case i64Rotl
    case i64Rotr
    case f32Abs
    case f32Neg
    case f32Ceil
    case f32Floor
    case f32Trunc
    case f32Nearest
    case f32Sqrt
    case f32Add
    case f32Sub
    case f32Mul
    case f32Div
    case f32Min
    case f32Max
    case f32Copysign
    case f64Abs
    case f64Neg
    case f64Ceil
    case f64Floor
    case f64Trunc
    case f64Nearest
    case f64Sqrt
    case f64Add
    case f64Sub
    case f64Mul
    case f64Div
    case f64Min
    case f64Max
    case f64Copysign
    case i32WrapI64
    case i32TruncF32S
    case i32TruncF32U
    case i32TruncF64S
    case i32TruncF64U
    case i64ExtendI32S
    case i64ExtendI32U
    case i64TruncF32S
    case i64TruncF32U
    case i64TruncF64S
    case i64TruncF64U
    case f32ConvertI32S
    case f32ConvertI32U
    case f32ConvertI64S
    case f32ConvertI64U
    case f32DemoteF64
    case f64ConvertI32S
    case f64ConvertI32U
    case f64ConvertI64S
    case f64ConvertI64U
    case f64PromoteF32
    case i32ReinterpretF32
    case i64ReinterpretF64
    case f32ReinterpretI32
    case f64ReinterpretI64
    case i32Extend8S
    case i32Extend16S
    case i64Extend8S
    case i64Extend16S
    case i64Extend32S
    // Reference types
    case refNull(ValueType)
    case refIsNull
    case refFunc(UInt32)
    // Saturating truncation
    case i32TruncSatF32S
    case i32TruncSatF32U
    case i32TruncSatF64S
    case i32TruncSatF64U
    case i64TruncSatF32S
    case i64TruncSatF32U
    case i64TruncSatF64S
    case i64TruncSatF64U
    // Bulk memory and table operations
    case memoryInit(data: UInt32, memory: UInt32)
    case dataDrop(UInt32)
    case memoryCopy(destination: UInt32, source: UInt32)
    case memoryFill(UInt32)
    case tableInit(element: UInt32, table: UInt32)
    case elemDrop(UInt32)
    case tableCopy(destination: UInt32, source: UInt32)
    case tableGrow(UInt32)
    case tableSize(UInt32)
    case tableFill(UInt32)
    // 128-bit SIMD (0xFD prefix, feature .simd); see SIMDOpcode for the sub-opcodes and their forms
    case v128Const(V128)
    case i8x16Shuffle([UInt8])
    case simd(SIMDOpcode)
    case simdMemory(SIMDOpcode, MemArg)
    case simdLane(SIMDOpcode, lane: UInt8)
    case simdMemoryLane(SIMDOpcode, MemArg, lane: UInt8)
}
