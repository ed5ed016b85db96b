/// A decoded (and module-level validated) WebAssembly module.
public final class Module: @unchecked Sendable {
    /// The binary; bodies and data segments point into it.
    public let bytes: ModuleBinary
    public let features: WasmFeatures

    public var types: [FunctionType] = []
    public var imports: [Import] = []
    /// Type indices of the defined (non-imported) functions.
    public var functionTypeIndices: [UInt32] = []
    public var tables: [TableType] = []
    /// One per defined table: its initial slot value (function-references), nil = null.
    public var tableInitializers: [ConstExpression?] = []
    public var memories: [MemoryType] = []
    public var globals: [GlobalDefinition] = []
    /// Type indices of the defined (non-imported) exception tags (feature .exceptions).
    public var tags: [UInt32] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    public var dataCount: UInt32?
    public var data: DataSegments
    public var bodies: [FunctionBody] = []
    public var customSections: [(name: Name, range: Range<Int>)] = []
    /// From the `name` custom section, keyed by function index (imports first).
    public var functionNames: [UInt32: String] = [:]

    /// Where each decoded entity starts in `bytes`, so module-level validation errors can point at it.
    struct EntityOffsets {
        var types: [Int] = []
        var imports: [Int] = []
        var functions: [Int] = []
        var tables: [Int] = []
        var memories: [Int] = []
        var exports: [Int] = []
        var tags: [Int] = []
        var start = 0
    }
    var offsets = EntityOffsets()

    /// Index spaces and declared references, built once by module validation for the body validator.
    var context: ValidationContext?

    init(bytes: ModuleBinary, features: WasmFeatures) {
        self.bytes = bytes
        self.features = features
        data = DataSegments(source: bytes)
    }

    public var importedFunctionCount: Int {
        imports.reduce(0) { if case .function = $1.kind { return $0 + 1 } else { return $0 } }
    }
    public var importedTableCount: Int {
        imports.reduce(0) { if case .table = $1.kind { return $0 + 1 } else { return $0 } }
    }
    public var importedMemoryCount: Int {
        imports.reduce(0) { if case .memory = $1.kind { return $0 + 1 } else { return $0 } }
    }
    public var importedGlobalCount: Int {
        imports.reduce(0) { if case .global = $1.kind { return $0 + 1 } else { return $0 } }
    }
    public var importedTagCount: Int {
        imports.reduce(0) { if case .tag = $1.kind { return $0 + 1 } else { return $0 } }
    }

    /// Type index of a function in the spec index space (imports first), or nil if out of range.
    public func typeIndex(ofFunction index: UInt32) -> UInt32? {
        var remaining = Int(index)
        for imp in imports {
            if case .function(let t) = imp.kind {
                if remaining == 0 { return t }
                remaining -= 1
            }
        }
        return remaining < functionTypeIndices.count ? functionTypeIndices[remaining] : nil
    }

    /// The type of a function in the spec index space (imports first). Traps on a bad index:
    /// validated modules only hand out valid indices.
    public func functionType(ofFunction index: UInt32) -> FunctionType {
        if let context { return types[Int(context.functionTypeIndices[Int(index)])] }
        return types[Int(typeIndex(ofFunction: index)!)]
    }

    /// Validates one defined function's body (lazy mode); throws `WasmError`. Returns how many
    /// constant-pushing operators the body has (see `FunctionValidator.constantCount`).
    @discardableResult
    public func validateFunction(_ definedIndex: Int) throws -> Int {
        guard let context else {
            throw WasmError.invalid("module was not validated", at: 0)
        }
        guard definedIndex >= 0 && definedIndex < bodies.count else {
            throw WasmError.invalid("unknown function \(definedIndex)", at: 0)
        }
        return try validateBody(definedIndex, context: context)
    }

    /// Done reading one body (validated and translated): a mapped module file gives its pages back.
    public func releaseBodyPages(_ definedIndex: Int) {
        guard bytes.isMapped, definedIndex >= 0 && definedIndex < bodies.count else { return }
        bytes.releaseResidentPages(around: bodies[definedIndex].code)
    }

    private func validateBody(_ definedIndex: Int, context: ValidationContext) throws(WasmError) -> Int {
        var validator = FunctionValidator(module: self, context: context)
        do {
            try validator.validate(definedIndex: definedIndex)
            return validator.constantCount
        } catch {
            // A body that is also malformed reports that first, as an eager load would.
            if error.phase == .invalid { try BodySyntaxScanner.scan(self, body: bodies[definedIndex]) }
            throw error
        }
    }
}
