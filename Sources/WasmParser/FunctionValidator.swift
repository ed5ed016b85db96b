/// Type-checks one function body with the spec's operand-stack algorithm (control frames,
/// polymorphic stack after unconditional branches). Reusable across bodies to keep its buffers.
struct FunctionValidator {
    struct Frame {
        enum Kind { case block, loop, `if`, `else`, function }
        var kind: Kind
        var params: TypeSpan
        var results: TypeSpan
        var height: Int
        var unreachable: Bool
        /// LocalInitialization mark at entry: locals set inside are unset again at `else`/`end`.
        var initMark: Int = 0
        var labelTypes: TypeSpan { kind == .loop ? params : results }
    }

    let module: Module
    let context: ValidationContext
    /// The context's pool plus typed reference block types, appended on first use.
    private(set) var typePool: [ValueType]
    private var referenceSpans: [ValueType: TypeSpan] = [:]
    /// Operand types; nil is the "unknown" type produced by a polymorphic stack.
    private var stack = OperandStack()
    private var frames: [Frame] = []
    private var locals = LocalTypes()
    var localInit = LocalInitialization()
    /// Constant-pushing operators in the last body validated: a translator sizes its constant area by it
    /// without decoding the body once more.
    private(set) var constantCount = 0

    init(module: Module, context: ValidationContext) {
        self.module = module
        self.context = context
        self.typePool = context.typePool
    }

    mutating func validate(definedIndex: Int) throws(WasmError) {
        let body = module.bodies[definedIndex]
        let functionIndex = context.functionTypeIndices.count - module.bodies.count + definedIndex
        let typeIndex = Int(context.functionTypeIndices[functionIndex])
        locals.reset(params: context.types[typeIndex].params, declarations: body.localDeclarations)
        localInit.reset(params: context.types[typeIndex].params, declarations: body.localDeclarations)
        for d in body.localDeclarations where !context.isKnown(d.type) {
            throw WasmError.invalid("unknown type", at: body.offset)
        }
        stack.truncate(to: 0)
        frames.removeAll(keepingCapacity: true)
        constantCount = 0
        frames.append(Frame(kind: .function, params: .empty, results: context.typeSpans[typeIndex].results,
                            height: 0, unreachable: false))

        // Read on past the declared size like the reference decoder; the size is checked at the final `end`.
        var reader = OperatorReader(bytes: module.bytes, range: body.code.lowerBound..<module.bytes.count,
                                    features: module.features)
        let bytes = module.bytes
        let signatures = NumericOpcodeTable.codes
        while true {
            let at = reader.offset
            // Fast path: immediate-free numeric opcodes are typed straight from the byte.
            if at < bytes.count {
                let opcode = bytes[at]
                if opcode >= NumericOpcodeTable.first && opcode <= NumericOpcodeTable.last {
                    let signature = signatures[Int(opcode &- NumericOpcodeTable.first)]
                    if signature.operand2 != .unknown { try pop(code: signature.operand2, at: at) }
                    try pop(code: signature.operand1, at: at)
                    stack.push(code: signature.result)
                    reader.reader.position = at + 1
                    continue
                }
                if try applyCommon(opcode, reader: &reader, at: at) { continue }
            }
            let op = try reader.next()
            if op.pushesConstant { constantCount += 1 }
            try apply(op, at: at)
            if frames.isEmpty {
                try BodySyntaxScanner.checkBodyEnd(reader.offset, body: body)
                return
            }
        }
    }

    /// Byte-level fast path for the most frequent operators with immediates (locals, globals,
    /// constants, loads and stores), skipping the `Operator` value. Returns false to take the general path.
    @inline(__always)
    private mutating func applyCommon(_ opcode: UInt8, reader: inout OperatorReader, at: Int) throws(WasmError) -> Bool {
        switch opcode {
        case 0x20:
            reader.reader.position = at + 1
            stack.push(code: try readLocal(try reader.reader.readVarUInt32(), at: at))
        case 0x21:
            reader.reader.position = at + 1
            try pop(code: try writeLocal(try reader.reader.readVarUInt32(), at: at), at: at)
        case 0x22:
            reader.reader.position = at + 1
            let t = try writeLocal(try reader.reader.readVarUInt32(), at: at)
            try pop(code: t, at: at)
            stack.push(code: t)
        case 0x23:
            reader.reader.position = at + 1
            push(try global(try reader.reader.readVarUInt32(), at: at).valueType)
        case 0x41:
            reader.reader.position = at + 1
            _ = try reader.reader.readVarInt32()
            constantCount += 1
            stack.push(code: .i32)
        case 0x42:
            reader.reader.position = at + 1
            _ = try reader.reader.readVarInt64()
            constantCount += 1
            stack.push(code: .i64)
        case 0x28...0x3E:
            reader.reader.position = at + 1
            let arg = try reader.readMemArg()
            try memory(arg.memory, at: at)
            guard arg.align <= OperatorReader.naturalAlignmentLog2(opcode) else {
                throw WasmError.invalid("alignment must not be larger than natural", at: at)
            }
            let address = addressType(arg.memory)
            if address == .i32 && arg.offset > UInt64(UInt32.max) {
                throw WasmError.invalid("offset out of range", at: at)
            }
            let type = OperandCode(OperatorReader.memoryValueType(opcode))
            let addressCode: OperandCode = address == .i32 ? .i32 : .i64
            if opcode >= 0x36 {
                try pop(code: type, at: at)
                try pop(code: addressCode, at: at)
            } else {
                try pop(code: addressCode, at: at)
                stack.push(code: type)
            }
        default:
            return false
        }
        return true
    }

    // MARK: Stack primitives

    mutating func mismatch(_ at: Int) -> WasmError { WasmError.invalid("type mismatch", at: at) }

    @inline(__always)
    mutating func push(_ t: ValueType?) { stack.push(t) }

    mutating func popAny(at: Int) throws(WasmError) -> ValueType? { try pop(at: at) }

    @inline(__always)
    private mutating func pop(at: Int) throws(WasmError) -> ValueType? {
        let frame = frames.count - 1
        if stack.count == frames[frame].height {
            if frames[frame].unreachable { return nil }
            throw WasmError.invalid("type mismatch: expected an operand, the stack is empty", at: at)
        }
        return stack.pop()
    }

    @inline(__always)
    mutating func pop(_ expected: ValueType, at: Int) throws(WasmError) { try pop(code: OperandCode(expected), at: at) }

    /// Fast path: the top is exactly the expected type (one integer comparison); everything else —
    /// empty or polymorphic stack, reference subtyping, errors — goes to `popUnlikely`, kept out of line.
    @inline(__always)
    mutating func pop(code expected: OperandCode, at: Int) throws(WasmError) {
        let top = stack.count &- 1
        if top >= frames[frames.count &- 1].height && stack.code(at: top) == expected {
            stack.truncate(to: top)
            return
        }
        try popUnlikely(expected, at: at)
    }

    @inline(never)
    private mutating func popUnlikely(_ code: OperandCode, at: Int) throws(WasmError) {
        let expected = code.valueType!
        let frame = frames.count - 1
        if stack.count == frames[frame].height {
            if frames[frame].unreachable { return }
            throw WasmError.invalid("type mismatch: expected \(expected), the stack is empty", at: at)
        }
        guard let actual = stack.pop() else { return }
        if !context.isSubtype(actual, expected) {
            throw WasmError.invalid("type mismatch: expected \(expected), found \(actual)", at: at)
        }
    }

    /// Differing codes can still match when both are references.
    @inline(never)
    private func checkSubtype(_ actual: OperandCode, _ expected: ValueType, at: Int) throws(WasmError) {
        let actual = actual.valueType!
        if !context.isSubtype(actual, expected) {
            throw WasmError.invalid("type mismatch: expected \(expected), found \(actual)", at: at)
        }
    }

    /// A block, branch target or function ending with operands beyond its results.
    func leftovers(_ count: Int, at: Int) -> WasmError {
        WasmError.invalid("type mismatch: \(count) extra value(s) left on the stack at the end of the block", at: at)
    }

    mutating func pop(_ types: TypeSpan, at: Int) throws(WasmError) {
        var i = Int(types.start + types.count) - 1
        let first = Int(types.start)
        while i >= first {
            try pop(typePool[i], at: at)
            i -= 1
        }
    }

    mutating func push(_ types: TypeSpan) {
        let start = Int(types.start)
        for i in start..<start + Int(types.count) { stack.push(typePool[i]) }
    }

    private mutating func sameTypes(_ a: TypeSpan, _ b: TypeSpan) -> Bool {
        guard a.count == b.count else { return false }
        if a.start == b.start { return true }
        for i in 0..<Int(a.count)
        where !context.isSubtype(typePool[Int(a.start) + i], typePool[Int(b.start) + i]) { return false }
        return true
    }

    /// A span holding the single type `t`, appended to this validator's pool on first use.
    mutating func referenceSpan(_ t: ValueType) -> TypeSpan {
        if let span = referenceSpans[t] { return span }
        let span = TypeSpan(start: Int32(typePool.count), count: 1)
        typePool.append(t)
        referenceSpans[t] = span
        return span
    }

    mutating func push(_ types: [ValueType]) {
        for t in types { stack.push(t) }
    }

    mutating func pop(_ types: [ValueType], at: Int) throws(WasmError) {
        var i = types.count - 1
        while i >= 0 {
            try pop(types[i], at: at)
            i -= 1
        }
    }

    mutating func markUnreachable() {
        let frame = frames.count - 1
        stack.truncate(to: frames[frame].height)
        frames[frame].unreachable = true
    }

    mutating func label(_ depth: UInt32, at: Int) throws(WasmError) -> TypeSpan {
        guard Int(depth) < frames.count else { throw WasmError.invalid("unknown label", at: at) }
        return frames[frames.count - 1 - Int(depth)].labelTypes
    }

    /// Checks that the top of the stack fits `types` without changing it (br_table targets).
    private mutating func peek(_ types: TypeSpan, at: Int) throws(WasmError) {
        let frame = frames[frames.count - 1]
        let n = Int(types.count)
        for k in 0..<n {
            let index = stack.count - 1 - k
            if index >= frame.height {
                let expected = typePool[Int(types.start) + n - 1 - k]
                let actual = stack.code(at: index)
                if actual != OperandCode(expected) && actual != .unknown {
                    try checkSubtype(actual, expected, at: at)
                }
            } else if !frame.unreachable {
                throw mismatch(at)
            }
        }
    }

    private mutating func blockSignature(_ type: BlockType, at: Int) throws(WasmError) -> (TypeSpan, TypeSpan) {
        switch type {
        case .empty: return (.empty, .empty)
        case .value(let t): return (.empty, try span(of: t, at: at))
        case .typeIndex(let index):
            guard Int(index) < context.types.count else { throw WasmError.invalid("unknown type", at: at) }
            let spans = context.typeSpans[Int(index)]
            return (spans.params, spans.results)
        }
    }

    mutating func pushFrame(_ kind: Frame.Kind, _ type: BlockType, at: Int) throws(WasmError) {
        let (params, results) = try blockSignature(type, at: at)
        try pop(params, at: at)
        frames.append(Frame(kind: kind, params: params, results: results, height: stack.count, unreachable: false,
                            initMark: localInit.mark))
        push(params)
    }

    /// A tail call returns the callee's results as the caller's own: they must match exactly.
    mutating func checkTailCallResults(_ callee: FunctionType, at: Int) throws(WasmError) {
        let own = frames[0].results
        guard Int(own.count) == callee.results.count else { throw mismatch(at) }
        for (i, t) in callee.results.enumerated() where !context.isSubtype(t, typePool[Int(own.start) + i]) {
            throw mismatch(at)
        }
    }

    // MARK: Index-space lookups

    mutating func memory(_ index: UInt32, at: Int) throws(WasmError) {
        guard Int(index) < context.memories.count else { throw WasmError.invalid("unknown memory \(index)", at: at) }
    }

    mutating func table(_ index: UInt32, at: Int) throws(WasmError) -> TableType {
        guard Int(index) < context.tables.count else { throw WasmError.invalid("unknown table \(index)", at: at) }
        return context.tables[Int(index)]
    }

    private mutating func element(_ index: UInt32, at: Int) throws(WasmError) -> ValueType {
        guard Int(index) < context.elementTypes.count else {
            throw WasmError.invalid("unknown elem segment \(index)", at: at)
        }
        return context.elementTypes[Int(index)]
    }

    private mutating func dataSegment(_ index: UInt32, at: Int) throws(WasmError) {
        guard let count = context.dataCount else {
            throw WasmError.malformed("data count section required", at: at)
        }
        guard index < count else { throw WasmError.invalid("unknown data segment \(index)", at: at) }
    }

    private mutating func global(_ index: UInt32, at: Int) throws(WasmError) -> GlobalType {
        guard Int(index) < context.globals.count else { throw WasmError.invalid("unknown global \(index)", at: at) }
        return context.globals[Int(index)]
    }

    @inline(__always)
    private mutating func local(_ index: UInt32, at: Int) throws(WasmError) -> OperandCode {
        let t = locals.code(at: index)
        if t == .unknown { throw WasmError.invalid("unknown local \(index)", at: at) }
        return t
    }

    /// `local.get`: a non-null reference local must have been set on this path first.
    @inline(__always)
    private mutating func readLocal(_ index: UInt32, at: Int) throws(WasmError) -> OperandCode {
        let t = try local(index, at: at)
        if localInit.isTracking && !t.isDefaultable && !localInit.isInitialized(index, type: t.valueType!) {
            throw WasmError.invalid("uninitialized local \(index)", at: at)
        }
        return t
    }

    /// `local.set` / `local.tee`: marks the local initialized.
    @inline(__always)
    private mutating func writeLocal(_ index: UInt32, at: Int) throws(WasmError) -> OperandCode {
        let t = try local(index, at: at)
        if localInit.isTracking && !t.isDefaultable { localInit.initialize(index, type: t.valueType!) }
        return t
    }

    mutating func tableIndexType(_ table: TableType) -> ValueType { table.limits.is64 ? .i64 : .i32 }

    /// The narrower of two index types (lengths in copies between mixed 32/64-bit spaces).
    private func narrower(_ a: ValueType, _ b: ValueType) -> ValueType { a == .i32 || b == .i32 ? .i32 : .i64 }

    mutating func addressType(_ memoryIndex: UInt32) -> ValueType {
        Int(memoryIndex) < context.memories.count && context.memories[Int(memoryIndex)].limits.is64 ? .i64 : .i32
    }

    // MARK: Operators

    private mutating func apply(_ op: Operator, at: Int) throws(WasmError) {
        switch op {
        case .unreachable:
            markUnreachable()
        case .nop:
            break
        case .block(let t):
            try pushFrame(.block, t, at: at)
        case .loop(let t):
            try pushFrame(.loop, t, at: at)
        case .if(let t):
            _ = try blockSignature(t, at: at)  // an unknown block type is reported before the operands
            try pop(.i32, at: at)
            try pushFrame(.if, t, at: at)
        case .else:
            let frame = frames[frames.count - 1]
            guard frame.kind == .if else { throw WasmError.malformed("END opcode expected", at: at) }
            try pop(frame.results, at: at)
            guard stack.count == frame.height else { throw leftovers(stack.count - frame.height, at: at) }
            frames[frames.count - 1].kind = .else
            frames[frames.count - 1].unreachable = false
            localInit.undo(to: frame.initMark)
            push(frame.params)
        case .end:
            let frame = frames[frames.count - 1]
            try pop(frame.results, at: at)
            guard stack.count == frame.height else { throw leftovers(stack.count - frame.height, at: at) }
            if frame.kind == .if && !sameTypes(frame.params, frame.results) { throw mismatch(at) }
            frames.removeLast()
            localInit.undo(to: frame.initMark)
            push(frame.results)
        case .br(let depth):
            try pop(try label(depth, at: at), at: at)
            markUnreachable()
        case .brIf(let depth):
            try pop(.i32, at: at)
            let types = try label(depth, at: at)
            try pop(types, at: at)
            push(types)
        case .brTable(let targets, let defaultTarget):
            try pop(.i32, at: at)
            let defaultTypes = try label(defaultTarget, at: at)
            for target in targets {
                let types = try label(target, at: at)
                guard types.count == defaultTypes.count else { throw mismatch(at) }
                try peek(types, at: at)
            }
            try pop(defaultTypes, at: at)
            markUnreachable()
        case .return:
            try pop(frames[0].results, at: at)
            markUnreachable()
        case .call(let index):
            guard let type = context.functionType(index) else {
                throw WasmError.invalid("unknown function \(index)", at: at)
            }
            try pop(type.params, at: at)
            push(type.results)
        case .callIndirect(let typeIndex, let tableIndex):
            let table = try table(tableIndex, at: at)
            guard context.isSubtype(table.elementType, .funcRef) else { throw mismatch(at) }
            guard Int(typeIndex) < context.types.count else {
                throw WasmError.invalid("unknown type \(typeIndex)", at: at)
            }
            let type = context.types[Int(typeIndex)]
            try pop(tableIndexType(table), at: at)
            try pop(type.params, at: at)
            push(type.results)
        case .drop:
            _ = try pop(at: at)
        case .select:
            try pop(.i32, at: at)
            let t1 = try pop(at: at)
            let t2 = try pop(at: at)
            if let t1, !(t1.isNumeric || t1 == .v128) { throw mismatch(at) }
            if let t2, !(t2.isNumeric || t2 == .v128) { throw mismatch(at) }
            if let t1, let t2, t1 != t2 { throw mismatch(at) }
            push(t1 ?? t2)
        case .localGet(let index):
            stack.push(code: try readLocal(index, at: at))
        case .localSet(let index):
            try pop(code: try writeLocal(index, at: at), at: at)
        case .localTee(let index):
            let t = try writeLocal(index, at: at)
            try pop(code: t, at: at)
            stack.push(code: t)
        case .globalGet(let index):
            push(try global(index, at: at).valueType)
        case .globalSet(let index):
            let g = try global(index, at: at)
            guard g.isMutable else { throw WasmError.invalid("global is immutable", at: at) }
            try pop(g.valueType, at: at)
        case .memorySize(let index):
            try memory(index, at: at)
            push(addressType(index))
        case .memoryGrow(let index):
            try memory(index, at: at)
            let a = addressType(index)
            try pop(a, at: at)
            push(a)
        case .i32Const: push(.i32)
        case .i64Const: push(.i64)
        case .f32Const: push(.f32)
        case .f64Const: push(.f64)
        default:
            try applyLessCommon(op, at: at)
        }
    }

    /// Tables, references, bulk memory, tail calls and typed select: split from `apply` so the frequent
    /// path stays small (unoptimized builds zero every local of a function on each call).
    private mutating func applyLessCommon(_ op: Operator, at: Int) throws(WasmError) {
        switch op {
        case .returnCall(let index):
            guard let type = context.functionType(index) else {
                throw WasmError.invalid("unknown function \(index)", at: at)
            }
            try checkTailCallResults(type, at: at)
            try pop(type.params, at: at)
            markUnreachable()
        case .returnCallIndirect(let typeIndex, let tableIndex):
            let table = try table(tableIndex, at: at)
            guard context.isSubtype(table.elementType, .funcRef) else { throw mismatch(at) }
            guard Int(typeIndex) < context.types.count else {
                throw WasmError.invalid("unknown type \(typeIndex)", at: at)
            }
            let type = context.types[Int(typeIndex)]
            try checkTailCallResults(type, at: at)
            try pop(tableIndexType(table), at: at)
            try pop(type.params, at: at)
            markUnreachable()
        case .typedSelect(let t):
            guard context.isKnown(t) else { throw WasmError.invalid("unknown type", at: at) }
            try pop(.i32, at: at)
            try pop(t, at: at)
            try pop(t, at: at)
            push(t)
        case .tableGet(let index):
            let t = try table(index, at: at)
            try pop(tableIndexType(t), at: at)
            push(t.elementType)
        case .tableSet(let index):
            let t = try table(index, at: at)
            try pop(t.elementType, at: at)
            try pop(tableIndexType(t), at: at)
        case .refNull(let t):
            guard context.isKnown(t) else { throw WasmError.invalid("unknown type", at: at) }
            push(t)
        case .refIsNull:
            if let t = try pop(at: at), !t.isReference { throw mismatch(at) }
            push(.i32)
        case .refFunc(let index):
            guard Int(index) < context.functionTypeIndices.count else {
                throw WasmError.invalid("unknown function \(index)", at: at)
            }
            guard context.declaredFunctions.contains(index) else {
                throw WasmError.invalid("undeclared function reference", at: at)
            }
            push(.ref(RefType(nullable: false, heapType: .concrete(context.functionTypeIndices[Int(index)]))))
        case .memoryInit(let data, let memoryIndex):
            try memory(memoryIndex, at: at)
            try dataSegment(data, at: at)
            try pop(.i32, at: at)
            try pop(.i32, at: at)
            try pop(addressType(memoryIndex), at: at)
        case .dataDrop(let data):
            try dataSegment(data, at: at)
        case .memoryCopy(let destination, let source):
            try memory(destination, at: at)
            try memory(source, at: at)
            let d = addressType(destination), s = addressType(source)
            try pop(narrower(d, s), at: at)
            try pop(s, at: at)
            try pop(d, at: at)
        case .memoryFill(let index):
            try memory(index, at: at)
            let a = addressType(index)
            try pop(a, at: at)
            try pop(.i32, at: at)
            try pop(a, at: at)
        case .tableInit(let elementIndex, let tableIndex):
            let t = try table(tableIndex, at: at)
            let e = try element(elementIndex, at: at)
            guard context.isSubtype(e, t.elementType) else { throw mismatch(at) }
            try pop(.i32, at: at)
            try pop(.i32, at: at)
            try pop(tableIndexType(t), at: at)
        case .elemDrop(let elementIndex):
            _ = try element(elementIndex, at: at)
        case .tableCopy(let destination, let source):
            let d = try table(destination, at: at)
            let s = try table(source, at: at)
            guard context.isSubtype(s.elementType, d.elementType) else { throw mismatch(at) }
            let di = tableIndexType(d), si = tableIndexType(s)
            try pop(narrower(di, si), at: at)
            try pop(si, at: at)
            try pop(di, at: at)
        case .tableGrow(let index):
            let t = try table(index, at: at)
            let indexType = tableIndexType(t)
            try pop(indexType, at: at)
            try pop(t.elementType, at: at)
            push(indexType)
        case .tableSize(let index):
            push(tableIndexType(try table(index, at: at)))
        case .tableFill(let index):
            let t = try table(index, at: at)
            let indexType = tableIndexType(t)
            try pop(indexType, at: at)
            try pop(t.elementType, at: at)
            try pop(indexType, at: at)
        case .v128Const, .i8x16Shuffle, .simd, .simdMemory, .simdLane, .simdMemoryLane:
            try applySIMD(op, at: at)
        case .throw, .throwRef, .tryTable:
            try applyException(op, at: at)
        case .callRef, .returnCallRef, .refAsNonNull, .brOnNull, .brOnNonNull:
            try applyFunctionReferences(op, at: at)
        default:
            if let signature = op.numericSignature {
                if let second = signature.operand2 { try pop(second, at: at) }
                try pop(signature.operand1, at: at)
                push(signature.result)
            } else if let access = op.memoryAccess {
                try memory(access.arg.memory, at: at)
                guard access.arg.align <= access.naturalAlignLog2 else {
                    throw WasmError.invalid("alignment must not be larger than natural", at: at)
                }
                let address = addressType(access.arg.memory)
                if address == .i32 && access.arg.offset > UInt64(UInt32.max) {
                    throw WasmError.invalid("offset out of range", at: at)
                }
                if access.isStore {
                    try pop(access.type, at: at)
                    try pop(address, at: at)
                } else {
                    try pop(address, at: at)
                    push(access.type)
                }
            } else {
                preconditionFailure("operator without a validation rule: \(op)")
            }
        }
    }
}

extension Operator {
    /// `*.const`, `ref.null`, `ref.func`: the operators a translator may give a constant slot.
    var pushesConstant: Bool {
        switch self {
        case .i32Const, .i64Const, .f32Const, .f64Const, .refNull, .refFunc, .v128Const: return true
        default: return false
        }
    }
}
