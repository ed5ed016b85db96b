// WasmParser — overview and file layout (kept as a Swift comment: a README here would be an
// unhandled SwiftPM resource).
//
// # WasmParser
//
// WebAssembly 2.0 binary decoder and validator, SIMD included (plus opt-in extended-const, multi-memory, memory64 and tail calls).
// Errors are `WasmError`s: `.malformed` while decoding, `.invalid` while validating, worded like the
// spec's reference interpreter, with the byte offset.
//
// | File | What it holds |
// |---|---|
// | `ModuleBinary.swift` | a module's bytes: an array, or a big file mapped read-only whose pages are released after reading |
// | `DataSegments.swift` | the data section stored compactly (Go modules carry ~100,000 segments) |
// | `ByteReader.swift` | cursor over the module bytes: LEB128 with the spec's length/overflow rules, names, type codes |
// | `UTF8Validation.swift` | strict UTF-8 check for names |
// | `ModuleDecoder.swift` | sections into a `Module`; `parseModule` entry point |
// | `NameSection.swift` | function names from the `name` custom section (tolerant) |
// | `ModuleValidator.swift` | module-level rules (index spaces, limits, constant expressions, exports, start) |
// | `FunctionValidator.swift`, `OperandStack.swift`, `LocalTypes.swift`, `TypeSpan.swift` | body type-checking |
// | `BodySyntaxScanner.swift` | decode-only pass over bodies, so malformed beats invalid as in the reference |
// | `ValidationContext.swift` | index spaces the body validator needs (kept on the module for lazy validation) |
// | `Operator.swift`, `OperatorReader.swift` | one enum case per instruction; decoder shared with the interpreter |
// | `SIMDOpcode.swift`, `SIMDOperatorReader.swift`, `SIMDValidation.swift` | 128-bit SIMD (0xFD prefix, feature `.simd`, in the 2.0 default): sub-opcodes with their form/alignment/lanes, decoding, typing |
// | `OperatorTables.swift`, `OperatorSignatures.swift`, `NumericOpcodeTable.swift` | generated opcode tables |
// | `Types.swift`, `Name.swift`, `ModuleEntities.swift`, `Instructions.swift`, `Module.swift`, `WasmError.swift`, `WasmFeatures.swift` | public model |
//
// Laziness: with `ParseOptions(validateBodies: false)` bodies are only sliced (locals decoded, instructions
// left alone); `Module.validateFunction(_:)` checks one body when it is first needed.
//
// The generated tables were produced once from the spec's opcode lists; edit them by hand when opcodes are added.
