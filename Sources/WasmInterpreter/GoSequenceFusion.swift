/// The instruction runs every Go js/wasm function begins and ends with, each one instruction (counted over
/// a KRM function run, they are a tenth of all dispatches):
/// - entry: `global.get SP; loop; br_table` on the resume point (`globalGetLoopTable`);
/// - the stack-guard check: `global.get g; i32.load stackguard; br_if SP > guard` (`globalLoadBrIfGtU`);
/// - a call's return address pushed: `SP -= 8; global SP = SP; store retPC at SP` (`stackPush`), and with the
///   callee's resume-point argument 0 written after it (`stackPushCallArgument`);
/// - return: `SP += frame; global SP = SP; return 0` (`popFrameReturnZero`);
/// - a conditional branch whose fall-through is a jump to another block of the function (`…ElseDispatch`:
///   without fuel metering, where a dispatch jump goes straight to its block).
/// Like the pairs, the fused form replaces only the first instruction of its run: the others stay in place
/// for branches that land among them, so no label or index moves. Runs before `fusePairs`.
struct StackPush: Equatable {
    /// The stack pointer's slot (read, moved by `delta`, written back and to global `global`).
    let slot: Int16
    let delta: Int16
    let global: Int16
    /// `stackPushCallArgument`'s slot that gets 0 (the call's first argument).
    let argument: Int16
    /// The i64.store's value (at offset 0), sign-extended as `i64StoreImm` writes it.
    let value: Int32

    init?(slot: Int32, delta: Int32, global: Int32, argument: Int32 = 0, value: Int32) {
        guard let s = Int16(exactly: slot), let d = Int16(exactly: delta), let g = Int16(exactly: global),
              let a = Int16(exactly: argument) else { return nil }
        (self.slot, self.delta, self.global, self.argument, self.value) = (s, d, g, a, value)
    }
}

extension StackPush: CustomStringConvertible {
    var description: String { "\(slot) += \(delta) -> global \(global); [\(slot)] = \(value); \(argument) = 0" }
}

extension Translator {
    mutating func fuseGoSequences() {
        var k = 0
        while k + 2 < code.count {
            if let fused = goSequence(at: k) {
                code[k] = fused.instruction
                k += fused.length
            } else {
                k += 1
            }
        }
    }

    private func goSequence(at k: Int) -> (instruction: Instruction, length: Int)? {
        switch (code[k], code[k + 1], code[k + 2]) {
        case let (.globalGet(d, g), .loopHeader, .brTable(index, start, count)) where !meterFuel:
            return PairOperands((d, g, index), (start, count, 0)).map { (.globalGetLoopTable($0), 3) }
        case let (.globalGet(d, g), .i32Load(e, a, offset), .brIfI32GtU(x, y, t)) where a == d && y == e:
            return PairOperands((d, g, e), (PairOperands.packed(offset), x, t)).map { (.globalLoadBrIfGtU($0), 3) }
        case let (.i32AddImmGlobalSet(p, c, g), .constant(0, 0, 0), .ret):
            return (.popFrameReturnZero(p, c, g), 3)
        case let (.i32AddImmGlobalSet(p, c, g), .i64StoreImm(a, value, 0), .constant(x, 0, 0)) where p.dst == p.src && a == Int32(p.dst):
            return StackPush(slot: a, delta: c, global: g, argument: x, value: value).map { (.stackPushCallArgument($0), 3) }
        case let (.i32AddImmGlobalSet(p, c, g), .i64StoreImm(a, value, 0), _) where p.dst == p.src && a == Int32(p.dst):
            return StackPush(slot: a, delta: c, global: g, value: value).map { (.stackPush($0), 2) }
        case let (.brIfI64EqImm(a, c, t), .dispatchJump(set, _, target), _) where !meterFuel:
            return PairOperands((a, c, t), (Int32(set.slot), Int32(set.value), target)).map { (.brIfI64EqImmElseDispatch($0), 2) }
        case let (.brIfI64GeUImm(a, c, t), .dispatchJump(set, _, target), _) where !meterFuel:
            return PairOperands((a, c, t), (Int32(set.slot), Int32(set.value), target)).map { (.brIfI64GeUImmElseDispatch($0), 2) }
        case let (.brIf(a, t), .dispatchJump(set, _, target), _) where !meterFuel:
            return PairOperands((a, t, 0), (Int32(set.slot), Int32(set.value), target)).map { (.brIfElseDispatch($0), 2) }
        case let (.brIfI64Nez(a, t), .dispatchJump(set, _, target), _) where !meterFuel:
            return PairOperands((a, t, 0), (Int32(set.slot), Int32(set.value), target)).map { (.brIfI64NezElseDispatch($0), 2) }
        default:
            return nil
        }
    }
}

extension Executor {
    /// `i32AddImmGlobalSet`: dst = i32(src) + c, and global `index` = dst.
    @inline(__always)
    static func addImmGlobalSet(_ p: SlotPair, _ c: Int32, _ index: Int32, _ sp: UnsafeMutablePointer<UInt64>,
                                _ record: UnsafeMutablePointer<FunctionRecord>) {
        let v = Num.i32Add(sp[Int(p.src)], cell(c))
        sp[Int(p.dst)] = v
        record.pointee.globals![Int(index)].pointee = v
    }

    /// `globalLoadBrIfGtU`'s load and test: x0 = global x1; x2 = the i32 at u32(x0) + y0; whether
    /// u32(y1) > that i32 (the branch to y2 is the caller's).
    @inline(__always)
    static func globalLoadIsAbove(_ p: PairOperands, _ sp: UnsafeMutablePointer<UInt64>,
                                  _ record: UnsafeMutablePointer<FunctionRecord>,
                                  _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws -> Bool {
        sp[Int(p.x0)] = record.pointee.globals![Int(p.x1)].pointee
        let guardValue = try operand(address(Int32(p.x0), PairOperands.offset(p.y0), sp), UInt32.self, memBase, memSize)
        sp[Int(p.x2)] = UInt64(guardValue)
        return u32(sp[Int(p.y1)]) > guardValue
    }

    /// `stackPush`: slot += delta, global = slot, and the i64 `value` at u32(slot).
    @inline(__always)
    static func pushReturnAddress(_ s: StackPush, _ sp: UnsafeMutablePointer<UInt64>, _ record: UnsafeMutablePointer<FunctionRecord>,
                                  _ memBase: UnsafeMutableRawPointer, _ memSize: Int) throws {
        addImmGlobalSet(SlotPair(dst: s.slot, src: s.slot), Int32(s.delta), Int32(s.global), sp, record)
        let ea = Int(u32(sp[Int(s.slot)]))
        guard ea &+ 8 <= memSize else { throw Trap(.outOfBoundsMemoryAccess) }
        memBase.storeBytes(of: Int64(s.value), toByteOffset: ea, as: Int64.self)
    }

    /// An unmetered dispatch jump: slot = value, then on to `target`, counted as a back edge.
    @inline(__always)
    static func dispatch(_ slot: Int, _ value: UInt64, to target: Int, _ sp: UnsafeMutablePointer<UInt64>,
                         _ pc: inout UnsafeMutablePointer<Instruction>, _ codeBase: UnsafeMutablePointer<Instruction>,
                         _ countdown: inout Int, _ deadline: ContinuousClock.Instant?) throws {
        sp[slot] = value
        pc = codeBase + target
        countdown -= 1
        if countdown == 0 {
            countdown = deadlineInterval
            try checkDeadline(deadline)
        }
    }

    /// A `…ElseDispatch`: to `target` when `taken`, else the dispatch jump in y0, y1, y2. Fused only in code
    /// translated without fuel; if fuel was switched on since, the dispatch jump left in place runs instead
    /// (pc already points at it), so the loop header still charges its fuel.
    @inline(__always)
    static func branchElseDispatch(_ taken: Bool, to target: Int16, _ p: PairOperands, _ sp: UnsafeMutablePointer<UInt64>,
                                   _ pc: inout UnsafeMutablePointer<Instruction>, _ codeBase: UnsafeMutablePointer<Instruction>,
                                   _ fuelOn: Bool, _ countdown: inout Int, _ deadline: ContinuousClock.Instant?) throws {
        if taken {
            try jump(Int32(target), &pc, codeBase, fuelOn, &countdown, deadline)
        } else if !fuelOn {
            try dispatch(Int(p.y0), UInt64(UInt16(bitPattern: p.y1)), to: Int(p.y2), sp, &pc, codeBase, &countdown, deadline)
        }
    }

    /// Steps over the two instructions a three-instruction run leaves in place.
    @inline(__always)
    static func skipTwo(_ pc: inout UnsafeMutablePointer<Instruction>) {
        pc = UnsafeMutablePointer(bitPattern: UInt(bitPattern: pc) &+ UInt(2 * MemoryLayout<Instruction>.stride))!
    }
}
