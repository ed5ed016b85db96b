/// Decodes the binary format into a `Module` (the "malformed" phase). Function bodies are only sliced:
/// their locals are read, their instructions are left to the validator and the translator.
struct ModuleDecoder {
    var r: ByteReader
    let module: Module
    let features: WasmFeatures
    /// Bytes before this have had their resident pages released (mapped files only).
    private var releasedUpTo = 0

    init(bytes: ModuleBinary, features: WasmFeatures) {
        r = ByteReader(bytes: bytes, range: 0..<bytes.count)
        module = Module(bytes: bytes, features: features)
        self.features = features
    }

    /// Section ids in their required order (data count sits between element and code, tag between
    /// memory and global).
    private static func orderRank(_ id: UInt8) -> Int {
        switch id {
        case 12: return 19
        case 13: return 11
        default: return Int(id) * 2
        }
    }

    mutating func decode() throws(WasmError) -> Module {
        let magic = try readHeaderWord()
        guard magic == 0x6D73_6100 else { throw WasmError.malformed("magic header not detected", at: 0) }
        let version = try readHeaderWord()
        guard version == 1 else { throw WasmError.malformed("unknown binary version", at: 4) }

        var lastRank = 0
        while !r.isAtEnd {
            let idOffset = r.position
            let id = try r.readByte()
            guard id <= 12 || (id == 13 && features.contains(.exceptions)) else {
                throw WasmError.malformed("malformed section id", at: idOffset)
            }
            let size = try r.readLength()
            let sectionEnd = r.position + size
            if id != 0 {
                let rank = ModuleDecoder.orderRank(id)
                guard rank > lastRank else {
                    throw WasmError.malformed("unexpected content after last section", at: idOffset)
                }
                lastRank = rank
            }
            switch id {
            case 0: try decodeCustomSection(end: sectionEnd)
            case 1: try decodeTypeSection()
            case 2: try decodeImportSection()
            case 3: try decodeFunctionSection()
            case 4: try decodeTableSection()
            case 5: try decodeMemorySection()
            case 6: try decodeGlobalSection()
            case 7: try decodeExportSection()
            case 8:
                module.offsets.start = r.position
                module.start = try r.readVarUInt32()
            case 9: try decodeElementSection()
            case 10: try decodeCodeSection()
            case 11: try decodeDataSection()
            case 12: module.dataCount = try r.readVarUInt32()
            case 13: try decodeTagSection()
            default: break
            }
            guard r.position == sectionEnd else {
                throw WasmError.malformed("section size mismatch", at: sectionEnd)
            }
        }
        if module.functionTypeIndices.count != module.bodies.count {
            throw WasmError.malformed("function and code section have inconsistent lengths", at: r.position)
        }
        if let count = module.dataCount, Int(count) != module.data.count {
            throw WasmError.malformed("data count and data section have inconsistent lengths", at: r.position)
        }
        return module
    }

    private mutating func readHeaderWord() throws(WasmError) -> UInt32 {
        guard r.remaining >= 4 else { throw WasmError.malformed("unexpected end", at: r.end) }
        return try r.readUInt32LE()
    }

    // MARK: Sections

    private mutating func decodeCustomSection(end: Int) throws(WasmError) {
        let start = r.position
        let nameLength = try r.readLength()
        guard r.position + nameLength <= end else { throw WasmError.malformed("unexpected end", at: start) }
        r.position = start
        let name = try r.readName()
        let payload = r.position..<end
        module.customSections.append((name: name, range: payload))
        if name.bytes == Array("name".utf8) {
            module.functionNames = NameSection.functionNames(bytes: module.bytes, range: payload)
        }
        r.position = end
    }

    private mutating func decodeTypeSection() throws(WasmError) {
        let count = try r.readCount()
        module.types.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            let at = r.position
            module.offsets.types.append(at)
            let form = try r.readByte()
            guard form == 0x60 else { throw ByteReader.typeCodeError(form, at: at, "malformed function type") }
            let params = try readValueTypes()
            let results = try readValueTypes()
            module.types.append(FunctionType(params: params, results: results))
        }
    }

    private mutating func readValueTypes() throws(WasmError) -> [ValueType] {
        let count = try r.readCount()
        var types = [ValueType]()
        types.reserveCapacity(boundedReservation(count))
        for _ in 0..<count { types.append(try r.readValueType(features: features)) }
        return types
    }

    private mutating func decodeImportSection() throws(WasmError) {
        let count = try r.readCount()
        module.imports.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            module.offsets.imports.append(r.position)
            let moduleName = try r.readName()
            let name = try r.readName()
            let at = r.position
            let kind: ImportKind
            switch try r.readByte() {
            case 0: kind = .function(typeIndex: try r.readVarUInt32())
            case 1: kind = .table(try readTableType())
            case 2: kind = .memory(try readMemoryType())
            case 3: kind = .global(try readGlobalType())
            case 4 where features.contains(.exceptions): kind = .tag(typeIndex: try readTagType())
            default: throw WasmError.malformed("malformed import kind", at: at)
            }
            module.imports.append(Import(module: moduleName, name: name, kind: kind))
        }
    }

    private mutating func decodeFunctionSection() throws(WasmError) {
        let count = try r.readCount()
        module.functionTypeIndices.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            module.offsets.functions.append(r.position)
            module.functionTypeIndices.append(try r.readVarUInt32())
        }
    }

    private mutating func decodeTableSection() throws(WasmError) {
        let count = try r.readCount()
        for _ in 0..<count {
            module.offsets.tables.append(r.position)
            // function-references: `0x40 0x00 tabletype expr` gives the slots an initial value.
            if features.contains(.functionReferences), r.peekByte() == 0x40 {
                r.position += 1
                let at = r.position
                guard try r.readByte() == 0x00 else { throw WasmError.malformed("malformed table type", at: at) }
                module.tables.append(try readTableType())
                module.tableInitializers.append(try readConstExpression())
            } else {
                module.tables.append(try readTableType())
                module.tableInitializers.append(nil)
            }
        }
    }

    private mutating func decodeMemorySection() throws(WasmError) {
        let count = try r.readCount()
        for _ in 0..<count {
            module.offsets.memories.append(r.position)
            module.memories.append(try readMemoryType())
        }
    }

    private mutating func decodeGlobalSection() throws(WasmError) {
        let count = try r.readCount()
        module.globals.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            let type = try readGlobalType()
            module.globals.append(GlobalDefinition(type: type, initializer: try readConstExpression()))
        }
    }

    private mutating func decodeExportSection() throws(WasmError) {
        let count = try r.readCount()
        module.exports.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            module.offsets.exports.append(r.position)
            let name = try r.readName()
            let at = r.position
            guard let kind = ExternalKind(rawValue: try r.readByte()),
                  kind != .tag || features.contains(.exceptions) else {
                throw WasmError.malformed("malformed export kind", at: at)
            }
            module.exports.append(Export(name: name, kind: kind, index: try r.readVarUInt32()))
        }
    }

    private mutating func decodeElementSection() throws(WasmError) {
        let count = try r.readCount()
        module.elements.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            let at = r.position
            let flags = try r.readVarUInt32()
            guard flags <= 7 else { throw WasmError.malformed("malformed elements segment kind", at: at) }
            let isPassiveOrDeclarative = flags & 1 != 0
            let hasTableIndex = flags & 2 != 0
            let usesExpressions = flags & 4 != 0

            var mode: ElementMode
            if isPassiveOrDeclarative {
                mode = hasTableIndex ? .declarative : .passive
            } else {
                let table = hasTableIndex ? try r.readVarUInt32() : 0
                mode = .active(table: table, offset: try readConstExpression())
            }
            // Function indices are never null: with function-references they have type (ref func).
            var type = features.contains(.functionReferences) && !usesExpressions
                ? ValueType.ref(RefType(nullable: false, heapType: .func)) : ValueType.funcRef
            if isPassiveOrDeclarative || hasTableIndex {
                if usesExpressions {
                    type = try r.readReferenceType(features: features)
                } else {
                    let kindAt = r.position
                    guard try r.readByte() == 0x00 else {
                        throw WasmError.malformed("malformed element kind", at: kindAt)
                    }
                }
            }
            let itemCount = try r.readCount()
            var items = [ConstExpression]()
            items.reserveCapacity(boundedReservation(itemCount))
            for _ in 0..<itemCount {
                if usesExpressions {
                    items.append(try readConstExpression())
                } else {
                    let itemAt = r.position
                    let index = try r.readVarUInt32()
                    items.append(ConstExpression(instructions: [.refFunc(index)], offset: itemAt))
                }
            }
            module.elements.append(ElementSegment(type: type, initializers: items, mode: mode))
        }
    }

    private mutating func decodeCodeSection() throws(WasmError) {
        let count = try r.readCount()
        module.bodies.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            let bodyOffset = r.position
            let size = try r.readLength()
            let bodyEnd = r.position + size
            let localCount = try r.readCount()
            var locals = [(count: UInt32, type: ValueType)]()
            locals.reserveCapacity(boundedReservation(localCount))
            var total: UInt64 = 0
            for _ in 0..<localCount {
                let n = try r.readVarUInt32()
                total += UInt64(n)
                guard total <= UInt64(UInt32.max) else {
                    throw WasmError.malformed("too many locals", at: r.position)
                }
                locals.append((count: n, type: try r.readValueType(features: features)))
            }
            guard r.position <= bodyEnd else { throw WasmError.malformed("section size mismatch", at: bodyOffset) }
            module.bodies.append(FunctionBody(localDeclarations: locals, code: r.position..<bodyEnd, offset: bodyOffset))
            r.position = bodyEnd
            releaseBehind()
        }
    }

    /// A mapped file need not be resident all at once: every few MiB, the pages already decoded go.
    private mutating func releaseBehind() {
        let step = 4 << 20
        guard module.bytes.isMapped, r.position - releasedUpTo >= step else { return }
        module.bytes.releaseResidentPages(in: releasedUpTo..<r.position)
        releasedUpTo = r.position
    }

    private mutating func decodeDataSection() throws(WasmError) {
        let count = try r.readCount()
        module.data.reserveCapacity(boundedReservation(count))
        for _ in 0..<count {
            let at = r.position
            let flags = try r.readVarUInt32()
            let mode: DataMode
            switch flags {
            case 0: mode = .active(memory: 0, offset: try readConstExpression())
            case 1: mode = .passive
            case 2:
                let memory = try r.readVarUInt32()
                mode = .active(memory: memory, offset: try readConstExpression())
            default: throw WasmError.malformed("malformed data segment kind", at: at)
            }
            let length = try r.readCount()
            let payload = r.position
            try r.skip(length)
            module.data.append(mode: mode, payload: payload..<r.position)
            releaseBehind()
        }
    }

    // MARK: Types

    private mutating func readLimits() throws(WasmError) -> Limits {
        let at = r.position
        let flags = try r.readByte()
        // memory64 reads every limit as u64 (validation bounds 32-bit ones) and names bad flags.
        let wide = features.contains(.memory64)
        let allowed: UInt8 = wide ? 0x05 : 0x01
        guard flags & ~allowed == 0 else {
            if wide { throw WasmError.malformed("malformed limits flags", at: at) }
            if flags & 0x80 != 0 { throw WasmError.malformed("integer representation too long", at: at) }
            throw WasmError.malformed("integer too large", at: at)
        }
        let is64 = flags & 0x04 != 0
        let min = wide ? try r.readVarUInt64() : UInt64(try r.readVarUInt32())
        var max: UInt64?
        if flags & 0x01 != 0 { max = wide ? try r.readVarUInt64() : UInt64(try r.readVarUInt32()) }
        return Limits(min: min, max: max, is64: is64, shared: false)
    }

    private mutating func readTableType() throws(WasmError) -> TableType {
        let type = try r.readReferenceType(features: features)
        return TableType(elementType: type, limits: try readLimits())
    }

    private mutating func readMemoryType() throws(WasmError) -> MemoryType {
        MemoryType(limits: try readLimits())
    }

    private mutating func readGlobalType() throws(WasmError) -> GlobalType {
        let type = try r.readValueType(features: features)
        let at = r.position
        switch try r.readByte() {
        case 0: return GlobalType(valueType: type, isMutable: false)
        case 1: return GlobalType(valueType: type, isMutable: true)
        default: throw WasmError.malformed("malformed mutability", at: at)
        }
    }

    /// Fast path for the usual one-instruction expression (`i32.const n; end` and friends): Go modules
    /// carry tens of thousands of data segments. Returns nil (position unchanged) for anything else.
    private mutating func readSingleConstant() throws(WasmError) -> ConstInstruction? {
        let start = r.position
        guard let opcode = r.peekByte() else { return nil }
        r.position += 1
        var instruction: ConstInstruction?
        switch opcode {
        case 0x41: instruction = .i32Const(try r.readVarInt32())
        case 0x42: instruction = .i64Const(try r.readVarInt64())
        case 0x23: instruction = .globalGet(try r.readVarUInt32())
        case 0xD2: instruction = .refFunc(try r.readVarUInt32())
        default: break
        }
        if instruction != nil, r.peekByte() == 0x0B {
            r.position += 1
            return instruction
        }
        r.position = start
        return nil
    }

    /// Reads an expression up to its `end`. Instructions outside the constant set are decoded
    /// (they must be well-formed) and remembered, so validation can say "constant expression required".
    private mutating func readConstExpression() throws(WasmError) -> ConstExpression {
        let start = r.position
        if let single = try readSingleConstant() {
            return ConstExpression(instructions: [single], offset: start)
        }
        var ops = OperatorReader(bytes: module.bytes, range: r.position..<r.end, features: features)
        var instructions = [ConstInstruction]()
        var nonConstantOffset: Int?
        var depth = 0
        while true {
            let at = ops.offset
            let op = try ops.next()
            var constant: ConstInstruction?
            switch op {
            case .end:
                if depth == 0 {
                    r.position = ops.offset
                    return ConstExpression(instructions: instructions, offset: start, nonConstantOffset: nonConstantOffset)
                }
                depth -= 1
            case .block, .loop, .if, .tryTable: depth += 1
            case .i32Const(let v): constant = .i32Const(v)
            case .i64Const(let v): constant = .i64Const(v)
            case .f32Const(let v): constant = .f32Const(v)
            case .f64Const(let v): constant = .f64Const(v)
            case .refNull(let t): constant = .refNull(t)
            case .refFunc(let f): constant = .refFunc(f)
            case .globalGet(let g): constant = .globalGet(g)
            case .v128Const(let v): constant = .v128Const(v)
            case .i32Add where features.contains(.extendedConst): constant = .i32Add
            case .i32Sub where features.contains(.extendedConst): constant = .i32Sub
            case .i32Mul where features.contains(.extendedConst): constant = .i32Mul
            case .i64Add where features.contains(.extendedConst): constant = .i64Add
            case .i64Sub where features.contains(.extendedConst): constant = .i64Sub
            case .i64Mul where features.contains(.extendedConst): constant = .i64Mul
            default: break
            }
            if let constant, depth == 0 {
                instructions.append(constant)
            } else if nonConstantOffset == nil && !(op == .end) {
                nonConstantOffset = at
            }
        }
    }
}

/// Parses and validates a module. With `validateBodies`, every function body is validated too.
public func parseModule(_ bytes: [UInt8], options: ParseOptions = .init()) throws -> Module {
    try parseModule(ModuleBinary(bytes), options: options)
}

/// Parses and validates a module held by `bytes` (for instance a mapped file, see `ModuleBinary`). The
/// pages read while decoding are released afterwards.
public func parseModule(_ bytes: ModuleBinary, options: ParseOptions = .init()) throws -> Module {
    defer { bytes.releaseResidentPages() }
    var decoder = ModuleDecoder(bytes: bytes, features: options.features)
    let module: Module
    do {
        module = try decoder.decode()
    } catch {
        // The reference decoder reads bodies in place, so a broken body is reported before anything after it.
        if options.validateBodies { try BodySyntaxScanner.scan(decoder.module, from: 0) }
        throw error
    }
    var validator = ModuleValidator(module: module)
    try validator.validate(bodies: options.validateBodies)
    return module
}
