import WasmParser

/// Translates one validated function body to register code (see `Instruction`).
///
/// Keeps a compile-time operand stack whose entries are slots: a local (`local.get` emits nothing), a
/// constant (`*.const` emits nothing; it gets a slot in the frame's constant area only when an instruction
/// needs it as a slot, see `pop`, else it becomes an immediate or a `constant` write) or the temporary slot
/// fixed to the entry's stack position. Locals aliased on the stack are copied out before they are overwritten, and a
/// `local.set` right after the producing instruction retargets that instruction instead of copying.
struct Translator {
    enum Kind { case local, constant, temp }
    /// A constant's `slot` is -1 until `pop`/`slot(at:)` gives it one; `bits` is its cell.
    struct Operand {
        var slot: Int32
        var kind: Kind
        var bits: UInt64 = 0
    }

    struct Control {
        enum Kind { case function, block, loop, ifThen, ifElse }
        var kind: Kind
        var paramCount: Int
        var resultCount: Int
        /// Operand stack height below the block's parameters.
        var height: Int
        var loopTarget: Int = 0
        var fixups: [Fixup] = []
        var elseFixup: Int?
        var unreachable = false
        var labelArity: Int { kind == .loop ? paramCount : resultCount }
    }

    enum Fixup { case instruction(Int), aux(Int) }

    let module: Module
    let instance: InstanceEntity
    let store: Store
    let type: FunctionType
    let definedIndex: Int

    var code: [Instruction] = []
    var aux: [Int32] = []
    var consts: [UInt64] = []
    var constSlots: [UInt64: Int32] = [:]
    let localCount: Int
    let constBase: Int
    let tempBase: Int
    var maxHeight = 0
    var stack: [Operand] = []
    var frames: [Control] = []
    /// Index and result slot of the last emitted instruction, if it produced the top temporary.
    var lastProducer: (index: Int, slot: Int32)?
    /// The highest code index a branch may land on so far: nothing before it is fused with it (LoopStepFusion).
    var labelFloor = 0
    /// Emit per-block fuel charges (only when the store meters fuel at translation time; loop headers
    /// and calls are charged regardless).
    let meterFuel: Bool
    var fuelIndex: Int?
    var fuelCount: UInt32 = 0
    /// Nesting depth of blocks opened inside unreachable code (skipped).
    var deadDepth = 0
    /// try_table bookkeeping (Proposals/ExceptionTranslation.swift).
    var openTryTables: [OpenTryTable] = []
    var catchRegions: [CatchRegion] = []
    /// Code indexes of `dispatchJump`s, resolved once every label is placed (GoDispatchJump.swift).
    var dispatchJumps: [Int] = []

    /// `constantCount`: the body's constant-pushing operators, as validation counted them (an upper bound
    /// for the constant area, known before the first temporary slot is handed out).
    init(module: Module, instance: InstanceEntity, store: Store, definedIndex: Int, constantCount: Int) throws {
        self.module = module
        self.instance = instance
        self.store = store
        self.definedIndex = definedIndex
        meterFuel = store.configuration.fuel != nil
        type = module.types[Int(module.functionTypeIndices[definedIndex])]
        let body = module.bodies[definedIndex]
        var count = type.params.count
        for d in body.localDeclarations {
            count += Int(d.count)
        }
        localCount = count
        constBase = count
        tempBase = count + constantCount
        guard tempBase < Int(Int32.max / 2) else { throw Trap(.host, "function \(definedIndex) has too many locals") }
    }

    mutating func translate() throws -> CompiledFunction {
        let body = module.bodies[definedIndex]
        var reader = OperatorReader(bytes: module.bytes, range: body.code, features: module.features)
        frames.append(Control(kind: .function, paramCount: 0, resultCount: type.results.count, height: 0))
        startFuelBlock()
        while !reader.isAtEnd && !frames.isEmpty {
            let op = try reader.next()
            if frames[frames.count - 1].unreachable {
                skipDead(op)
                continue
            }
            try translate(op)
        }
        flushFuel()
        resolveDispatchJumps()
        padByteTables()
        fuseGoSequences()
        fuseByteCodeFetches()
        fusePairs()
        let frameSize = max(tempBase + maxHeight, type.results.count, type.params.count, 1)
        let compiled = CompiledFunction(code: code, aux: aux, consts: consts, paramCount: type.params.count,
                                        localCount: localCount, frameSize: frameSize)
        compiled.catchRegions = catchRegions
        return compiled
    }

    /// In unreachable code only block structure matters.
    mutating func skipDead(_ op: Operator) {
        switch op {
        case .block, .loop, .if, .tryTable: deadDepth += 1
        case .else: if deadDepth == 0 { elseOp() }
        case .end: if deadDepth > 0 { deadDepth -= 1 } else { endOp() }
        default: break
        }
    }

    // MARK: Emission

    @discardableResult
    mutating func emit(_ i: Instruction) -> Int {
        code.append(i)
        fuelCount &+= 1
        lastProducer = nil
        return code.count - 1
    }

    mutating func startFuelBlock() {
        flushFuel()
        guard meterFuel else { return }
        fuelIndex = emit(.consumeFuel(0))
        fuelCount = 0
    }

    mutating func flushFuel() {
        guard let i = fuelIndex else { return }
        switch code[i] {
        case .loopHeader: code[i] = .loopHeader(fuelCount)
        default: code[i] = .consumeFuel(fuelCount)
        }
        fuelIndex = nil
    }

    /// The next code index, taken as a branch target (so it becomes the label floor).
    var here: Int32 {
        mutating get {
            labelFloor = code.count
            return Int32(code.count)
        }
    }

    func tempSlot(_ position: Int) -> Int32 { Int32(tempBase + position) }

    /// The top operand, as a slot (a constant gets its constant-area slot).
    mutating func pop() -> Operand {
        var o = stack.removeLast()
        if o.kind == .constant && o.slot < 0 { o.slot = constantSlot(o.bits) }
        return o
    }

    /// The top operand as it is: a constant may have no slot yet (use `bits`).
    mutating func popOperand() -> Operand { stack.removeLast() }

    /// The slot of the stack entry at `position`, giving a constant its constant-area slot.
    mutating func slot(at position: Int) -> Int32 {
        if stack[position].kind == .constant && stack[position].slot < 0 {
            stack[position].slot = constantSlot(stack[position].bits)
        }
        return stack[position].slot
    }

    /// Writes `value` to `slot`: a copy, or for a constant an immediate write.
    mutating func emitMove(to slot: Int32, _ value: Operand) {
        if value.kind == .constant {
            emit(.constant(slot, UInt32(truncatingIfNeeded: value.bits), UInt32(truncatingIfNeeded: value.bits >> 32)))
        } else if value.slot != slot {
            emitCopy(slot, value.slot)
        }
    }

    mutating func pushTemp() {
        stack.append(Operand(slot: tempSlot(stack.count), kind: .temp))
        maxHeight = max(maxHeight, stack.count)
    }

    mutating func pushConstant(_ bits: UInt64) {
        stack.append(Operand(slot: -1, kind: .constant, bits: bits))
    }

    /// The constant-area slot holding `bits` (one per distinct value), copied into every frame on entry.
    mutating func constantSlot(_ bits: UInt64) -> Int32 {
        if let s = constSlots[bits] { return s }
        let slot = Int32(constBase + consts.count)
        consts.append(bits)
        constSlots[bits] = slot
        return slot
    }

    /// Emits an instruction whose result goes to the next stack position, and pushes that result.
    mutating func produce(_ make: (Int32) -> Instruction) {
        let d = tempSlot(stack.count)
        let index = emit(make(d))
        pushTemp()
        lastProducer = (index, d)
    }

    mutating func emitUnary(_ make: (Int32, Int32) -> Instruction) {
        let a = pop()
        produce { make($0, a.slot) }
    }

    mutating func emitBinary(_ make: (Int32, Int32, Int32) -> Instruction) {
        let b = pop(), a = pop()
        produce { make($0, a.slot, b.slot) }
    }

    /// Moves the stack entry at `position` into its temporary slot.
    mutating func materialize(_ position: Int) {
        let entry = stack[position]
        guard entry.kind != .temp else { return }
        emitMove(to: tempSlot(position), entry)
        stack[position] = Operand(slot: tempSlot(position), kind: .temp)
    }

    /// Before a block: locals aliased on the stack get copied, so a later preserve never depends on the path taken.
    mutating func materializeLocals() {
        for p in 0..<stack.count where stack[p].kind == .local { materialize(p) }
    }

    /// Copies out stack aliases of `local` before it is overwritten; returns whether anything was emitted.
    mutating func preserve(local: Int32) -> Bool {
        var emitted = false
        for p in 0..<stack.count where stack[p].kind == .local && stack[p].slot == local {
            materialize(p)
            emitted = true
        }
        return emitted
    }

    mutating func setLocal(_ local: Int32, _ value: Operand) {
        let producer = lastProducer
        let preserved = preserve(local: local)
        if !preserved, value.kind == .temp, let producer, producer.index == code.count - 1,
           producer.slot == value.slot, let retargeted = code[producer.index].withResult(local) {
            code[producer.index] = retargeted
            lastProducer = nil
            return
        }
        emitMove(to: local, value)
    }

    // MARK: Control flow

    mutating func blockSignature(_ t: BlockType) -> (params: Int, results: Int) {
        switch t {
        case .empty: return (0, 0)
        case .value: return (0, 1)
        case .typeIndex(let i):
            let ft = module.types[Int(i)]
            return (ft.params.count, ft.results.count)
        }
    }

    mutating func markUnreachable() {
        frames[frames.count - 1].unreachable = true
    }

    /// Copies the top `arity` operands into the label slots of `frame` (ascending order is safe: every
    /// source sits at or above its destination position).
    mutating func copyToLabel(_ frame: Control) { copyTop(frame.labelArity, toHeight: frame.height) }

    mutating func copyTop(_ arity: Int, toHeight height: Int) {
        for i in 0..<arity { emitMove(to: tempSlot(height + i), stack[stack.count - arity + i]) }
    }

    func labelNeedsCopies(_ frame: Control) -> Bool {
        let arity = frame.labelArity
        for i in 0..<arity where stack[stack.count - arity + i].slot != tempSlot(frame.height + i) { return true }
        return false
    }

    mutating func addFixup(depth: Int, _ fixup: Fixup) {
        frames[frames.count - 1 - depth].fixups.append(fixup)
    }

    /// Unconditional branch to the label `depth` levels out.
    mutating func branch(depth: Int) {
        let frame = frames[frames.count - 1 - depth]
        if frame.kind == .function { emitReturn(); return }
        copyToLabel(frame)
        if frame.kind == .loop {
            if !fuseDispatchJump(loop: Int32(frame.loopTarget)) { _ = fuseStoreBranch(at: emit(.br(Int32(frame.loopTarget)))) }
        } else {
            addFixup(depth: depth, .instruction(fuseStoreBranch(at: emit(.br(0)))))
        }
    }

    /// Branch to `depth` when `condition` is non-zero (zero when `negated`).
    mutating func branchIf(depth: Int, condition: Operand, negated: Bool = false) {
        let frame = frames[frames.count - 1 - depth]
        if frame.kind != .function && !labelNeedsCopies(frame) {
            if frame.kind == .loop {
                fuseStrideLoop(branchAt: conditionalBranch(condition, negated: negated, target: Int32(frame.loopTarget)),
                               loop: frame.loopTarget)
            } else {
                addFixup(depth: depth, .instruction(conditionalBranch(condition, negated: negated, target: 0)))
            }
            return
        }
        let skip = conditionalBranch(condition, negated: !negated, target: 0)
        branch(depth: depth)
        patch(.instruction(skip), to: here)
        lastProducer = nil
    }

    mutating func branchTable(targets: [UInt32], defaultTarget: UInt32, index: Operand) {
        let all = targets + [defaultTarget]
        let start: Int
        if let byteTable = fuseByteTable(index, count: all.count) {
            start = byteTable
        } else {
            aux.append(contentsOf: repeatElement(0, count: all.count))
            start = aux.count - all.count
            emit(.brTable(index: index.slot, start: Int32(start), count: Int32(all.count)))
        }
        for (k, t) in all.enumerated() {
            let depth = Int(t)
            let frame = frames[frames.count - 1 - depth]
            if frame.kind != .function && !labelNeedsCopies(frame) {
                if frame.kind == .loop { aux[start + k] = Int32(frame.loopTarget) } else { addFixup(depth: depth, .aux(start + k)) }
            } else {
                aux[start + k] = here
                branch(depth: depth)
            }
        }
        markUnreachable()
    }

    /// Moves the results to slots 0..<n and returns. Uses scratch slots when a plain copy sequence
    /// would overwrite a source before reading it.
    mutating func emitReturn() {
        let n = type.results.count
        let operands = Array(stack.suffix(n))
        // Constants are written last, with no source to clobber; -2 marks them among the sources.
        let sources = operands.map { $0.kind == .constant ? -2 : $0.slot }
        // A single result computed by the instruction just before: write it to slot 0 directly (nothing
        // runs between it and the return, so slot 0's old value is dead).
        if n == 1, stack[stack.count - 1].kind == .temp, let producer = lastProducer,
           producer.index == code.count - 1, producer.slot == sources[0],
           let retargeted = code[producer.index].withResult(0) {
            code[producer.index] = retargeted
            emit(.ret)
            return
        }
        var safe = true
        for i in 0..<n where sources[i] != -2 { for j in (i + 1)..<max(n, i + 1) where sources[j] == Int32(i) { safe = false } }
        if safe {
            for i in 0..<n where sources[i] != Int32(i) && sources[i] != -2 { emitCopy(Int32(i), sources[i]) }
        } else {
            let scratch = max(tempBase + stack.count, n)
            maxHeight = max(maxHeight, scratch + n - tempBase)
            for i in 0..<n where sources[i] != -2 { emitCopy(Int32(scratch + i), sources[i]) }
            for i in 0..<n where sources[i] != -2 { emitCopy(Int32(i), Int32(scratch + i)) }
        }
        for i in 0..<n where sources[i] == -2 { emitMove(to: Int32(i), operands[i]) }
        emit(.ret)
    }

    mutating func patch(_ fixup: Fixup, to target: Int32) {
        switch fixup {
        case .aux(let i): aux[i] = target
        case .instruction(let i): code[i] = code[i].withTarget(target)
        }
    }

    /// Branch if `condition` is non-zero (zero, with `negated`). A comparison emitted just before and
    /// consumed only here is fused into the branch.
    mutating func conditionalBranch(_ condition: Operand, negated: Bool, target: Int32) -> Int {
        if condition.kind == .temp, let producer = lastProducer, producer.index == code.count - 1,
           producer.slot == condition.slot,
           let fused = code[producer.index].fusedBranch(negated: negated, target: target) {
            code[producer.index] = fused
            lastProducer = nil
            return fuseLoopStep(branchAt: foldByteLoadIntoBranch(at: foldEqzIntoBranch(at: producer.index)))
        }
        let branch = emit(negated ? .brIfNot(condition.slot, target) : .brIf(condition.slot, target))
        return foldCopyIntoBranch(at: fuseLoopStep(branchAt: foldByteLoadIntoBranch(at: branch)))
    }

    mutating func enterBlock(_ kind: Control.Kind, _ t: BlockType) {
        let (p, r) = blockSignature(t)
        materializeLocals()
        var frame = Control(kind: kind, paramCount: p, resultCount: r, height: stack.count - p)
        if kind == .loop || kind == .ifThen {
            for i in 0..<p { materialize(frame.height + i) }
        }
        if kind == .loop {
            flushFuel()
            frame.loopTarget = code.count
            fuelIndex = emit(.loopHeader(0))
            fuelCount = 0
            labelFloor = code.count // backward branches land just past the header
        }
        frames.append(frame)
    }

    mutating func ifOp(_ t: BlockType) {
        let condition = pop()
        enterBlock(.ifThen, t)
        frames[frames.count - 1].elseFixup = conditionalBranch(condition, negated: true, target: 0)
    }

    mutating func elseOp() {
        var frame = frames.removeLast()
        if !frame.unreachable {
            copyToLabel(frame)
            frame.fixups.append(.instruction(emit(.br(0))))
        }
        if let e = frame.elseFixup { patch(.instruction(e), to: here) }
        frame.elseFixup = nil
        frame.kind = .ifElse
        frame.unreachable = false
        stack.removeLast(stack.count - frame.height)
        for _ in 0..<frame.paramCount { pushTemp() }
        frames.append(frame)
        startFuelBlock()
    }

    mutating func endOp() {
        closeTryTable()
        let frame = frames.removeLast()
        if frame.kind == .function {
            if !frame.unreachable { emitReturn() }
            return
        }
        if !frame.unreachable { copyTop(frame.resultCount, toHeight: frame.height) }
        var labelUsed = !frame.fixups.isEmpty
        if let e = frame.elseFixup { patch(.instruction(e), to: here); labelUsed = true }
        for f in frame.fixups { patch(f, to: here) }
        stack.removeLast(stack.count - frame.height)
        for _ in 0..<frame.resultCount { pushTemp() }
        if labelUsed { startFuelBlock() }
        lastProducer = nil
    }
}
