/// The register IR executed by `Executor`.
///
/// Operands are *slots*: indexes into the current frame, a contiguous run of 64-bit cells laid out as
/// [parameters | declared locals | constants | temporaries]. The result slot comes first. Branch targets
/// are absolute instruction indexes. Rare instructions with many operands keep them in the function's
/// `aux` array (an `Int32` list) so every case fits in 12 bytes of payload.
enum Instruction {
    // MARK: Control
    /// Trap: "unreachable", or "out of bounds memory access" for a static offset beyond any 32-bit memory.
    /// A payload case, so that `ret` is the only case without one: the dispatch then reaches `ret` by
    /// its tag alone, with no second test of the payload to tell empty cases apart.
    case trap(Trap.Kind)
    /// Charge `n` fuel units for the straight-line code that follows.
    case consumeFuel(UInt32)
    /// Loop header: charge `n` fuel units and count a back-edge for the deadline check.
    case loopHeader(UInt32)
    /// pc = target
    case br(Int32)
    /// if i32(cond) != 0 { pc = target }
    case brIf(Int32, Int32)
    /// if i32(cond) == 0 { pc = target }
    case brIfNot(Int32, Int32)
    /// pc = aux[start + min(i32(index), count - 1)] — the last entry is the default.
    case brTable(index: Int32, start: Int32, count: Int32)
    /// Call the function at store address `function`; its frame starts at slot `frameBase`
    /// (arguments already there, results land there).
    case call(function: Int32, frameBase: Int32)
    /// Tail call (return_call) of the wasm function at `function`: its arguments at `frameBase` move to
    /// slot 0 and it replaces the current frame, so its results go straight to our caller.
    case returnCall(function: Int32, frameBase: Int32)
    /// Tail call through a table (operands as `callIndirect`). A wasm target replaces the frame; a host
    /// target is called normally and the return sequence emitted after this instruction runs.
    case returnCallIndirect(index: Int32, frameBase: Int32, aux: Int32)
    /// Call table element i32(index); aux[aux] = table index in the instance, aux[aux + 1] = expected type id.
    case callIndirect(index: Int32, frameBase: Int32, aux: Int32)
    /// ref.as_non_null: traps "null reference" when the slot holds null (function-references).
    /// Return to the caller; results are already in slots 0..<n.
    case ret

    /// if i64(a) == 0 { pc = target }
    case brIfI64Eqz(Int32, Int32)
    /// if i64(a) != 0 { pc = target }
    case brIfI64Nez(Int32, Int32)
    // MARK: Fused compare-and-branch: if lhs <op> rhs { pc = target } (operands: lhs, rhs, target)
    case brIfI32Eq(Int32, Int32, Int32)
    case brIfI32Ne(Int32, Int32, Int32)
    case brIfI32LtS(Int32, Int32, Int32)
    case brIfI32LtU(Int32, Int32, Int32)
    case brIfI32GtS(Int32, Int32, Int32)
    case brIfI32GtU(Int32, Int32, Int32)
    case brIfI32LeS(Int32, Int32, Int32)
    case brIfI32LeU(Int32, Int32, Int32)
    case brIfI32GeS(Int32, Int32, Int32)
    case brIfI32GeU(Int32, Int32, Int32)
    case brIfI64Eq(Int32, Int32, Int32)
    case brIfI64Ne(Int32, Int32, Int32)
    case brIfI64LtS(Int32, Int32, Int32)
    case brIfI64LtU(Int32, Int32, Int32)
    case brIfI64GtS(Int32, Int32, Int32)
    case brIfI64GtU(Int32, Int32, Int32)
    case brIfI64LeS(Int32, Int32, Int32)
    case brIfI64LeU(Int32, Int32, Int32)
    case brIfI64GeS(Int32, Int32, Int32)
    case brIfI64GeU(Int32, Int32, Int32)

    /// A 128-bit SIMD instruction; its operands start at aux[start] (see SIMD/SIMDInstruction.swift).
    case simd(Int32)
    /// An access to a memory other than memory 0; operands at aux[start] (see Proposals/OtherMemoryAccess.swift).
    case memoryOther(Int32)
    /// throw / throw_ref with operands at aux[start] (see Proposals/ExceptionUnwinding.swift), or with start -1 the
    /// exception a host call raised: pc moves to the innermost handler, or the activation ends with the exception.
    case exception(Int32)

    // MARK: Data movement
    /// dst = src
    case copy(Int32, Int32)
    /// Two or three copies in a row, each as if run alone (CopyFusion.swift).
    case copy2(SlotPair, SlotPair)
    case copy3(SlotPair, SlotPair, SlotPair)
    /// dst = i32(cond) != 0 ? aux[aux] : aux[aux + 1] (both operand slots)
    case select(Int32, Int32, Int32)
    /// dst = global[index]
    case globalGet(Int32, Int32)
    /// global[index] = src
    case globalSet(Int32, Int32)

    // MARK: Memory (memory 0); loads: (dst, address slot, static offset); stores: (address slot, value slot, static offset)
    case i32Load(Int32, Int32, UInt32)
    case i64Load(Int32, Int32, UInt32)
    case i32Load8S(Int32, Int32, UInt32)
    case i32Load8U(Int32, Int32, UInt32)
    case i32Load16S(Int32, Int32, UInt32)
    case i32Load16U(Int32, Int32, UInt32)
    case i64Load8S(Int32, Int32, UInt32)
    case i64Load8U(Int32, Int32, UInt32)
    case i64Load16S(Int32, Int32, UInt32)
    case i64Load16U(Int32, Int32, UInt32)
    case i64Load32S(Int32, Int32, UInt32)
    case i64Load32U(Int32, Int32, UInt32)
    case i32Store(Int32, Int32, UInt32)
    case i64Store(Int32, Int32, UInt32)
    case i32Store8(Int32, Int32, UInt32)
    case i32Store16(Int32, Int32, UInt32)
    case i64Store8(Int32, Int32, UInt32)
    case i64Store16(Int32, Int32, UInt32)
    case i64Store32(Int32, Int32, UInt32)
    // Accesses at address lhs + c or lhs + rhs (wrapping to 32 bits), offset 0 (AddressFusion.swift).
    // Loads: (dst, lhs, c|rhs); stores: (lhs, value, c) and (lhs, rhs, value).
    case i32LoadAddImm(Int32, Int32, Int32)
    case i32LoadAdd(Int32, Int32, Int32)
    case i64LoadAddImm(Int32, Int32, Int32)
    case i64LoadAdd(Int32, Int32, Int32)
    case i32Load8UAddImm(Int32, Int32, Int32)
    case i32Load8UAdd(Int32, Int32, Int32)
    case i32Load8SAddImm(Int32, Int32, Int32)
    case i32Load16UAddImm(Int32, Int32, Int32)
    case i32Load16SAddImm(Int32, Int32, Int32)
    case i32StoreAddImm(Int32, Int32, Int32)
    case i32StoreAdd(Int32, Int32, Int32)
    case i64StoreAddImm(Int32, Int32, Int32)
    case i64StoreAdd(Int32, Int32, Int32)
    case i32Store8AddImm(Int32, Int32, Int32)
    case i32Store8Add(Int32, Int32, Int32)
    case i32Store16AddImm(Int32, Int32, Int32)
    /// dst = page count
    /// dst = old page count or -1; delta slot
    case memoryGrow(Int32, Int32)
    /// memory.init, data.drop and the table operations (BulkOperation.swift): (dst, op, operand)
    case bulk(Int32, BulkOperation, Int32)
    /// dest, source, length slots
    case memoryCopy(Int32, Int32, Int32)
    /// dest, value, length slots
    case memoryFill(Int32, Int32, Int32)


    // MARK: Numeric: unary (dst, operand), binary (dst, lhs, rhs); semantics in `Num`
    /// dst = op(operand) for the unary operators rare in hot code (RareUnary.swift)
    case rareUnary(Int32, Int32, RareUnary)
    /// dst = op(a, b) for a rare binary operator; b's slot and op at aux[i], aux[i + 1] (RareBinary.swift).
    case rareBinary(Int32, Int32, Int32)
    case i32Eqz(Int32, Int32)
    case i64Eqz(Int32, Int32)
    case i64Ctz(Int32, Int32)
    case f64Sqrt(Int32, Int32)
    case i32WrapI64(Int32, Int32)
    case i64ExtendI32S(Int32, Int32)
    case i64ExtendI32U(Int32, Int32)
    case i64Extend32S(Int32, Int32)
    case i32Eq(Int32, Int32, Int32)
    case i32Ne(Int32, Int32, Int32)
    case i32LtS(Int32, Int32, Int32)
    case i32LtU(Int32, Int32, Int32)
    case i32GtS(Int32, Int32, Int32)
    case i32GtU(Int32, Int32, Int32)
    case i32LeS(Int32, Int32, Int32)
    case i32LeU(Int32, Int32, Int32)
    case i32GeS(Int32, Int32, Int32)
    case i32GeU(Int32, Int32, Int32)
    case i64Eq(Int32, Int32, Int32)
    case i64Ne(Int32, Int32, Int32)
    case i64LtS(Int32, Int32, Int32)
    case i64LtU(Int32, Int32, Int32)
    case i64GtS(Int32, Int32, Int32)
    case i64GtU(Int32, Int32, Int32)
    case i64LeS(Int32, Int32, Int32)
    case i64LeU(Int32, Int32, Int32)
    case i64GeS(Int32, Int32, Int32)
    case i64GeU(Int32, Int32, Int32)
    case i32Add(Int32, Int32, Int32)
    case i32Sub(Int32, Int32, Int32)
    case i32Mul(Int32, Int32, Int32)
    case i32DivS(Int32, Int32, Int32)
    case i32DivU(Int32, Int32, Int32)
    case i32RemS(Int32, Int32, Int32)
    case i32RemU(Int32, Int32, Int32)
    case i32And(Int32, Int32, Int32)
    case i32Or(Int32, Int32, Int32)
    case i32Xor(Int32, Int32, Int32)
    case i32Shl(Int32, Int32, Int32)
    case i32ShrS(Int32, Int32, Int32)
    case i32ShrU(Int32, Int32, Int32)
    case i64Add(Int32, Int32, Int32)
    case i64Sub(Int32, Int32, Int32)
    case i64Mul(Int32, Int32, Int32)
    case i64DivS(Int32, Int32, Int32)
    case i64DivU(Int32, Int32, Int32)
    case i64RemS(Int32, Int32, Int32)
    case i64RemU(Int32, Int32, Int32)
    case i64And(Int32, Int32, Int32)
    case i64Or(Int32, Int32, Int32)
    case i64Xor(Int32, Int32, Int32)
    case i64Shl(Int32, Int32, Int32)
    case i64ShrS(Int32, Int32, Int32)
    case i64ShrU(Int32, Int32, Int32)
    case i64Rotl(Int32, Int32, Int32)
    case f64Add(Int32, Int32, Int32)
    case f64Sub(Int32, Int32, Int32)
    case f64Mul(Int32, Int32, Int32)
    case f64Div(Int32, Int32, Int32)

    // MARK: Immediate forms (see ImmediateInstructions.swift): the right operand is the constant c, an i32 or
    // an i64 sign-extended from i32. Binary and comparison: (dst, lhs, c); fused branch: (lhs, c, target).
    /// dst = the 64-bit cell lo | hi << 32
    case constant(Int32, UInt32, UInt32)
    case i32AddImm(Int32, Int32, Int32)
    case i32MulImm(Int32, Int32, Int32)
    case i32AndImm(Int32, Int32, Int32)
    case i32OrImm(Int32, Int32, Int32)
    case i32XorImm(Int32, Int32, Int32)
    case i32ShlImm(Int32, Int32, Int32)
    case i32ShrSImm(Int32, Int32, Int32)
    case i32ShrUImm(Int32, Int32, Int32)
    case i32RotlImm(Int32, Int32, Int32)
    case i32EqImm(Int32, Int32, Int32)
    case i32NeImm(Int32, Int32, Int32)
    case i32LtSImm(Int32, Int32, Int32)
    case i32LtUImm(Int32, Int32, Int32)
    case i32GtSImm(Int32, Int32, Int32)
    case i32GtUImm(Int32, Int32, Int32)
    case brIfI32EqImm(Int32, Int32, Int32)
    case brIfI32NeImm(Int32, Int32, Int32)
    case brIfI32LtSImm(Int32, Int32, Int32)
    case brIfI32LtUImm(Int32, Int32, Int32)
    case brIfI32GtSImm(Int32, Int32, Int32)
    case brIfI32GtUImm(Int32, Int32, Int32)
    case brIfI32LeSImm(Int32, Int32, Int32)
    case brIfI32LeUImm(Int32, Int32, Int32)
    case brIfI32GeSImm(Int32, Int32, Int32)
    case brIfI32GeUImm(Int32, Int32, Int32)
    case i64AddImm(Int32, Int32, Int32)
    case i64AndImm(Int32, Int32, Int32)
    case i64OrImm(Int32, Int32, Int32)
    case i64XorImm(Int32, Int32, Int32)
    case i64ShlImm(Int32, Int32, Int32)
    case i64ShrSImm(Int32, Int32, Int32)
    case i64ShrUImm(Int32, Int32, Int32)
    case i64EqImm(Int32, Int32, Int32)
    case i64NeImm(Int32, Int32, Int32)
    case i64LtSImm(Int32, Int32, Int32)
    case i64LtUImm(Int32, Int32, Int32)
    case i64GtSImm(Int32, Int32, Int32)
    case i64GtUImm(Int32, Int32, Int32)
    case brIfI64EqImm(Int32, Int32, Int32)
    case brIfI64NeImm(Int32, Int32, Int32)
    case brIfI64LtSImm(Int32, Int32, Int32)
    case brIfI64LtUImm(Int32, Int32, Int32)
    case brIfI64GtSImm(Int32, Int32, Int32)
    case brIfI64GtUImm(Int32, Int32, Int32)
    case brIfI64LeSImm(Int32, Int32, Int32)
    case brIfI64LeUImm(Int32, Int32, Int32)
    case brIfI64GeSImm(Int32, Int32, Int32)
    case brIfI64GeUImm(Int32, Int32, Int32)
    /// 64-bit store of a constant (TranslatorStoreImmediates.swift): (address slot, c, static offset); writes c
    /// sign-extended to 64 bits.
    case i64StoreImm(Int32, Int32, UInt32)
    /// dst = u64(u32(a)) + c (TranslatorGoPeepholes.swift: a Go stack address as an i64)
    case i64ExtendU32AddImm(Int32, Int32, Int32)

    // MARK: Loop ends (see LoopStepFusion.swift): an i32 local stepped in place, then the branch on it.
    /// local += step; branch to target if local != 0: (local, step, target)
    case stepBrIfNez(Int32, Int32, Int32)
    /// local += step (an immediate); branch to target if local <op> c: (step, c, target)
    case stepBrIfI32NeImm(LoopStep, Int32, Int32)
    case stepBrIfI32LtUImm(LoopStep, Int32, Int32)
    case stepBrIfI32LtSImm(LoopStep, Int32, Int32)
    case stepBrIfI32GtUImm(LoopStep, Int32, Int32)
    /// local += the slot `step.amount`; branch to target if local <u c: (step, c, target)
    case addBrIfI32LtUImm(LoopStep, Int32, Int32)

    // MARK: Shift-xor chains (see ShiftXorFusion.swift): dst ^= (src shifted by c): (dst, src, c)
    case i32XorRotlImm(Int32, Int32, Int32)
    case i32XorShrUImm(Int32, Int32, Int32)
    case i32XorShlImm(Int32, Int32, Int32)
    /// dst = rotl(x, a) ^ rotl(x, b) ^ rotl(x, c), and with x >>u c last (ShiftXorFusion.swift): (dst, x, counts)
    case i32RotlXor3(Int32, Int32, ShiftCounts)
    case i32Rotl2ShrUXor(Int32, Int32, ShiftCounts)
    /// d = a + (b << 2), and d = i32 load at a + (b << 2) (ScaledIndexFusion.swift): i32 array elements.
    case i32AddShl2(Int32, Int32, Int32)
    case i32LoadAddShl2(Int32, Int32, Int32)
    /// The same with b the byte at memory[slot + offset] (ByteIndexFusion.swift): (d, a, byte)
    case i32AddShl2Byte(Int32, Int32, ByteIndex)
    case i32LoadAddShl2Byte(Int32, Int32, ByteIndex)
    /// i32 store of value slot v at address slot a (offset 0), then pc = target (StoreBranchFusion.swift):
    /// (a, v, target)
    case i32StoreBr(Int32, Int32, Int32)
    /// Branch to target if the byte at u32(a) + offset is nonzero (zero) (ByteBranchFusion.swift):
    /// (a, offset, target)
    case brIfByte(Int32, UInt32, Int32)
    case brIfNotByte(Int32, UInt32, Int32)
    /// br_table on the byte at u32(a) + offset: aux[start - 1] entries from aux[start], the last the default
    /// (a, offset, start)
    case brTableByte(Int32, UInt32, Int32)
    /// dst = src, then branch to target if slot c is nonzero (CopyFusion.swift): (dst <- src, c, target)
    case brIfCopy(SlotPair, Int32, Int32)
    /// dst = i64 load at u32(i64 load at src + o1) + o2 (LoadChaseFusion.swift): (dst <- src, o1, o2)
    case i64LoadChase(SlotPair, UInt32, UInt32)
    /// Memory to memory (MemoryMoveFusion.swift), the pair naming the destination's and the source's address
    /// slots: 8 bytes from u32(src) + o1 to u32(dst) + o2, and 8 or 1 bytes from u32(src + c1) to u32(dst + c2).
    case i64Move(SlotPair, UInt32, UInt32)
    case i64MoveAddImm(SlotPair, Int32, Int32)
    case byteMoveAddImm(SlotPair, Int32, Int32)
    /// dst = lhs <op> the value at u32(base) + offset, at u32(base + c), or at u32(a + b)
    /// (LoadOperandFusion.swift): (dst <- lhs, base, offset | c), (dst <- lhs, a, b)
    case f64AddLoad(SlotPair, Int32, UInt32)
    case f64MulLoad(SlotPair, Int32, UInt32)
    case f64SubLoad(SlotPair, Int32, UInt32)
    case f64AddLoadAddImm(SlotPair, Int32, Int32)
    case f64MulLoadAddImm(SlotPair, Int32, Int32)
    case f64SubLoadAddImm(SlotPair, Int32, Int32)
    case i32AddLoad(SlotPair, Int32, UInt32)
    case i32AddLoadAddImm(SlotPair, Int32, Int32)
    case i32AddLoadAdd(SlotPair, Int32, Int32)
    /// dst = the f64 at u32(leftBase + leftAdd) * the f64 at u32(rightBase + rightAdd) (LoadProductFusion.swift)
    case f64MulLoads(LoadProduct)
    /// dst = (x * y) * z, (x * y) + z, (x + y) + z, i32 (x & y) ^ z (ChainFusion.swift)
    case f64MulMul(ChainOperands)
    case f64MulAdd(ChainOperands)
    case f64AddAdd(ChainOperands)
    case i32AndXor(ChainOperands)
    /// loop { byte at u32(base + i) = value; i += step } while u32(i) < limit (StrideLoopFusion.swift)
    case byteStrideLoop(ByteStrideLoop, limit: UInt32)
    /// Two instructions of the kind named, the second's operands packed with the first's; the second follows
    /// and is skipped (PairFusion.swift)
    case i32AddImmPair(PairOperands)
    case i32ShlImmAddImm(PairOperands)
    case i64LoadPair(PairOperands)
    case i64StorePair(PairOperands)
    case i64StoreAddImmPair(PairOperands)
    case i64MoveAddImmPair(PairOperands)
    case byteMoveAddImmPair(PairOperands)
    case f64MulMulAddToMemory(PairOperands)
    case f64MulMulSubFromMemory(PairOperands)
    case i32AddImmBrTableByte(PairOperands)
    case i32AddImmStepBrIfNez(PairOperands)
    case globalGetBrIf(PairOperands)
    case i64LoadBrIfI64Nez(PairOperands)
    case i32AddShl2ByteLoad(PairOperands)
    case i32LoadAddShl2BytePair(PairOperands)
    /// f64 at u32(address) + offset = lhs - rhs, (lhs, rhs as dst, src; address, offset); and the f64 there
    /// += value, (value, address, offset) (FloatStoreFusion.swift)
    case f64SubStore(SlotPair, Int32, UInt32)
    case f64AddToMemory(Int32, Int32, UInt32)
    /// the f64 at u32(address) + offset -= value, (value, address, offset) (FloatStoreFusion.swift)
    case f64SubFromMemory(Int32, Int32, UInt32)
    /// slot = constant; br loop, or (unmetered) straight to `target`, where the loop's opening br_table sends
    /// that constant (GoDispatchJump.swift). `target == loop` until resolved.
    case dispatchJump(SlotConstant, loop: Int32, target: Int32)
    /// dst = i32(src) + c; global[index] = dst (TranslatorGoPeepholes.swift: a stack pointer moved):
    /// (dst <- src, c, index)
    case i32AddImmGlobalSet(SlotPair, Int32, Int32)
    /// Go's runs (GoSequenceFusion.swift). x0 = global x1; loop header; br_table on x2 (aux start y0, count y1).
    case globalGetLoopTable(PairOperands)
    /// x0 = global x1; x2 = the i32 at u32(x0) + y0; if u32(y1) > u32(x2) { pc = y2 }
    case globalLoadBrIfGtU(PairOperands)
    /// i32AddImmGlobalSet, then i64StoreImm at the moved stack pointer (and a call argument set to 0).
    case stackPush(StackPush)
    case stackPushCallArgument(StackPush)
    /// A conditional branch (x0, x1, x2 as its own operands), else slot y0 = y1 and on to y2 (an unmetered
    /// dispatchJump).
    case brIfI64EqImmElseDispatch(PairOperands)
    case brIfI64GeUImmElseDispatch(PairOperands)
    case brIfElseDispatch(PairOperands)
    case brIfI64NezElseDispatch(PairOperands)
    /// i32AddImmGlobalSet (dst <- src, c, index), then slot 0 = 0 and return.
    case popFrameReturnZero(SlotPair, Int32, Int32)
    /// Numeric code's pairs (PairFusion.swift): the two instructions' operands in order.
    case i64LoadI32AddImm(PairOperands)
    case f64MulPair(PairOperands)
    case i64LoadAddImmF64Mul(PairOperands)
    case f64AddSqrt(PairOperands)
    case f64MulDiv(PairOperands)
    case f64AddStore(PairOperands)
    /// A copy, then a loop's count-down branch: (dst, src, local), (step, target, 0) / (dst, src, local),
    /// (amount, c, target) for stepBrIfI32NeImm.
    case copyStepBrIfNez(PairOperands)
    case copyStepBrIfI32NeImm(PairOperands)
    /// A bytecode VM's fetch and switch (ByteCodeFetchFusion.swift).
    case byteCodeFetch(ByteCodeFetch)
}

extension Instruction {
    /// The same instruction writing its result to `slot` instead; nil when it has no single result slot.
    /// Used to retarget a producer onto a local instead of emitting a copy.
    func withResult(_ slot: Int32) -> Instruction? {
        switch self {
        case let .copy(_, a): return .copy(slot, a)
        case let .select(_, a, b): return .select(slot, a, b)
        case let .globalGet(_, a): return .globalGet(slot, a)
        case let .memoryGrow(_, a): return .memoryGrow(slot, a)
        case let .bulk(_, op, a): return .bulk(slot, op, a)
        case let .i32Load(_, a, o): return .i32Load(slot, a, o)
        case let .i64Load(_, a, o): return .i64Load(slot, a, o)
        case let .i32Load8S(_, a, o): return .i32Load8S(slot, a, o)
        case let .i32Load8U(_, a, o): return .i32Load8U(slot, a, o)
        case let .i32Load16S(_, a, o): return .i32Load16S(slot, a, o)
        case let .i32Load16U(_, a, o): return .i32Load16U(slot, a, o)
        case let .i64Load8S(_, a, o): return .i64Load8S(slot, a, o)
        case let .i64Load8U(_, a, o): return .i64Load8U(slot, a, o)
        case let .i64Load16S(_, a, o): return .i64Load16S(slot, a, o)
        case let .i64Load16U(_, a, o): return .i64Load16U(slot, a, o)
        case let .i64Load32S(_, a, o): return .i64Load32S(slot, a, o)
        case let .i64Load32U(_, a, o): return .i64Load32U(slot, a, o)
        case let .rareUnary(_, a, op): return .rareUnary(slot, a, op)
        case let .rareBinary(_, a, x): return .rareBinary(slot, a, x)
        case let .i32Eqz(_, a): return .i32Eqz(slot, a)
        case let .i64Eqz(_, a): return .i64Eqz(slot, a)
        case let .i64Ctz(_, a): return .i64Ctz(slot, a)
        case let .f64Sqrt(_, a): return .f64Sqrt(slot, a)
        case let .i32WrapI64(_, a): return .i32WrapI64(slot, a)
        case let .i64ExtendI32S(_, a): return .i64ExtendI32S(slot, a)
        case let .i64ExtendI32U(_, a): return .i64ExtendI32U(slot, a)
        case let .i64Extend32S(_, a): return .i64Extend32S(slot, a)
        case let .i32Eq(_, a, b): return .i32Eq(slot, a, b)
        case let .i32Ne(_, a, b): return .i32Ne(slot, a, b)
        case let .i32LtS(_, a, b): return .i32LtS(slot, a, b)
        case let .i32LtU(_, a, b): return .i32LtU(slot, a, b)
        case let .i32GtS(_, a, b): return .i32GtS(slot, a, b)
        case let .i32GtU(_, a, b): return .i32GtU(slot, a, b)
        case let .i32LeS(_, a, b): return .i32LeS(slot, a, b)
        case let .i32LeU(_, a, b): return .i32LeU(slot, a, b)
        case let .i32GeS(_, a, b): return .i32GeS(slot, a, b)
        case let .i32GeU(_, a, b): return .i32GeU(slot, a, b)
        case let .i64Eq(_, a, b): return .i64Eq(slot, a, b)
        case let .i64Ne(_, a, b): return .i64Ne(slot, a, b)
        case let .i64LtS(_, a, b): return .i64LtS(slot, a, b)
        case let .i64LtU(_, a, b): return .i64LtU(slot, a, b)
        case let .i64GtS(_, a, b): return .i64GtS(slot, a, b)
        case let .i64GtU(_, a, b): return .i64GtU(slot, a, b)
        case let .i64LeS(_, a, b): return .i64LeS(slot, a, b)
        case let .i64LeU(_, a, b): return .i64LeU(slot, a, b)
        case let .i64GeS(_, a, b): return .i64GeS(slot, a, b)
        case let .i64GeU(_, a, b): return .i64GeU(slot, a, b)
        case let .i32Add(_, a, b): return .i32Add(slot, a, b)
        case let .i32Sub(_, a, b): return .i32Sub(slot, a, b)
        case let .i32Mul(_, a, b): return .i32Mul(slot, a, b)
        case let .i32DivS(_, a, b): return .i32DivS(slot, a, b)
        case let .i32DivU(_, a, b): return .i32DivU(slot, a, b)
        case let .i32RemS(_, a, b): return .i32RemS(slot, a, b)
        case let .i32RemU(_, a, b): return .i32RemU(slot, a, b)
        case let .i32And(_, a, b): return .i32And(slot, a, b)
        case let .i32Or(_, a, b): return .i32Or(slot, a, b)
        case let .i32Xor(_, a, b): return .i32Xor(slot, a, b)
        case let .i32Shl(_, a, b): return .i32Shl(slot, a, b)
        case let .i32ShrS(_, a, b): return .i32ShrS(slot, a, b)
        case let .i32ShrU(_, a, b): return .i32ShrU(slot, a, b)
        case let .i64Add(_, a, b): return .i64Add(slot, a, b)
        case let .i64Sub(_, a, b): return .i64Sub(slot, a, b)
        case let .i64Mul(_, a, b): return .i64Mul(slot, a, b)
        case let .i64DivS(_, a, b): return .i64DivS(slot, a, b)
        case let .i64DivU(_, a, b): return .i64DivU(slot, a, b)
        case let .i64RemS(_, a, b): return .i64RemS(slot, a, b)
        case let .i64RemU(_, a, b): return .i64RemU(slot, a, b)
        case let .i64And(_, a, b): return .i64And(slot, a, b)
        case let .i64Or(_, a, b): return .i64Or(slot, a, b)
        case let .i64Xor(_, a, b): return .i64Xor(slot, a, b)
        case let .i64Shl(_, a, b): return .i64Shl(slot, a, b)
        case let .i64ShrS(_, a, b): return .i64ShrS(slot, a, b)
        case let .i64ShrU(_, a, b): return .i64ShrU(slot, a, b)
        case let .i64Rotl(_, a, b): return .i64Rotl(slot, a, b)
        case let .f64Add(_, a, b): return .f64Add(slot, a, b)
        case let .f64Sub(_, a, b): return .f64Sub(slot, a, b)
        case let .f64Mul(_, a, b): return .f64Mul(slot, a, b)
        case let .f64Div(_, a, b): return .f64Div(slot, a, b)
        default: return immediateWithResult(slot)
        }
    }
}

extension Instruction {
    /// The same branch with its target replaced (forward-branch patching).
    func withTarget(_ t: Int32) -> Instruction {
        switch self {
        case .br: return .br(t)
        case let .i32StoreBr(a, v, _): return .i32StoreBr(a, v, t)
        case let .brIf(c, _): return .brIf(c, t)
        case let .brIfNot(c, _): return .brIfNot(c, t)
        case let .brIfI64Eqz(c, _): return .brIfI64Eqz(c, t)
        case let .brIfI64Nez(c, _): return .brIfI64Nez(c, t)
        case let .brIfI32Eq(a, b, _): return .brIfI32Eq(a, b, t)
        case let .brIfI32Ne(a, b, _): return .brIfI32Ne(a, b, t)
        case let .brIfI32LtS(a, b, _): return .brIfI32LtS(a, b, t)
        case let .brIfI32LtU(a, b, _): return .brIfI32LtU(a, b, t)
        case let .brIfI32GtS(a, b, _): return .brIfI32GtS(a, b, t)
        case let .brIfI32GtU(a, b, _): return .brIfI32GtU(a, b, t)
        case let .brIfI32LeS(a, b, _): return .brIfI32LeS(a, b, t)
        case let .brIfI32LeU(a, b, _): return .brIfI32LeU(a, b, t)
        case let .brIfI32GeS(a, b, _): return .brIfI32GeS(a, b, t)
        case let .brIfI32GeU(a, b, _): return .brIfI32GeU(a, b, t)
        case let .brIfI64Eq(a, b, _): return .brIfI64Eq(a, b, t)
        case let .brIfI64Ne(a, b, _): return .brIfI64Ne(a, b, t)
        case let .brIfI64LtS(a, b, _): return .brIfI64LtS(a, b, t)
        case let .brIfI64LtU(a, b, _): return .brIfI64LtU(a, b, t)
        case let .brIfI64GtS(a, b, _): return .brIfI64GtS(a, b, t)
        case let .brIfI64GtU(a, b, _): return .brIfI64GtU(a, b, t)
        case let .brIfI64LeS(a, b, _): return .brIfI64LeS(a, b, t)
        case let .brIfI64LeU(a, b, _): return .brIfI64LeU(a, b, t)
        case let .brIfI64GeS(a, b, _): return .brIfI64GeS(a, b, t)
        case let .brIfI64GeU(a, b, _): return .brIfI64GeU(a, b, t)
        default: return stepWithTarget(t) ?? byteBranchWithTarget(t) ?? copyBranchWithTarget(t) ?? immediateWithTarget(t)
        }
    }

    /// For a comparison, the fused branch taken when the comparison is true (or false, with `negated`).
    func fusedBranch(negated: Bool, target t: Int32) -> Instruction? {
        switch self {
        case let .i32Eqz(_, a): return negated ? .brIf(a, t) : .brIfNot(a, t)
        case let .i64Eqz(_, a): return negated ? .brIfI64Nez(a, t) : .brIfI64Eqz(a, t)
        case let .i32Eq(_, a, b): return negated ? .brIfI32Ne(a, b, t) : .brIfI32Eq(a, b, t)
        case let .i32Ne(_, a, b): return negated ? .brIfI32Eq(a, b, t) : .brIfI32Ne(a, b, t)
        case let .i32LtS(_, a, b): return negated ? .brIfI32GeS(a, b, t) : .brIfI32LtS(a, b, t)
        case let .i32LtU(_, a, b): return negated ? .brIfI32GeU(a, b, t) : .brIfI32LtU(a, b, t)
        case let .i32GtS(_, a, b): return negated ? .brIfI32LeS(a, b, t) : .brIfI32GtS(a, b, t)
        case let .i32GtU(_, a, b): return negated ? .brIfI32LeU(a, b, t) : .brIfI32GtU(a, b, t)
        case let .i32LeS(_, a, b): return negated ? .brIfI32GtS(a, b, t) : .brIfI32LeS(a, b, t)
        case let .i32LeU(_, a, b): return negated ? .brIfI32GtU(a, b, t) : .brIfI32LeU(a, b, t)
        case let .i32GeS(_, a, b): return negated ? .brIfI32LtS(a, b, t) : .brIfI32GeS(a, b, t)
        case let .i32GeU(_, a, b): return negated ? .brIfI32LtU(a, b, t) : .brIfI32GeU(a, b, t)
        case let .i64Eq(_, a, b): return negated ? .brIfI64Ne(a, b, t) : .brIfI64Eq(a, b, t)
        case let .i64Ne(_, a, b): return negated ? .brIfI64Eq(a, b, t) : .brIfI64Ne(a, b, t)
        case let .i64LtS(_, a, b): return negated ? .brIfI64GeS(a, b, t) : .brIfI64LtS(a, b, t)
        case let .i64LtU(_, a, b): return negated ? .brIfI64GeU(a, b, t) : .brIfI64LtU(a, b, t)
        case let .i64GtS(_, a, b): return negated ? .brIfI64LeS(a, b, t) : .brIfI64GtS(a, b, t)
        case let .i64GtU(_, a, b): return negated ? .brIfI64LeU(a, b, t) : .brIfI64GtU(a, b, t)
        case let .i64LeS(_, a, b): return negated ? .brIfI64GtS(a, b, t) : .brIfI64LeS(a, b, t)
        case let .i64LeU(_, a, b): return negated ? .brIfI64GtU(a, b, t) : .brIfI64LeU(a, b, t)
        case let .i64GeS(_, a, b): return negated ? .brIfI64LtS(a, b, t) : .brIfI64GeS(a, b, t)
        case let .i64GeU(_, a, b): return negated ? .brIfI64LtU(a, b, t) : .brIfI64GeU(a, b, t)
        default: return immediateFusedBranch(negated: negated, target: t)
        }
    }
}
