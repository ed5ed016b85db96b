import WasmParser

/// Runs register code. Wasm-to-wasm calls never recurse on the Swift stack: `run` keeps its own frame
/// records, and frames are slices of the store's value stack. Host functions may call back in through
/// `Function.invoke`, which starts a nested `run` above the current stack top.
enum Executor {
    /// Where a host call that raised a wasm exception jumps: `exception(-1)` unwinds from the call.
    nonisolated(unsafe) static let unwindPendingException: UnsafeMutablePointer<Instruction> = {
        let p = UnsafeMutablePointer<Instruction>.allocate(capacity: 1)
        p.initialize(to: .exception(-1))
        return p
    }()

    /// How many loop back-edges and calls pass between two deadline checks.
    static let deadlineInterval = 512

    static func invoke(store: Store, address: Int, arguments: [Value]) throws -> [Value] {
        guard address >= 0 && address < store.functions.count else { throw Trap(.host, "unknown function") }
        let entity = store.functions[address]
        let type = entity.type
        guard arguments.count == type.params.count else {
            throw Trap(.host, "expected \(type.params.count) arguments, got \(arguments.count)")
        }
        for (a, t) in zip(arguments, type.params) where !a.fits(t) {
            throw Trap(.host, "argument type mismatch: expected \(t), got \(a.type)")
        }
        if let deadline = store.configuration.deadline, ContinuousClock.now >= deadline {
            throw Trap(.timeout)
        }
        if store.callDepth > 0 && !store.nativeStack.hasRoom() { throw Trap(.callStackExhausted) }
        let savedTop = store.stackTop
        let savedDepth = store.callDepth
        defer {
            store.stackTop = savedTop
            store.callDepth = savedDepth
        }
        if let host = entity.host {
            guard store.callDepth < store.configuration.maxCallDepth else { throw Trap(.callStackExhausted) }
            store.callDepth += 1
            let results = try host(HostContext(store: store, caller: nil), arguments)
            try checkResults(results, type)
            return results
        }
        let base = savedTop
        guard base + max(type.params.count, type.results.count) < store.stackCapacity else {
            throw Trap(.callStackExhausted)
        }
        for (i, a) in arguments.enumerated() { store.stack[base + i] = try store.cellValue(a) }
        do {
            try run(store: store, entry: address, base: base)
        } catch let thrown as ThrownException {
            let uncaught = UncaughtException(store.exceptionValue(thrown.reference))
            store.releaseIfUnescaped(thrown.reference)
            if savedDepth == 0 { store.reclaimAfterFailure() }
            throw uncaught
        } catch {
            if savedDepth == 0 { store.reclaimAfterFailure() }
            throw error
        }
        let results = type.results.enumerated().map { store.value(ofCell: store.stack[base + $0.offset], type: $0.element) }
        if savedDepth == 0 {
            try store.reclaimVectors()
            store.reclaimExceptions()
        }
        return results
    }

    static func checkResults(_ results: [Value], _ type: FunctionType) throws {
        guard results.count == type.results.count && zip(results, type.results).allSatisfy({ $0.fits($1) }) else {
            throw Trap(.host, "host function returned \(results.map(\.type)), expected \(type.results)")
        }
    }

    /// Translates a wasm function on its first call and fills in its record.
    static func compile(_ address: Int, store: Store) throws {
        let f = store.functions[address]
        guard let instance = f.instance else { throw Trap(.host, "host function has no code") }
        if f.compiled == nil {
            let constants = try instance.module.validateFunction(f.definedIndex)
            var translator = try Translator(module: instance.module, instance: instance, store: store,
                                            definedIndex: f.definedIndex, constantCount: constants)
            f.compiled = try translator.translate()
            instance.module.releaseBodyPages(f.definedIndex)
        }
        let c = f.compiled!
        let r = store.records.base + address
        r.pointee.code = c.code
        r.pointee.aux = c.aux
        r.pointee.template = c.template.cells
        r.pointee.templatePairs = Int32(c.template.pairs)
        r.pointee.templateStart = Int32(c.template.start)
        r.pointee.paramCount = Int32(c.paramCount)
        r.pointee.frameSize = Int32(max(c.frameSize, c.template.end))
        r.pointee.globals = instance.globalCells
        r.pointee.memory = instance.memories.first?.state ?? store.noMemory
    }

    /// Returns 0, or the exnref of a wasm exception the host function raised (its own or a nested
    /// invocation's), for the caller to unwind.
    static func callHost(_ store: Store, _ callee: FunctionEntity, _ p: UnsafeMutablePointer<UInt64>,
                         caller: InstanceEntity?) throws -> UInt64 {
        let type = callee.type
        var args: [Value] = []
        args.reserveCapacity(type.params.count)
        for (i, t) in type.params.enumerated() { args.append(store.value(ofCell: p[i], type: t)) }
        let results: [Value]
        do {
            results = try callee.host!(HostContext(store: store, caller: caller), args)
        } catch {
            guard let reference = try ExceptionUnwinding.inFlight(error, store) else { throw error }
            return reference
        }
        try checkResults(results, type)
        for (i, r) in results.enumerated() { p[i] = try store.cellValue(r) }
        return 0
    }

    /// A call to host function `target` from the interpreter loop: the store sees the current depth, stack
    /// top and fuel; afterwards the loop reloads what the host may have moved (records, memory), and an
    /// exception the host raised is parked for the unwinder.
    @inline(__always)
    static func callHostInLoop(_ target: Int, _ calleeSp: UnsafeMutablePointer<UInt64>, _ store: Store,
                               _ st: UnsafeMutablePointer<RunState>, _ fuelOn: Bool, _ frames: inout FrameStack,
                               _ pc: inout UnsafeMutablePointer<Instruction>) throws {
        let entity = store.functions[target]
        store.callDepth = st.pointee.baseDepth + frames.count + 1
        store.stackTop = calleeSp - store.stack + max(entity.type.params.count, entity.type.results.count)
        if fuelOn { store.configuration.fuel = st.pointee.fuel }
        let raised = try callHost(store, entity, calleeSp, caller: store.instances[Int(st.pointee.record.pointee.instance)])
        if fuelOn { st.pointee.fuel = store.configuration.fuel ?? 0 }
        if store.records.base != st.pointee.records {
            let function = st.pointee.record - st.pointee.records
            frames.rebase(from: st.pointee.records, to: store.records.base)
            st.pointee.records = store.records.base
            st.pointee.record = st.pointee.records + function
        }
        st.pointee.reloadMemory()
        if raised != 0 {
            st.pointee.pendingException = raised
            st.pointee.throwSite = pc
            pc = Executor.unwindPendingException
        }
    }

    /// The `T` at `ea`, bounds-checked as its load there would be.
    @inline(__always)
    static func operand<T: FixedWidthInteger>(_ ea: Int, _: T.Type, _ memBase: UnsafeMutableRawPointer,
                                              _ memSize: Int) throws -> T {
        guard ea &+ MemoryLayout<T>.size <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
        return memBase.loadUnaligned(fromByteOffset: ea, as: T.self)
    }

    /// Copies one `T` from byte `from` to byte `to`, each bounds-checked as its load or store would be.
    @inline(__always)
    static func move<T: FixedWidthInteger>(_: T.Type, from: Int, to: Int, _ memBase: UnsafeMutableRawPointer,
                                           _ memSize: Int) throws {
        guard from &+ MemoryLayout<T>.size <= memSize, to &+ MemoryLayout<T>.size <= memSize else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        memBase.storeBytes(of: memBase.loadUnaligned(fromByteOffset: from, as: T.self), toByteOffset: to, as: T.self)
    }

    static func checkDeadline(_ deadline: ContinuousClock.Instant?) throws {
        if let deadline, ContinuousClock.now >= deadline { throw Trap(.timeout) }
    }

    /// A br_table's target for index cell `i`: entry i of the `count` at aux[start...], the last for any larger i.
    @inline(__always)
    static func tableTarget(_ i: UInt64, _ start: Int32, _ count: Int32, _ aux: UnsafeMutablePointer<Int32>) -> Int32 {
        let index = UInt64(u32(i))
        return aux[Int(start) + (index < UInt64(count - 1) ? Int(index) : Int(count - 1))]
    }

    /// Branch to instruction `t`. A backward branch always targets a loop header; without fuel metering it
    /// does the header's deadline count itself and skips it, saving a dispatch per loop iteration.
    @inline(__always)
    static func jump(_ t: Int32, _ pc: inout UnsafeMutablePointer<Instruction>, _ codeBase: UnsafeMutablePointer<Instruction>,
                     _ fuelOn: Bool, _ countdown: inout Int, _ deadline: ContinuousClock.Instant?) throws {
        let target = codeBase + Int(t)
        if target < pc && !fuelOn {
            pc = target + 1
            countdown -= 1
            if countdown == 0 {
                countdown = deadlineInterval
                try checkDeadline(deadline)
            }
        } else {
            pc = target
        }
    }

    // The interpreter loop: one function, one switch; pc and sp live in locals, the rest behind `st`.
    @_specialize(where M == Metered)
    @_specialize(where M == Unmetered)
    static func run<M: FuelMetering>(store: Store, entry: Int, base: Int, metering: M.Type) throws {
        let fuelOn = M.isOn
        let deadline = store.configuration.deadline
        let maxDepth = store.configuration.maxCallDepth
        let stackEnd = store.stack + store.stackCapacity
        // Rarely touched state sits behind one pointer so the hot locals below keep their registers.
        let st = UnsafeMutablePointer<RunState>.allocate(capacity: 1)
        st.initialize(to: RunState(store: store, placeholder: Executor.unwindPendingException))
        defer {
            if fuelOn { store.configuration.fuel = st.pointee.fuel }
            st.deinitialize(count: 1)
            st.deallocate()
        }
        guard st.pointee.baseDepth <= maxDepth else { throw Trap(.callStackExhausted) }
        var frames = FrameStack(depthRoom: maxDepth - st.pointee.baseDepth)
        defer { frames.deallocate() }

        if st.pointee.records[entry].code == nil { try compile(entry, store: store) }
        // Only pc and sp are loop-carried locals. The activation's function, code base and memory change
        // on calls and returns alone and live in `st`: with more values carried around the loop, LLVM's
        // register allocator shuffles spill slots on every branch of the tail-duplicated dispatch.
        var record: UnsafeMutablePointer<FunctionRecord> {
            get { st.pointee.record }
            set { st.pointee.record = newValue }
        }
        var codeBase: UnsafeMutablePointer<Instruction> { st.pointee.codeBase }
        var memBase: UnsafeMutableRawPointer { st.pointee.memBase }
        var memSize: Int { st.pointee.memSize }
        record = st.pointee.records + entry
        var sp = store.stack + base
        guard sp + Int(record.pointee.frameSize) <= stackEnd else { throw Trap(.callStackExhausted) }
        enterFrame(sp, record)
        st.pointee.activate(record)
        var pc = codeBase

        while true {
            let instruction = pc.pointee
            pc += 1
            switch instruction {
            case let .trap(kind):
                throw Trap(kind)
            case .consumeFuel(let n):
                if fuelOn {
                    if st.pointee.fuel < UInt64(n) { st.pointee.fuel = 0; throw Trap(.outOfFuel) }
                    st.pointee.fuel -= UInt64(n)
                } else {
                    // Only in code translated while fuel was on. Never an empty case: an empty case makes the
                    // dispatch block its own successor, and LLVM then refuses to copy the dispatch into every
                    // case (one shared indirect branch for all instructions, far worse prediction).
                    try checkDeadline(deadline)
                }
            case .loopHeader(let n):
                if fuelOn {
                    if st.pointee.fuel < UInt64(n) + 1 { st.pointee.fuel = 0; throw Trap(.outOfFuel) }
                    st.pointee.fuel -= UInt64(n) + 1
                }
                st.pointee.countdown -= 1
                if st.pointee.countdown == 0 {
                    st.pointee.countdown = deadlineInterval
                    try checkDeadline(deadline)
                }
            case .br(let t):
                try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .brIf(c, t):
                if u32(sp[Int(c)]) != 0 { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .globalGetBrIf(p):
                sp[Int(p.x0)] = record.pointee.globals![Int(p.x1)].pointee
                if u32(sp[Int(p.y0)]) != 0 { try jump(Int32(p.y1), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) } else { skipNext(&pc) }
            case let .i64LoadBrIfI64Nez(p):
                try i64LoadInto(Int32(p.x0), address(Int32(p.x1), PairOperands.offset(p.x2), sp), sp, memBase, memSize)
                if sp[Int(p.y0)] != 0 { try jump(Int32(p.y1), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) } else { skipNext(&pc) }
            case let .brIfNot(c, t):
                if u32(sp[Int(c)]) == 0 { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64Eqz(c, t):
                if sp[Int(c)] == 0 { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64Nez(c, t):
                if sp[Int(c)] != 0 { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32Eq(a, b, t):
                if u32(sp[Int(a)]) == u32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32Ne(a, b, t):
                if u32(sp[Int(a)]) != u32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LtS(a, b, t):
                if s32(sp[Int(a)]) < s32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LtU(a, b, t):
                if u32(sp[Int(a)]) < u32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GtS(a, b, t):
                if s32(sp[Int(a)]) > s32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GtU(a, b, t):
                if u32(sp[Int(a)]) > u32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LeS(a, b, t):
                if s32(sp[Int(a)]) <= s32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LeU(a, b, t):
                if u32(sp[Int(a)]) <= u32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GeS(a, b, t):
                if s32(sp[Int(a)]) >= s32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GeU(a, b, t):
                if u32(sp[Int(a)]) >= u32(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64Eq(a, b, t):
                if sp[Int(a)] == sp[Int(b)] { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64Ne(a, b, t):
                if sp[Int(a)] != sp[Int(b)] { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LtS(a, b, t):
                if s64(sp[Int(a)]) < s64(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LtU(a, b, t):
                if sp[Int(a)] < sp[Int(b)] { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GtS(a, b, t):
                if s64(sp[Int(a)]) > s64(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GtU(a, b, t):
                if sp[Int(a)] > sp[Int(b)] { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LeS(a, b, t):
                if s64(sp[Int(a)]) <= s64(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LeU(a, b, t):
                if sp[Int(a)] <= sp[Int(b)] { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GeS(a, b, t):
                if s64(sp[Int(a)]) >= s64(sp[Int(b)]) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GeU(a, b, t):
                if sp[Int(a)] >= sp[Int(b)] { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .simd(start):
                try SIMDExecution.execute(record.pointee.aux! + Int(start), sp, store.vectors, memBase, memSize)
            case let .exception(start):
                // throw / throw_ref, or (start -1) an exception a host call raised. Resume at the innermost
                // handler of this activation; none: leave the activation with the exception.
                var reference = st.pointee.pendingException
                if start >= 0 {
                    reference = try ExceptionUnwinding.raise(record.pointee.aux! + Int(start), sp, store)
                } else {
                    pc = st.pointee.throwSite
                }
                // The instruction that threw (or the call it came out of) sits just before pc, in every frame.
                while true {
                    let index = pc - record.pointee.code! - 1
                    if let clause = ExceptionUnwinding.handler(store, function: record - st.pointee.records, at: index, reference: reference) {
                        ExceptionUnwinding.deliver(clause, reference: reference, sp, store)
                        pc = record.pointee.code! + Int(clause.landing)
                        break
                    }
                    if frames.count == 0 { throw ThrownException(reference: reference) }
                    let f = frames.pop()
                    pc = f.pc
                    sp = f.sp
                    record = f.record
                }
                st.pointee.activate(record)
            case let .memoryOther(start):
                try OtherMemoryAccess.execute(record.pointee.aux! + Int(start), sp, store, store.instances[Int(record.pointee.instance)])
                st.pointee.reloadMemory()  // memory 0 may be the same memory imported twice
            case let .brTable(index, start, count):
                try jump(tableTarget(sp[Int(index)], start, count, record.pointee.aux!), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)

            case let .returnCall(address, frameBase):
                st.pointee.countdown -= 1
                if st.pointee.countdown == 0 {
                    st.pointee.countdown = deadlineInterval
                    try checkDeadline(deadline)
                }
                if fuelOn {
                    if st.pointee.fuel == 0 { throw Trap(.outOfFuel) }
                    st.pointee.fuel -= 1
                }
                let callee = st.pointee.records + Int(address)
                if callee.pointee.code == nil { try compile(Int(address), store: store) }
                guard sp + Int(callee.pointee.frameSize) <= stackEnd else { throw Trap(.callStackExhausted) }
                // Forward copy: the arguments sit above slot 0, so overlapping ranges are safe.
                for i in 0..<Int(callee.pointee.paramCount) { sp[i] = sp[Int(frameBase) + i] }
                enterFrame(sp, callee)
                st.pointee.activate(callee)
                pc = codeBase
            case let .returnCallIndirect(index, frameBase, a):
                let target = try Executor.indirectTarget(store, record, record.pointee.aux!, Int(a), sp[Int(index)])
                guard st.pointee.records[target].typeID == record.pointee.aux![Int(a) + 1] else { throw Trap(.indirectCallTypeMismatch) }
                st.pointee.countdown -= 1
                if st.pointee.countdown == 0 {
                    st.pointee.countdown = deadlineInterval
                    try checkDeadline(deadline)
                }
                let callee = st.pointee.records + target
                if callee.pointee.isHost {
                    guard frames.belowDepthLimit else { throw Trap(.callStackExhausted) }
                    try callHostInLoop(target, sp + Int(frameBase), store, st, fuelOn, &frames, &pc)
                    continue
                }
                if fuelOn {
                    if st.pointee.fuel == 0 { throw Trap(.outOfFuel) }
                    st.pointee.fuel -= 1
                }
                if callee.pointee.code == nil { try compile(target, store: store) }
                guard sp + Int(callee.pointee.frameSize) <= stackEnd else { throw Trap(.callStackExhausted) }
                for i in 0..<Int(callee.pointee.paramCount) { sp[i] = sp[Int(frameBase) + i] }
                enterFrame(sp, callee)
                st.pointee.activate(callee)
                pc = codeBase
            case let .call(address, frameBase):
                st.pointee.countdown -= 1
                if st.pointee.countdown == 0 {
                    st.pointee.countdown = deadlineInterval
                    try checkDeadline(deadline)
                }
                let callee = st.pointee.records + Int(address)
                // Host functions never get code: one test keeps them (and untranslated callees) off the fast path.
                if callee.pointee.code == nil {
                    if callee.pointee.isHost {
                        guard frames.belowDepthLimit else { throw Trap(.callStackExhausted) }
                        try callHostInLoop(Int(address), sp + Int(frameBase), store, st, fuelOn, &frames, &pc)
                        continue
                    }
                    try compile(Int(address), store: store)
                }
                try pushCall(to: callee, frameBase, st, fuelOn, stackEnd, &frames, &sp, &pc)
            case let .callIndirect(index, frameBase, a):
                let target = try Executor.indirectTarget(store, record, record.pointee.aux!, Int(a), sp[Int(index)])
                guard st.pointee.records[target].typeID == record.pointee.aux![Int(a) + 1] else { throw Trap(.indirectCallTypeMismatch) }
                st.pointee.countdown -= 1
                if st.pointee.countdown == 0 {
                    st.pointee.countdown = deadlineInterval
                    try checkDeadline(deadline)
                }
                let callee = st.pointee.records + target
                if callee.pointee.code == nil {
                    if callee.pointee.isHost {
                        guard frames.belowDepthLimit else { throw Trap(.callStackExhausted) }
                        try callHostInLoop(target, sp + Int(frameBase), store, st, fuelOn, &frames, &pc)
                        continue
                    }
                    try compile(target, store: store)
                }
                try pushCall(to: callee, frameBase, st, fuelOn, stackEnd, &frames, &sp, &pc)

            case .ret:
                if frames.count == 0 { return }
                let f = frames.pop()
                pc = f.pc
                sp = f.sp
                record = f.record
                st.pointee.activate(record)

            case let .copy(d, s):
                sp[Int(d)] = sp[Int(s)]
            case let .copy2(x, y):
                sp[Int(x.dst)] = sp[Int(x.src)]
                sp[Int(y.dst)] = sp[Int(y.src)]
            case let .copy3(x, y, z):
                sp[Int(x.dst)] = sp[Int(x.src)]
                sp[Int(y.dst)] = sp[Int(y.src)]
                sp[Int(z.dst)] = sp[Int(z.src)]
            case let .select(d, c, a):
                sp[Int(d)] = u32(sp[Int(c)]) != 0 ? sp[Int(record.pointee.aux![Int(a)])] : sp[Int(record.pointee.aux![Int(a) + 1])]
            case let .globalGet(d, i):
                sp[Int(d)] = record.pointee.globals![Int(i)].pointee
            case let .globalSet(s, i):
                record.pointee.globals![Int(i)].pointee = sp[Int(s)]

            case let .i32Load(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt32.self)
                sp[Int(d)] = UInt64(v)
            case let .i64Load(d, a, offset):
                try i64LoadInto(d, address(a, offset, sp), sp, memBase, memSize)
            case let .i32Load8S(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int8.self)
                sp[Int(d)] = cell(Int32(v))
            case let .i32Load8U(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt8.self)
                sp[Int(d)] = UInt64(v)
            case let .i32Load16S(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int16.self)
                sp[Int(d)] = cell(Int32(v))
            case let .i32Load16U(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt16.self)
                sp[Int(d)] = UInt64(v)
            case let .i64Load8S(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int8.self)
                sp[Int(d)] = cell(Int64(v))
            case let .i64Load8U(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt8.self)
                sp[Int(d)] = UInt64(v)
            case let .i64Load16S(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int16.self)
                sp[Int(d)] = cell(Int64(v))
            case let .i64Load16U(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt16.self)
                sp[Int(d)] = UInt64(v)
            case let .i64Load32S(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int32.self)
                sp[Int(d)] = cell(Int64(v))
            case let .i64Load32U(d, a, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt32.self)
                sp[Int(d)] = UInt64(v)
            case let .i32Store(a, v, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt32(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt32.self)
            case let .i64Store(a, v, offset):
                try i64StoreFrom(v, address(a, offset, sp), sp, memBase, memSize)
            case let .i32Store8(a, v, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt8(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt8.self)
            case let .i32Store16(a, v, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt16(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt16.self)
            case let .i64Store8(a, v, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt8(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt8.self)
            case let .i64Store16(a, v, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt16(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt16.self)
            case let .i64Store32(a, v, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt32(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt32.self)
            case let .i64StoreImm(a, c, offset):
                let ea = Int(u32(sp[Int(a)])) &+ Int(offset)
                guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: Int64(c), toByteOffset: ea, as: Int64.self)
            case let .memoryGrow(d, delta):
                let entity = store.instances[Int(record.pointee.instance)].memories[0]
                if let old = store.grow(entity, by: UInt64(u32(sp[Int(delta)]))) {
                    sp[Int(d)] = old
                } else {
                    sp[Int(d)] = UInt64.max  // -1 as i64 for a 64-bit record.pointee.memory!; i32 readers see -1 too
                }
                st.pointee.reloadMemory()
            case let .bulk(d, op, a):
                try bulk(d, op, a, sp, record, store)
            case let .memoryCopy(d, s, n):
                let dst = Int(u32(sp[Int(d)])), src = Int(u32(sp[Int(s)])), count = Int(u32(sp[Int(n)]))
                guard dst + count <= memSize && src + count <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                (memBase + dst).copyMemory(from: memBase + src, byteCount: count)
            case let .memoryFill(d, v, n):
                let dst = Int(u32(sp[Int(d)])), count = Int(u32(sp[Int(n)]))
                guard dst + count <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                (memBase + dst).initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: sp[Int(v)]), count: count)

            case let .rareUnary(d, a, op): sp[Int(d)] = try op.apply(sp[Int(a)])
            case let .rareBinary(d, a, x): sp[Int(d)] = RareBinary.execute(record.pointee.aux!, x, sp[Int(a)], sp)
            case let .i32Eqz(d, a): sp[Int(d)] = Num.i32Eqz(sp[Int(a)])
            case let .i64Eqz(d, a): sp[Int(d)] = Num.i64Eqz(sp[Int(a)])
            case let .i64Ctz(d, a): sp[Int(d)] = Num.i64Ctz(sp[Int(a)])
            case let .f64Sqrt(d, a): sp[Int(d)] = Num.f64Sqrt(sp[Int(a)])
            case let .i32WrapI64(d, a): sp[Int(d)] = Num.i32WrapI64(sp[Int(a)])
            case let .i64ExtendI32S(d, a): sp[Int(d)] = Num.i64ExtendI32S(sp[Int(a)])
            case let .i64ExtendI32U(d, a): sp[Int(d)] = Num.i64ExtendI32U(sp[Int(a)])
            case let .i64Extend32S(d, a): sp[Int(d)] = Num.i64Extend32S(sp[Int(a)])
            case let .i32Eq(d, a, b): sp[Int(d)] = Num.i32Eq(sp[Int(a)], sp[Int(b)])
            case let .i32Ne(d, a, b): sp[Int(d)] = Num.i32Ne(sp[Int(a)], sp[Int(b)])
            case let .i32LtS(d, a, b): sp[Int(d)] = Num.i32LtS(sp[Int(a)], sp[Int(b)])
            case let .i32LtU(d, a, b): sp[Int(d)] = Num.i32LtU(sp[Int(a)], sp[Int(b)])
            case let .i32GtS(d, a, b): sp[Int(d)] = Num.i32GtS(sp[Int(a)], sp[Int(b)])
            case let .i32GtU(d, a, b): sp[Int(d)] = Num.i32GtU(sp[Int(a)], sp[Int(b)])
            case let .i32LeS(d, a, b): sp[Int(d)] = Num.i32LeS(sp[Int(a)], sp[Int(b)])
            case let .i32LeU(d, a, b): sp[Int(d)] = Num.i32LeU(sp[Int(a)], sp[Int(b)])
            case let .i32GeS(d, a, b): sp[Int(d)] = Num.i32GeS(sp[Int(a)], sp[Int(b)])
            case let .i32GeU(d, a, b): sp[Int(d)] = Num.i32GeU(sp[Int(a)], sp[Int(b)])
            case let .i64Eq(d, a, b): sp[Int(d)] = Num.i64Eq(sp[Int(a)], sp[Int(b)])
            case let .i64Ne(d, a, b): sp[Int(d)] = Num.i64Ne(sp[Int(a)], sp[Int(b)])
            case let .i64LtS(d, a, b): sp[Int(d)] = Num.i64LtS(sp[Int(a)], sp[Int(b)])
            case let .i64LtU(d, a, b): sp[Int(d)] = Num.i64LtU(sp[Int(a)], sp[Int(b)])
            case let .i64GtS(d, a, b): sp[Int(d)] = Num.i64GtS(sp[Int(a)], sp[Int(b)])
            case let .i64GtU(d, a, b): sp[Int(d)] = Num.i64GtU(sp[Int(a)], sp[Int(b)])
            case let .i64LeS(d, a, b): sp[Int(d)] = Num.i64LeS(sp[Int(a)], sp[Int(b)])
            case let .i64LeU(d, a, b): sp[Int(d)] = Num.i64LeU(sp[Int(a)], sp[Int(b)])
            case let .i64GeS(d, a, b): sp[Int(d)] = Num.i64GeS(sp[Int(a)], sp[Int(b)])
            case let .i64GeU(d, a, b): sp[Int(d)] = Num.i64GeU(sp[Int(a)], sp[Int(b)])
            case let .i32Add(d, a, b): sp[Int(d)] = Num.i32Add(sp[Int(a)], sp[Int(b)])
            case let .i32Sub(d, a, b): sp[Int(d)] = Num.i32Sub(sp[Int(a)], sp[Int(b)])
            case let .i32Mul(d, a, b): sp[Int(d)] = Num.i32Mul(sp[Int(a)], sp[Int(b)])
            case let .i32DivS(d, a, b): sp[Int(d)] = try Num.i32DivS(sp[Int(a)], sp[Int(b)])
            case let .i32DivU(d, a, b): sp[Int(d)] = try Num.i32DivU(sp[Int(a)], sp[Int(b)])
            case let .i32RemS(d, a, b): sp[Int(d)] = try Num.i32RemS(sp[Int(a)], sp[Int(b)])
            case let .i32RemU(d, a, b): sp[Int(d)] = try Num.i32RemU(sp[Int(a)], sp[Int(b)])
            case let .i32And(d, a, b): sp[Int(d)] = Num.i32And(sp[Int(a)], sp[Int(b)])
            case let .i32Or(d, a, b): sp[Int(d)] = Num.i32Or(sp[Int(a)], sp[Int(b)])
            case let .i32Xor(d, a, b): sp[Int(d)] = Num.i32Xor(sp[Int(a)], sp[Int(b)])
            case let .i32Shl(d, a, b): sp[Int(d)] = Num.i32Shl(sp[Int(a)], sp[Int(b)])
            case let .i32ShrS(d, a, b): sp[Int(d)] = Num.i32ShrS(sp[Int(a)], sp[Int(b)])
            case let .i32ShrU(d, a, b): sp[Int(d)] = Num.i32ShrU(sp[Int(a)], sp[Int(b)])
            case let .i64Add(d, a, b): sp[Int(d)] = Num.i64Add(sp[Int(a)], sp[Int(b)])
            case let .i64Sub(d, a, b): sp[Int(d)] = Num.i64Sub(sp[Int(a)], sp[Int(b)])
            case let .i64Mul(d, a, b): sp[Int(d)] = Num.i64Mul(sp[Int(a)], sp[Int(b)])
            case let .i64DivS(d, a, b): sp[Int(d)] = try Num.i64DivS(sp[Int(a)], sp[Int(b)])
            case let .i64DivU(d, a, b): sp[Int(d)] = try Num.i64DivU(sp[Int(a)], sp[Int(b)])
            case let .i64RemS(d, a, b): sp[Int(d)] = try Num.i64RemS(sp[Int(a)], sp[Int(b)])
            case let .i64RemU(d, a, b): sp[Int(d)] = try Num.i64RemU(sp[Int(a)], sp[Int(b)])
            case let .i64And(d, a, b): sp[Int(d)] = Num.i64And(sp[Int(a)], sp[Int(b)])
            case let .i64Or(d, a, b): sp[Int(d)] = Num.i64Or(sp[Int(a)], sp[Int(b)])
            case let .i64Xor(d, a, b): sp[Int(d)] = Num.i64Xor(sp[Int(a)], sp[Int(b)])
            case let .i64Shl(d, a, b): sp[Int(d)] = Num.i64Shl(sp[Int(a)], sp[Int(b)])
            case let .i64ShrS(d, a, b): sp[Int(d)] = Num.i64ShrS(sp[Int(a)], sp[Int(b)])
            case let .i64ShrU(d, a, b): sp[Int(d)] = Num.i64ShrU(sp[Int(a)], sp[Int(b)])
            case let .i64Rotl(d, a, b): sp[Int(d)] = Num.i64Rotl(sp[Int(a)], sp[Int(b)])
            case let .f64Add(d, a, b): sp[Int(d)] = Num.f64Add(sp[Int(a)], sp[Int(b)])
            case let .f64Sub(d, a, b): sp[Int(d)] = Num.f64Sub(sp[Int(a)], sp[Int(b)])
            case let .f64Mul(d, a, b): sp[Int(d)] = Num.f64Mul(sp[Int(a)], sp[Int(b)])
            case let .f64Div(d, a, b): sp[Int(d)] = Num.f64Div(sp[Int(a)], sp[Int(b)])
            case let .constant(d, lo, hi): sp[Int(d)] = UInt64(lo) | UInt64(hi) << 32
            case let .i32LoadAddImm(d, a, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt32.self)
                sp[Int(d)] = UInt64(v)
            case let .i32LoadAdd(d, a, b):
                let ea = Int(u32(sp[Int(a)]) &+ u32(sp[Int(b)]))
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt32.self)
                sp[Int(d)] = UInt64(v)
            case let .i64LoadAddImm(d, a, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt64.self)
                sp[Int(d)] = v
            case let .i64LoadAdd(d, a, b):
                let ea = Int(u32(sp[Int(a)]) &+ u32(sp[Int(b)]))
                guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt64.self)
                sp[Int(d)] = v
            case let .i32Load8UAddImm(d, a, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt8.self)
                sp[Int(d)] = UInt64(v)
            case let .i32Load8UAdd(d, a, b):
                let ea = Int(u32(sp[Int(a)]) &+ u32(sp[Int(b)]))
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt8.self)
                sp[Int(d)] = UInt64(v)
            case let .i32Load8SAddImm(d, a, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int8.self)
                sp[Int(d)] = cell(Int32(v))
            case let .i32Load16UAddImm(d, a, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: UInt16.self)
                sp[Int(d)] = UInt64(v)
            case let .i32Load16SAddImm(d, a, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let v = memBase.loadUnaligned(fromByteOffset: ea, as: Int16.self)
                sp[Int(d)] = cell(Int32(v))
            case let .i32StoreAddImm(a, v, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt32(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt32.self)
            case let .i32StoreAdd(a, b, v):
                let ea = Int(u32(sp[Int(a)]) &+ u32(sp[Int(b)]))
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt32(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt32.self)
            case let .i64StoreAddImm(a, v, c):
                try i64StoreFrom(v, address(a, adding: c, sp), sp, memBase, memSize)
            case let .i64StoreAdd(a, b, v):
                let ea = Int(u32(sp[Int(a)]) &+ u32(sp[Int(b)]))
                guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt64(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt64.self)
            case let .i32Store8AddImm(a, v, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt8(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt8.self)
            case let .i32Store8Add(a, b, v):
                let ea = Int(u32(sp[Int(a)]) &+ u32(sp[Int(b)]))
                guard ea &+ 1 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt8(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt8.self)
            case let .i32Store16AddImm(a, v, c):
                let ea = Int(u32(sp[Int(a)]) &+ UInt32(bitPattern: c))
                guard ea &+ 2 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt16(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt16.self)
            case let .i32AddImm(d, a, c): sp[Int(d)] = Num.i32Add(sp[Int(a)], cell(c))
            case let .i32MulImm(d, a, c): sp[Int(d)] = Num.i32Mul(sp[Int(a)], cell(c))
            case let .i32AndImm(d, a, c): sp[Int(d)] = Num.i32And(sp[Int(a)], cell(c))
            case let .i32OrImm(d, a, c): sp[Int(d)] = Num.i32Or(sp[Int(a)], cell(c))
            case let .i32XorImm(d, a, c): sp[Int(d)] = Num.i32Xor(sp[Int(a)], cell(c))
            case let .i32ShlImm(d, a, c): sp[Int(d)] = Num.i32Shl(sp[Int(a)], cell(c))
            case let .i32ShrSImm(d, a, c): sp[Int(d)] = Num.i32ShrS(sp[Int(a)], cell(c))
            case let .i32ShrUImm(d, a, c): sp[Int(d)] = Num.i32ShrU(sp[Int(a)], cell(c))
            case let .i32RotlImm(d, a, c): sp[Int(d)] = Num.i32Rotl(sp[Int(a)], cell(c))
            case let .i32EqImm(d, a, c): sp[Int(d)] = Num.i32Eq(sp[Int(a)], cell(c))
            case let .i32NeImm(d, a, c): sp[Int(d)] = Num.i32Ne(sp[Int(a)], cell(c))
            case let .i32LtSImm(d, a, c): sp[Int(d)] = Num.i32LtS(sp[Int(a)], cell(c))
            case let .i32LtUImm(d, a, c): sp[Int(d)] = Num.i32LtU(sp[Int(a)], cell(c))
            case let .i32GtSImm(d, a, c): sp[Int(d)] = Num.i32GtS(sp[Int(a)], cell(c))
            case let .i32GtUImm(d, a, c): sp[Int(d)] = Num.i32GtU(sp[Int(a)], cell(c))
            case let .brIfI32EqImm(a, c, t):
                if u32(sp[Int(a)]) == UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32NeImm(a, c, t):
                if u32(sp[Int(a)]) != UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LtSImm(a, c, t):
                if s32(sp[Int(a)]) < c { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LtUImm(a, c, t):
                if u32(sp[Int(a)]) < UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GtSImm(a, c, t):
                if s32(sp[Int(a)]) > c { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GtUImm(a, c, t):
                if u32(sp[Int(a)]) > UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LeSImm(a, c, t):
                if s32(sp[Int(a)]) <= c { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32LeUImm(a, c, t):
                if u32(sp[Int(a)]) <= UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GeSImm(a, c, t):
                if s32(sp[Int(a)]) >= c { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI32GeUImm(a, c, t):
                if u32(sp[Int(a)]) >= UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .i64AddImm(d, a, c): sp[Int(d)] = Num.i64Add(sp[Int(a)], cell(Int64(c)))
            case let .i64ExtendU32AddImm(d, a, c): sp[Int(d)] = Num.i64Add(Num.i64ExtendI32U(sp[Int(a)]), cell(Int64(c)))
            case let .i64AndImm(d, a, c): sp[Int(d)] = Num.i64And(sp[Int(a)], cell(Int64(c)))
            case let .i64OrImm(d, a, c): sp[Int(d)] = Num.i64Or(sp[Int(a)], cell(Int64(c)))
            case let .i64XorImm(d, a, c): sp[Int(d)] = Num.i64Xor(sp[Int(a)], cell(Int64(c)))
            case let .i64ShlImm(d, a, c): sp[Int(d)] = Num.i64Shl(sp[Int(a)], cell(Int64(c)))
            case let .i64ShrSImm(d, a, c): sp[Int(d)] = Num.i64ShrS(sp[Int(a)], cell(Int64(c)))
            case let .i64ShrUImm(d, a, c): sp[Int(d)] = Num.i64ShrU(sp[Int(a)], cell(Int64(c)))
            case let .i64EqImm(d, a, c): sp[Int(d)] = Num.i64Eq(sp[Int(a)], cell(Int64(c)))
            case let .i64NeImm(d, a, c): sp[Int(d)] = Num.i64Ne(sp[Int(a)], cell(Int64(c)))
            case let .i64LtSImm(d, a, c): sp[Int(d)] = Num.i64LtS(sp[Int(a)], cell(Int64(c)))
            case let .i64LtUImm(d, a, c): sp[Int(d)] = Num.i64LtU(sp[Int(a)], cell(Int64(c)))
            case let .i64GtSImm(d, a, c): sp[Int(d)] = Num.i64GtS(sp[Int(a)], cell(Int64(c)))
            case let .i64GtUImm(d, a, c): sp[Int(d)] = Num.i64GtU(sp[Int(a)], cell(Int64(c)))
            case let .brIfI64EqImm(a, c, t):
                if sp[Int(a)] == UInt64(bitPattern: Int64(c)) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64NeImm(a, c, t):
                if sp[Int(a)] != UInt64(bitPattern: Int64(c)) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LtSImm(a, c, t):
                if s64(sp[Int(a)]) < Int64(c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LtUImm(a, c, t):
                if sp[Int(a)] < UInt64(bitPattern: Int64(c)) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GtSImm(a, c, t):
                if s64(sp[Int(a)]) > Int64(c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GtUImm(a, c, t):
                if sp[Int(a)] > UInt64(bitPattern: Int64(c)) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LeSImm(a, c, t):
                if s64(sp[Int(a)]) <= Int64(c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64LeUImm(a, c, t):
                if sp[Int(a)] <= UInt64(bitPattern: Int64(c)) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GeSImm(a, c, t):
                if s64(sp[Int(a)]) >= Int64(c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brIfI64GeUImm(a, c, t):
                if sp[Int(a)] >= UInt64(bitPattern: Int64(c)) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .stepBrIfNez(l, k, t):
                if stepIsNonzero(l, k, sp) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .stepBrIfI32NeImm(s, c, t):
                // `stepDiffers` written out: through the helper LLVM re-extends the target here (sieve +1.2%).
                let v = u32(sp[Int(s.local)]) &+ UInt32(bitPattern: Int32(s.amount))
                sp[Int(s.local)] = cell(v)
                if v != UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .stepBrIfI32LtUImm(s, c, t):
                let v = u32(sp[Int(s.local)]) &+ UInt32(bitPattern: Int32(s.amount))
                sp[Int(s.local)] = cell(v)
                if v < UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .stepBrIfI32LtSImm(s, c, t):
                let v = u32(sp[Int(s.local)]) &+ UInt32(bitPattern: Int32(s.amount))
                sp[Int(s.local)] = cell(v)
                if Int32(bitPattern: v) < c { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .stepBrIfI32GtUImm(s, c, t):
                let v = u32(sp[Int(s.local)]) &+ UInt32(bitPattern: Int32(s.amount))
                sp[Int(s.local)] = cell(v)
                if v > UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .i32XorRotlImm(d, a, c): sp[Int(d)] = Num.i32Xor(sp[Int(d)], Num.i32Rotl(sp[Int(a)], cell(c)))
            case let .i32XorShrUImm(d, a, c): sp[Int(d)] = Num.i32Xor(sp[Int(d)], Num.i32ShrU(sp[Int(a)], cell(c)))
            case let .i32XorShlImm(d, a, c): sp[Int(d)] = Num.i32Xor(sp[Int(d)], Num.i32Shl(sp[Int(a)], cell(c)))
            case let .i32RotlXor3(d, a, c):
                let x = u32(sp[Int(a)])
                sp[Int(d)] = UInt64(Num.rotl32(x, UInt32(c.first)) ^ Num.rotl32(x, UInt32(c.second))
                                    ^ Num.rotl32(x, UInt32(c.third)))
            case let .i32Rotl2ShrUXor(d, a, c):
                let x = u32(sp[Int(a)])
                sp[Int(d)] = UInt64(Num.rotl32(x, UInt32(c.first)) ^ Num.rotl32(x, UInt32(c.second)) ^ x &>> c.third)
            case let .addBrIfI32LtUImm(s, c, t):
                let v = u32(sp[Int(s.local)]) &+ u32(sp[Int(s.amount)])
                sp[Int(s.local)] = cell(v)
                if v < UInt32(bitPattern: c) { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .i32AddShl2(d, a, b): sp[Int(d)] = cell(u32(sp[Int(a)]) &+ (u32(sp[Int(b)]) &<< 2))
            case let .i32LoadAddShl2(d, a, b):
                let ea = Int(u32(sp[Int(a)]) &+ (u32(sp[Int(b)]) &<< 2))
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                sp[Int(d)] = UInt64(memBase.loadUnaligned(fromByteOffset: ea, as: UInt32.self))
            case let .i32StoreBr(a, v, t):
                let ea = Int(u32(sp[Int(a)]))
                guard ea &+ 4 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: UInt32(truncatingIfNeeded: sp[Int(v)]), toByteOffset: ea, as: UInt32.self)
                try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .brIfByte(a, o, t):
                if try operand(Int(u32(sp[Int(a)])) &+ Int(o), UInt8.self, memBase, memSize) != 0 {
                    try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
                }
            case let .brIfCopy(p, c, t):
                sp[Int(p.dst)] = sp[Int(p.src)]
                if u32(sp[Int(c)]) != 0 { try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline) }
            case let .brTableByte(a, o, start):
                let t = try byteTableTarget(a, o, start, record.pointee.aux!, sp, memBase, memSize)
                try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .brIfNotByte(a, o, t):
                if try operand(Int(u32(sp[Int(a)])) &+ Int(o), UInt8.self, memBase, memSize) == 0 {
                    try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
                }
            case let .i64LoadChase(p, o1, o2):
                let ea = Int(u32(sp[Int(p.src)])) &+ Int(o1)
                guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                let pointer = Int(u32(memBase.loadUnaligned(fromByteOffset: ea, as: UInt64.self))) &+ Int(o2)
                guard pointer &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                sp[Int(p.dst)] = memBase.loadUnaligned(fromByteOffset: pointer, as: UInt64.self)
            case let .f64AddLoad(p, b, o):
                sp[Int(p.dst)] = Num.f64Add(sp[Int(p.src)], try operand(Int(u32(sp[Int(b)])) &+ Int(o), UInt64.self, memBase, memSize))
            case let .f64MulLoad(p, b, o):
                sp[Int(p.dst)] = Num.f64Mul(sp[Int(p.src)], try operand(Int(u32(sp[Int(b)])) &+ Int(o), UInt64.self, memBase, memSize))
            case let .f64SubLoad(p, b, o):
                sp[Int(p.dst)] = Num.f64Sub(sp[Int(p.src)], try operand(Int(u32(sp[Int(b)])) &+ Int(o), UInt64.self, memBase, memSize))
            case let .f64AddLoadAddImm(p, b, c):
                sp[Int(p.dst)] = Num.f64Add(sp[Int(p.src)], try operand(Int(u32(sp[Int(b)]) &+ UInt32(bitPattern: c)), UInt64.self, memBase, memSize))
            case let .f64MulLoadAddImm(p, b, c):
                sp[Int(p.dst)] = Num.f64Mul(sp[Int(p.src)], try operand(Int(u32(sp[Int(b)]) &+ UInt32(bitPattern: c)), UInt64.self, memBase, memSize))
            case let .f64SubLoadAddImm(p, b, c):
                sp[Int(p.dst)] = Num.f64Sub(sp[Int(p.src)], try operand(Int(u32(sp[Int(b)]) &+ UInt32(bitPattern: c)), UInt64.self, memBase, memSize))
            case let .f64MulLoads(p):
                let x = try operand(Int(u32(sp[Int(p.leftBase)]) &+ UInt32(bitPattern: Int32(p.leftAdd))), UInt64.self, memBase, memSize)
                let y = try operand(Int(u32(sp[Int(p.rightBase)]) &+ UInt32(bitPattern: Int32(p.rightAdd))), UInt64.self, memBase, memSize)
                sp[Int(p.dst)] = Num.f64Mul(x, y)
            case let .f64MulMul(c):
                sp[Int(c.dst)] = Num.f64Mul(Num.f64Mul(sp[Int(c.x)], sp[Int(c.y)]), sp[Int(c.z)])
            case let .f64MulAdd(c):
                sp[Int(c.dst)] = Num.f64Add(Num.f64Mul(sp[Int(c.x)], sp[Int(c.y)]), sp[Int(c.z)])
            case let .f64AddAdd(c):
                sp[Int(c.dst)] = Num.f64Add(Num.f64Add(sp[Int(c.x)], sp[Int(c.y)]), sp[Int(c.z)])
            case let .i32AndXor(c):
                sp[Int(c.dst)] = cell((u32(sp[Int(c.x)]) & u32(sp[Int(c.y)])) ^ u32(sp[Int(c.z)]))
            case let .byteStrideLoop(f, limit):
                try runByteStrideLoop(f, limit: limit, sp, memBase, memSize, &st.pointee.countdown, deadline)
            case let .i32AddImmPair(p):
                sp[Int(p.x0)] = Num.i32Add(sp[Int(p.x1)], cell(Int32(p.x2)))
                sp[Int(p.y0)] = Num.i32Add(sp[Int(p.y1)], cell(Int32(p.y2)))
                skipNext(&pc)
            case let .i32ShlImmAddImm(p):
                sp[Int(p.x0)] = Num.i32Shl(sp[Int(p.x1)], cell(Int32(p.x2)))
                sp[Int(p.y0)] = Num.i32Add(sp[Int(p.y1)], cell(Int32(p.y2)))
                skipNext(&pc)
            case let .i64LoadPair(p):
                try i64LoadInto(Int32(p.x0), address(Int32(p.x1), PairOperands.offset(p.x2), sp), sp, memBase, memSize)
                try i64LoadInto(Int32(p.y0), address(Int32(p.y1), PairOperands.offset(p.y2), sp), sp, memBase, memSize)
                skipNext(&pc)
            case let .i64StorePair(p):
                try i64StoreFrom(Int32(p.x1), address(Int32(p.x0), PairOperands.offset(p.x2), sp), sp, memBase, memSize)
                try i64StoreFrom(Int32(p.y1), address(Int32(p.y0), PairOperands.offset(p.y2), sp), sp, memBase, memSize)
                skipNext(&pc)
            case let .i64StoreAddImmPair(p):
                try i64StoreFrom(Int32(p.x1), address(Int32(p.x0), adding: Int32(p.x2), sp), sp, memBase, memSize)
                try i64StoreFrom(Int32(p.y1), address(Int32(p.y0), adding: Int32(p.y2), sp), sp, memBase, memSize)
                skipNext(&pc)
            case let .i64MoveAddImmPair(p):
                try movePair(UInt64.self, p, sp, memBase, memSize)
                skipNext(&pc)
            case let .byteMoveAddImmPair(p):
                try movePair(UInt8.self, p, sp, memBase, memSize)
                skipNext(&pc)
            case let .i32AddImmStepBrIfNez(p):
                sp[Int(p.x0)] = Num.i32Add(sp[Int(p.x1)], cell(Int32(p.x2)))
                if stepIsNonzero(Int32(p.y0), Int32(p.y1), sp) {
                    try jump(Int32(p.y2), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
                } else {
                    skipNext(&pc)
                }
            case let .i32AddImmBrTableByte(p):
                sp[Int(p.x0)] = Num.i32Add(sp[Int(p.x1)], cell(Int32(p.x2)))
                let t = try byteTableTarget(Int32(p.y0), PairOperands.offset(p.y1), Int32(p.y2), record.pointee.aux!, sp, memBase, memSize)
                try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .f64MulMulAddToMemory(p):
                try productToMemory(p, subtracting: false, sp, memBase, memSize)
                skipNext(&pc)
            case let .f64MulMulSubFromMemory(p):
                try productToMemory(p, subtracting: true, sp, memBase, memSize)
                skipNext(&pc)
            case let .f64SubStore(p, a, o):
                let ea = Int(u32(sp[Int(a)])) &+ Int(o)
                guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
                memBase.storeBytes(of: Num.f64Sub(sp[Int(p.dst)], sp[Int(p.src)]), toByteOffset: ea, as: UInt64.self)
            case let .f64AddToMemory(v, a, o):
                try updateF64(at: address(a, o, sp), by: sp[Int(v)], subtracting: false, memBase, memSize)
            case let .f64SubFromMemory(v, a, o):
                try updateF64(at: address(a, o, sp), by: sp[Int(v)], subtracting: true, memBase, memSize)
            case let .i32AddLoad(p, b, o):
                let v = try operand(Int(u32(sp[Int(b)])) &+ Int(o), UInt32.self, memBase, memSize)
                sp[Int(p.dst)] = UInt64(u32(sp[Int(p.src)]) &+ v)
            case let .i32AddLoadAddImm(p, b, c):
                let v = try operand(Int(u32(sp[Int(b)]) &+ UInt32(bitPattern: c)), UInt32.self, memBase, memSize)
                sp[Int(p.dst)] = UInt64(u32(sp[Int(p.src)]) &+ v)
            case let .i32AddLoadAdd(p, x, y):
                let v = try operand(Int(u32(sp[Int(x)]) &+ u32(sp[Int(y)])), UInt32.self, memBase, memSize)
                sp[Int(p.dst)] = UInt64(u32(sp[Int(p.src)]) &+ v)
            case let .i64Move(p, o1, o2):
                try move(UInt64.self, from: Int(u32(sp[Int(p.src)])) &+ Int(o1), to: Int(u32(sp[Int(p.dst)])) &+ Int(o2), memBase, memSize)
            case let .i64MoveAddImm(p, c1, c2):
                try moveAddImm(UInt64.self, p, c1, c2, sp, memBase, memSize)
            case let .byteMoveAddImm(p, c1, c2):
                try moveAddImm(UInt8.self, p, c1, c2, sp, memBase, memSize)
            case let .i32AddShl2Byte(d, a, byte):
                try addShl2Byte(d, a, Int32(byte.address), byte.offset, sp, memBase, memSize)
            case let .i32LoadAddShl2Byte(d, a, byte):
                try loadAddShl2Byte(d, a, Int32(byte.address), byte.offset, sp, memBase, memSize)
            case let .i32AddShl2ByteLoad(p):
                try addShl2Byte(Int32(p.x0), Int32(p.x1), Int32(p.x2), PairOperands.byteOffset(p.y0), sp, memBase, memSize)
                try loadAddShl2Byte(Int32(p.y1), Int32(p.x1), Int32(p.x2), PairOperands.byteOffset(p.y2), sp, memBase, memSize)
                skipNext(&pc)
            case let .i32LoadAddShl2BytePair(p):
                try loadAddShl2Byte(Int32(p.x0), Int32(p.x1), Int32(p.x2), PairOperands.byteOffset(p.y0), sp, memBase, memSize)
                try loadAddShl2Byte(Int32(p.y1), Int32(p.x1), Int32(p.x2), PairOperands.byteOffset(p.y2), sp, memBase, memSize)
                skipNext(&pc)
            case let .dispatchJump(set, loop, target):
                if fuelOn {
                    sp[Int(set.slot)] = UInt64(set.value)
                    pc = codeBase + Int(loop) // the header and the br_table charge their fuel as before
                } else { // a back-edge, counted as the header would
                    try dispatch(Int(set.slot), UInt64(set.value), to: Int(target), sp, &pc, codeBase, &st.pointee.countdown, deadline)
                }
            case let .i32AddImmGlobalSet(p, c, i):
                addImmGlobalSet(p, c, i, sp, record)
            case let .globalGetLoopTable(p):
                sp[Int(p.x0)] = record.pointee.globals![Int(p.x1)].pointee
                st.pointee.countdown -= 1
                if st.pointee.countdown == 0 {
                    st.pointee.countdown = deadlineInterval
                    try checkDeadline(deadline)
                }
                try jump(tableTarget(sp[Int(p.x2)], Int32(p.y0), Int32(p.y1), record.pointee.aux!), &pc, codeBase, fuelOn,
                         &st.pointee.countdown, deadline)
            case let .globalLoadBrIfGtU(p):
                if try globalLoadIsAbove(p, sp, record, memBase, memSize) {
                    try jump(Int32(p.y2), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
                } else {
                    skipTwo(&pc)
                }
            case let .stackPush(s):
                try pushReturnAddress(s, sp, record, memBase, memSize)
                skipNext(&pc)
            case let .stackPushCallArgument(s):
                try pushReturnAddress(s, sp, record, memBase, memSize)
                sp[Int(s.argument)] = 0
                skipTwo(&pc)
            case let .brIfI64EqImmElseDispatch(p):
                try branchElseDispatch(sp[Int(p.x0)] == UInt64(bitPattern: Int64(p.x1)), to: p.x2, p, sp, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .brIfI64GeUImmElseDispatch(p):
                try branchElseDispatch(sp[Int(p.x0)] >= UInt64(bitPattern: Int64(p.x1)), to: p.x2, p, sp, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .brIfElseDispatch(p):
                try branchElseDispatch(u32(sp[Int(p.x0)]) != 0, to: p.x1, p, sp, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .brIfI64NezElseDispatch(p):
                try branchElseDispatch(sp[Int(p.x0)] != 0, to: p.x1, p, sp, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .i64LoadI32AddImm(p):
                try i64LoadInto(Int32(p.x0), address(Int32(p.x1), PairOperands.offset(p.x2), sp), sp, memBase, memSize)
                sp[Int(p.y0)] = Num.i32Add(sp[Int(p.y1)], cell(Int32(p.y2)))
                skipNext(&pc)
            case let .f64MulPair(p):
                sp[Int(p.x0)] = Num.f64Mul(sp[Int(p.x1)], sp[Int(p.x2)])
                sp[Int(p.y0)] = Num.f64Mul(sp[Int(p.y1)], sp[Int(p.y2)])
                skipNext(&pc)
            case let .i64LoadAddImmF64Mul(p):
                try i64LoadInto(Int32(p.x0), address(Int32(p.x1), adding: Int32(p.x2), sp), sp, memBase, memSize)
                sp[Int(p.y0)] = Num.f64Mul(sp[Int(p.y1)], sp[Int(p.y2)])
                skipNext(&pc)
            case let .f64AddSqrt(p):
                sp[Int(p.x0)] = Num.f64Add(sp[Int(p.x1)], sp[Int(p.x2)])
                sp[Int(p.y0)] = Num.f64Sqrt(sp[Int(p.y1)])
                skipNext(&pc)
            case let .f64MulDiv(p):
                sp[Int(p.x0)] = Num.f64Mul(sp[Int(p.x1)], sp[Int(p.x2)])
                sp[Int(p.y0)] = Num.f64Div(sp[Int(p.y1)], sp[Int(p.y2)])
                skipNext(&pc)
            case let .f64AddStore(p):
                sp[Int(p.x0)] = Num.f64Add(sp[Int(p.x1)], sp[Int(p.x2)])
                try i64StoreFrom(Int32(p.y1), address(Int32(p.y0), PairOperands.offset(p.y2), sp), sp, memBase, memSize)
                skipNext(&pc)
            case let .copyStepBrIfNez(p):
                sp[Int(p.x0)] = sp[Int(p.x1)]
                if stepIsNonzero(Int32(p.x2), Int32(p.y0), sp) {
                    try jump(Int32(p.y1), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
                } else {
                    skipNext(&pc)
                }
            case let .copyStepBrIfI32NeImm(p):
                sp[Int(p.x0)] = sp[Int(p.x1)]
                if stepDiffers(Int32(p.x2), Int32(p.y0), from: Int32(p.y1), sp) {
                    try jump(Int32(p.y2), &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
                } else {
                    skipNext(&pc)
                }
            case let .byteCodeFetch(f):
                sp[Int(f.scaled)] = Num.i32Shl(sp[Int(f.counter)], cell(Int32(f.shift)))
                sp[Int(f.counter)] = Num.i32Add(sp[Int(f.counter)], cell(Int32(f.step)))
                sp[Int(f.address)] = Num.i32Add(sp[Int(f.scaled)], cell(Int32(f.base)))
                let t = try byteTableTarget(Int32(f.scaled), UInt32(f.base), Int32(f.table), record.pointee.aux!, sp, memBase, memSize)
                try jump(t, &pc, codeBase, fuelOn, &st.pointee.countdown, deadline)
            case let .popFrameReturnZero(p, c, i):
                addImmGlobalSet(p, c, i, sp, record)
                sp[0] = 0
                if frames.count == 0 { return }
                let f = frames.pop()
                pc = f.pc
                sp = f.sp
                record = f.record
                st.pointee.activate(record)
            }
        }
    }
}
