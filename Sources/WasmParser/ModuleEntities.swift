/// What an import brings in.
public enum ImportKind: Hashable, Sendable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
    /// An exception tag of the given function type (feature .exceptions).
    case tag(typeIndex: UInt32)
}

public struct Import: Hashable, Sendable {
    public let module: Name
    public let name: Name
    public let kind: ImportKind
    public init(module: Name, name: Name, kind: ImportKind) {
        self.module = module
        self.name = name
        self.kind = kind
    }
}

public enum ExternalKind: UInt8, Hashable, Sendable {
    case function = 0, table = 1, memory = 2, global = 3
    case tag = 4  // feature .exceptions
}

public struct Export: Hashable, Sendable {
    public let name: Name
    public let kind: ExternalKind
    public let index: UInt32
    public init(name: Name, kind: ExternalKind, index: UInt32) {
        self.name = name
        self.kind = kind
        self.index = index
    }
}

/// One instruction of a constant expression (global initializers, segment offsets, element items).
public enum ConstInstruction: Hashable, Sendable {
    case i32Const(Int32), i64Const(Int64), f32Const(UInt32), f64Const(UInt64)
    case v128Const(V128), refNull(ValueType), refFunc(UInt32), globalGet(UInt32)
    // Extended-const only:
    case i32Add, i32Sub, i32Mul, i64Add, i64Sub, i64Mul
}

public struct ConstExpression: Hashable, Sendable {
    public let instructions: [ConstInstruction]
    /// Where the expression starts in the binary (for error messages).
    let offset: Int
    /// The first instruction that is not allowed in a constant expression; validation rejects it.
    let nonConstantOffset: Int?

    public init(instructions: [ConstInstruction]) {
        self.init(instructions: instructions, offset: 0, nonConstantOffset: nil)
    }

    init(instructions: [ConstInstruction], offset: Int, nonConstantOffset: Int? = nil) {
        self.instructions = instructions
        self.offset = offset
        self.nonConstantOffset = nonConstantOffset
    }

    public static func == (a: ConstExpression, b: ConstExpression) -> Bool {
        a.instructions == b.instructions && (a.nonConstantOffset == nil) == (b.nonConstantOffset == nil)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(instructions) }
}

public struct GlobalDefinition: Hashable, Sendable {
    public let type: GlobalType
    public let initializer: ConstExpression
    public init(type: GlobalType, initializer: ConstExpression) {
        self.type = type
        self.initializer = initializer
    }
}

public enum ElementMode: Hashable, Sendable {
    case passive
    case declarative
    case active(table: UInt32, offset: ConstExpression)
}

public struct ElementSegment: Hashable, Sendable {
    public let type: ValueType
    /// One constant expression per element (function-index encodings become `ref.func`).
    public let initializers: [ConstExpression]
    public let mode: ElementMode
    public init(type: ValueType, initializers: [ConstExpression], mode: ElementMode) {
        self.type = type
        self.initializers = initializers
        self.mode = mode
    }
}

public enum DataMode: Hashable, Sendable {
    case passive
    case active(memory: UInt32, offset: ConstExpression)
}

public struct DataSegment: Hashable, Sendable {
    public let mode: DataMode
    /// Where the bytes sit in `source` (for a decoded module: in `Module.bytes`).
    public let range: Range<Int>
    let source: ModuleBinary

    public init(mode: DataMode, bytes: ArraySlice<UInt8>) {
        self.init(mode: mode, source: ModuleBinary(Array(bytes)), range: 0..<bytes.count)
    }

    init(mode: DataMode, source: ModuleBinary, range: Range<Int>) {
        self.mode = mode
        self.source = source
        self.range = range
    }

    /// A copy of the segment's bytes.
    public var bytes: ArraySlice<UInt8> { source[range] }

    /// The segment's bytes in place, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: source.base + range.lowerBound, count: range.count))
    }

    public static func == (a: DataSegment, b: DataSegment) -> Bool { a.mode == b.mode && a.bytes == b.bytes }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(mode)
        hasher.combine(bytes)
    }
}

/// A function body: locals are decoded up front (cheap); instructions stay as a byte range.
public struct FunctionBody: Sendable {
    public let localDeclarations: [(count: UInt32, type: ValueType)]
    /// Instruction bytes (after the locals) in `Module.bytes`; ends with `end`.
    public let code: Range<Int>
    /// Byte offset of the body (its size field) for error messages.
    public let offset: Int
    public init(localDeclarations: [(count: UInt32, type: ValueType)], code: Range<Int>, offset: Int) {
        self.localDeclarations = localDeclarations
        self.code = code
        self.offset = offset
    }
}

public struct ParseOptions: Sendable {
    public var features: WasmFeatures = .wasm2
    /// Validate every function body at load time. Off: bodies are validated on demand (`Module.validateFunction`).
    public var validateBodies: Bool = true
    public init(features: WasmFeatures = .wasm2, validateBodies: Bool = true) {
        self.features = features
        self.validateBodies = validateBodies
    }
}
