import WasmParser

extension Translator {
    /// Translates one reachable operator.
    mutating func translate(_ op: Operator) throws {
        if hasOtherMemories, usesOtherMemory(op) { return try translateOtherMemory(op) }
        switch op {
        case .unreachable:
            emit(.trap(.unreachable))
            markUnreachable()
        case .nop: break
        case .block(let t): enterBlock(.block, t)
        case .loop(let t): enterBlock(.loop, t)
        case .if(let t): ifOp(t)
        case .else: elseOp()
        case .end: endOp()
        case .br(let d):
            branch(depth: Int(d))
            markUnreachable()
        case .brIf(let d):
            let c = pop()
            branchIf(depth: Int(d), condition: c)
        case .brTable(let targets, let defaultTarget):
            let i = pop()
            branchTable(targets: targets, defaultTarget: defaultTarget, index: i)
        case .return:
            emitReturn()
            markUnreachable()
        case .call(let f):
            let address = instance.functionAddresses[Int(f)]
            call(store.functions[address].type) { .call(function: Int32(address), frameBase: $0) }
        case .callIndirect(let typeIndex, let table):
            let index = pop()
            let ft = module.types[Int(typeIndex)]
            let a = Int32(aux.count)
            aux.append(Int32(table))
            aux.append(Int32(instance.typeIDs[Int(typeIndex)]))
            call(ft) { .callIndirect(index: index.slot, frameBase: $0, aux: a) }
        case .returnCall, .returnCallIndirect: try translateTailCall(op)
        case .throw, .throwRef, .tryTable: try translateException(op)
        case .callRef, .returnCallRef, .refAsNonNull, .brOnNull, .brOnNonNull: try translateFunctionReferences(op)
        case .drop: _ = pop()
        case .select, .typedSelect:
            let c = pop(), b = pop(), a = pop()
            let x = Int32(aux.count)
            aux.append(a.slot)
            aux.append(b.slot)
            produce { .select($0, c.slot, x) }
        case .v128Const, .i8x16Shuffle, .simd, .simdMemory, .simdLane, .simdMemoryLane: try translateSIMD(op)
        case .localGet(let i): stack.append(Operand(slot: Int32(i), kind: .local))
        // popOperand: a constant's write is a `constant` instruction, so it needs no constant-area slot.
        case .localSet(let i): setLocal(Int32(i), popOperand())
        case .localTee(let i):
            setLocal(Int32(i), popOperand())
            stack.append(Operand(slot: Int32(i), kind: .local))
        case .globalGet(let i): produce { .globalGet($0, Int32(i)) }
        case .globalSet(let i): if !fuseGlobalSetAddImm(Int32(i)) { emit(.globalSet(pop().slot, Int32(i))) }
        case .tableGet(let t):
            let i = pop()
            let a = auxList([Int32(t), i.slot])
            produce { .bulk($0, .tableGet, a) }
        case .tableSet(let t):
            let v = pop(), i = pop()
            emit(.bulk(0, .tableSet, auxList([Int32(t), i.slot, v.slot])))
        case .i32Load(let m): load(m) { .i32Load($0, $1, $2) }
        case .i64Load(let m): load(m) { .i64Load($0, $1, $2) }
        case .i32Load8S(let m): load(m) { .i32Load8S($0, $1, $2) }
        case .i32Load8U(let m): load(m) { .i32Load8U($0, $1, $2) }
        case .i32Load16S(let m): load(m) { .i32Load16S($0, $1, $2) }
        case .i32Load16U(let m): load(m) { .i32Load16U($0, $1, $2) }
        case .i64Load8S(let m): load(m) { .i64Load8S($0, $1, $2) }
        case .i64Load8U(let m): load(m) { .i64Load8U($0, $1, $2) }
        case .i64Load16S(let m): load(m) { .i64Load16S($0, $1, $2) }
        case .i64Load16U(let m): load(m) { .i64Load16U($0, $1, $2) }
        case .i64Load32S(let m): load(m) { .i64Load32S($0, $1, $2) }
        case .i64Load32U(let m): load(m) { .i64Load32U($0, $1, $2) }
        case .f32Load(let m): load(m) { .i32Load($0, $1, $2) }
        case .f64Load(let m): load(m) { .i64Load($0, $1, $2) }
        case .i32Store(let m): store(m) { .i32Store($0, $1, $2) }
        case .i64Store(let m): storeConstant64(m) { .i64Store($0, $1, $2) }
        case .i32Store8(let m): store(m) { .i32Store8($0, $1, $2) }
        case .i32Store16(let m): store(m) { .i32Store16($0, $1, $2) }
        case .i64Store8(let m): store(m) { .i64Store8($0, $1, $2) }
        case .i64Store16(let m): store(m) { .i64Store16($0, $1, $2) }
        case .i64Store32(let m): store(m) { .i64Store32($0, $1, $2) }
        case .f32Store(let m): store(m) { .i32Store($0, $1, $2) }
        case .f64Store(let m): if !fuseFloatStore(m) { storeConstant64(m) { .i64Store($0, $1, $2) } }
        case .memorySize: produce { .bulk($0, .memorySize, 0) }
        case .memoryGrow:
            let delta = pop()
            produce { .memoryGrow($0, delta.slot) }
        case .i32Const(let v): pushConstant(cell(v))
        case .i64Const(let v): pushConstant(cell(v))
        case .f32Const(let v): pushConstant(UInt64(v))
        case .f64Const(let v): pushConstant(v)
        // Cells are untyped and 32-bit readers truncate: reinterpretations and wrapping change nothing.
        case .i32ReinterpretF32, .i64ReinterpretF64, .f32ReinterpretI32, .f64ReinterpretI64, .i32WrapI64: break
        case .refNull: pushConstant(0)
        case .refIsNull: emitUnary(Instruction.i64Eqz)
        case .refFunc(let f): pushConstant(UInt64(instance.functionAddresses[Int(f)]) + 1)
        case .memoryInit(let data, _):
            let n = pop(), s = pop(), d = pop()
            emit(.bulk(0, .memoryInit, auxList([Int32(data), d.slot, s.slot, n.slot])))
        case .dataDrop(let i): emit(.bulk(0, .dataDrop, Int32(i)))
        case .memoryCopy:
            let n = pop(), s = pop(), d = pop()
            emit(.memoryCopy(d.slot, s.slot, n.slot))
        case .memoryFill:
            let n = pop(), v = pop(), d = pop()
            emit(.memoryFill(d.slot, v.slot, n.slot))
        case .tableInit(let element, let table):
            let n = pop(), s = pop(), d = pop()
            emit(.bulk(0, .tableInit, auxList([Int32(table), Int32(element), d.slot, s.slot, n.slot])))
        case .elemDrop(let i): emit(.bulk(0, .elemDrop, Int32(i)))
        case .tableCopy(let dt, let st):
            let n = pop(), s = pop(), d = pop()
            emit(.bulk(0, .tableCopy, auxList([Int32(dt), Int32(st), d.slot, s.slot, n.slot])))
        case .tableGrow(let t):
            let delta = pop(), v = pop()
            let a = auxList([Int32(t), v.slot, delta.slot])
            produce { .bulk($0, .tableGrow, a) }
        case .tableSize(let t): produce { .bulk($0, .tableSize, Int32(t)) }
        case .tableFill(let t):
            let n = pop(), v = pop(), i = pop()
            emit(.bulk(0, .tableFill, auxList([Int32(t), i.slot, v.slot, n.slot])))
        case .i32Eqz: if !negateComparison() { emitUnary(Instruction.i32Eqz) }
        case .i64Eqz: emitUnary(Instruction.i64Eqz)
        case .i32Clz: emitUnary { .rareUnary($0, $1, .i32Clz) }
        case .i32Ctz: emitUnary { .rareUnary($0, $1, .i32Ctz) }
        case .i32Popcnt: emitUnary { .rareUnary($0, $1, .i32Popcnt) }
        case .i64Clz: emitUnary { .rareUnary($0, $1, .i64Clz) }
        case .i64Ctz: emitUnary(Instruction.i64Ctz)
        case .i64Popcnt: emitUnary { .rareUnary($0, $1, .i64Popcnt) }
        case .f32Abs: emitUnary { .rareUnary($0, $1, .f32Abs) }
        case .f32Neg: emitUnary { .rareUnary($0, $1, .f32Neg) }
        case .f32Ceil: emitUnary { .rareUnary($0, $1, .f32Ceil) }
        case .f32Floor: emitUnary { .rareUnary($0, $1, .f32Floor) }
        case .f32Trunc: emitUnary { .rareUnary($0, $1, .f32Trunc) }
        case .f32Nearest: emitUnary { .rareUnary($0, $1, .f32Nearest) }
        case .f32Sqrt: emitUnary { .rareUnary($0, $1, .f32Sqrt) }
        case .f64Abs: emitUnary { .rareUnary($0, $1, .f64Abs) }
        case .f64Neg: emitUnary { .rareUnary($0, $1, .f64Neg) }
        case .f64Ceil: emitUnary { .rareUnary($0, $1, .f64Ceil) }
        case .f64Floor: emitUnary { .rareUnary($0, $1, .f64Floor) }
        case .f64Trunc: emitUnary { .rareUnary($0, $1, .f64Trunc) }
        case .f64Nearest: emitUnary { .rareUnary($0, $1, .f64Nearest) }
        case .f64Sqrt: emitUnary(Instruction.f64Sqrt)
        case .i32TruncF32S: emitUnary { .rareUnary($0, $1, .i32TruncF32S) }
        case .i32TruncF32U: emitUnary { .rareUnary($0, $1, .i32TruncF32U) }
        case .i32TruncF64S: emitUnary { .rareUnary($0, $1, .i32TruncF64S) }
        case .i32TruncF64U: emitUnary { .rareUnary($0, $1, .i32TruncF64U) }
        case .i64ExtendI32S: emitUnary(Instruction.i64ExtendI32S)
        case .i64ExtendI32U: if !extendsBoolean() { emitUnary(Instruction.i64ExtendI32U) }
        case .i64TruncF32S: emitUnary { .rareUnary($0, $1, .i64TruncF32S) }
        case .i64TruncF32U: emitUnary { .rareUnary($0, $1, .i64TruncF32U) }
        case .i64TruncF64S: emitUnary { .rareUnary($0, $1, .i64TruncF64S) }
        case .i64TruncF64U: emitUnary { .rareUnary($0, $1, .i64TruncF64U) }
        case .f32ConvertI32S: emitUnary { .rareUnary($0, $1, .f32ConvertI32S) }
        case .f32ConvertI32U: emitUnary { .rareUnary($0, $1, .f32ConvertI32U) }
        case .f32ConvertI64S: emitUnary { .rareUnary($0, $1, .f32ConvertI64S) }
        case .f32ConvertI64U: emitUnary { .rareUnary($0, $1, .f32ConvertI64U) }
        case .f32DemoteF64: emitUnary { .rareUnary($0, $1, .f32DemoteF64) }
        case .f64ConvertI32S: emitUnary { .rareUnary($0, $1, .f64ConvertI32S) }
        case .f64ConvertI32U: emitUnary { .rareUnary($0, $1, .f64ConvertI32U) }
        case .f64ConvertI64S: emitUnary { .rareUnary($0, $1, .f64ConvertI64S) }
        case .f64ConvertI64U: emitUnary { .rareUnary($0, $1, .f64ConvertI64U) }
        case .f64PromoteF32: emitUnary { .rareUnary($0, $1, .f64PromoteF32) }
        case .i32Extend8S: emitUnary { .rareUnary($0, $1, .i32Extend8S) }
        case .i32Extend16S: emitUnary { .rareUnary($0, $1, .i32Extend16S) }
        case .i64Extend8S: emitUnary { .rareUnary($0, $1, .i64Extend8S) }
        case .i64Extend16S: emitUnary { .rareUnary($0, $1, .i64Extend16S) }
        case .i64Extend32S: emitUnary(Instruction.i64Extend32S)
        case .i32TruncSatF32S: emitUnary { .rareUnary($0, $1, .i32TruncSatF32S) }
        case .i32TruncSatF32U: emitUnary { .rareUnary($0, $1, .i32TruncSatF32U) }
        case .i32TruncSatF64S: emitUnary { .rareUnary($0, $1, .i32TruncSatF64S) }
        case .i32TruncSatF64U: emitUnary { .rareUnary($0, $1, .i32TruncSatF64U) }
        case .i64TruncSatF32S: emitUnary { .rareUnary($0, $1, .i64TruncSatF32S) }
        case .i64TruncSatF32U: emitUnary { .rareUnary($0, $1, .i64TruncSatF32U) }
        case .i64TruncSatF64S: emitUnary { .rareUnary($0, $1, .i64TruncSatF64S) }
        case .i64TruncSatF64U: emitUnary { .rareUnary($0, $1, .i64TruncSatF64U) }
        case .i32Eq: emitBinary(Instruction.i32Eq, immediate: Instruction.i32EqImm, mirrored: Instruction.i32EqImm, wide: false)
        case .i32Ne: emitBinary(Instruction.i32Ne, immediate: Instruction.i32NeImm, mirrored: Instruction.i32NeImm, wide: false)
        case .i32LtS: emitBinary(Instruction.i32LtS, immediate: Instruction.i32LtSImm, mirrored: Instruction.i32GtSImm, wide: false)
        case .i32LtU: emitBinary(Instruction.i32LtU, immediate: Instruction.i32LtUImm, mirrored: Instruction.i32GtUImm, wide: false)
        case .i32GtS: emitBinary(Instruction.i32GtS, immediate: Instruction.i32GtSImm, mirrored: Instruction.i32LtSImm, wide: false)
        case .i32GtU: emitBinary(Instruction.i32GtU, immediate: Instruction.i32GtUImm, mirrored: Instruction.i32LtUImm, wide: false)
        case .i32LeS: emitBinary(Instruction.i32LeS, immediate: Translator.lessOrEqual(Instruction.i32LtSImm, signed: true, wide: false),
                                 mirrored: Translator.greaterOrEqual(Instruction.i32GtSImm, signed: true, wide: false), wide: false)
        case .i32LeU: emitBinary(Instruction.i32LeU, immediate: Translator.lessOrEqual(Instruction.i32LtUImm, signed: false, wide: false),
                                 mirrored: Translator.greaterOrEqual(Instruction.i32GtUImm, signed: false, wide: false), wide: false)
        case .i32GeS: emitBinary(Instruction.i32GeS, immediate: Translator.greaterOrEqual(Instruction.i32GtSImm, signed: true, wide: false),
                                 mirrored: Translator.lessOrEqual(Instruction.i32LtSImm, signed: true, wide: false), wide: false)
        case .i32GeU: emitBinary(Instruction.i32GeU, immediate: Translator.greaterOrEqual(Instruction.i32GtUImm, signed: false, wide: false),
                                 mirrored: Translator.lessOrEqual(Instruction.i32LtUImm, signed: false, wide: false), wide: false)
        case .i64Eq: emitBinary(Instruction.i64Eq, immediate: Instruction.i64EqImm, mirrored: Instruction.i64EqImm, wide: true)
        case .i64Ne: emitBinary(Instruction.i64Ne, immediate: Instruction.i64NeImm, mirrored: Instruction.i64NeImm, wide: true)
        case .i64LtS: emitBinary(Instruction.i64LtS, immediate: Instruction.i64LtSImm, mirrored: Instruction.i64GtSImm, wide: true)
        case .i64LtU: emitBinary(Instruction.i64LtU, immediate: Instruction.i64LtUImm, mirrored: Instruction.i64GtUImm, wide: true)
        case .i64GtS: emitBinary(Instruction.i64GtS, immediate: Instruction.i64GtSImm, mirrored: Instruction.i64LtSImm, wide: true)
        case .i64GtU: emitBinary(Instruction.i64GtU, immediate: Instruction.i64GtUImm, mirrored: Instruction.i64LtUImm, wide: true)
        case .i64LeS: emitBinary(Instruction.i64LeS, immediate: Translator.lessOrEqual(Instruction.i64LtSImm, signed: true, wide: true),
                                 mirrored: Translator.greaterOrEqual(Instruction.i64GtSImm, signed: true, wide: true), wide: true)
        case .i64LeU: emitBinary(Instruction.i64LeU, immediate: Translator.lessOrEqual(Instruction.i64LtUImm, signed: false, wide: true),
                                 mirrored: Translator.greaterOrEqual(Instruction.i64GtUImm, signed: false, wide: true), wide: true)
        case .i64GeS: emitBinary(Instruction.i64GeS, immediate: Translator.greaterOrEqual(Instruction.i64GtSImm, signed: true, wide: true),
                                 mirrored: Translator.lessOrEqual(Instruction.i64LtSImm, signed: true, wide: true), wide: true)
        case .i64GeU: emitBinary(Instruction.i64GeU, immediate: Translator.greaterOrEqual(Instruction.i64GtUImm, signed: false, wide: true),
                                 mirrored: Translator.lessOrEqual(Instruction.i64LtUImm, signed: false, wide: true), wide: true)
        case .f32Eq: emitRareBinary(.f32Eq)
        case .f32Ne: emitRareBinary(.f32Ne)
        case .f32Lt: emitRareBinary(.f32Lt)
        case .f32Gt: emitRareBinary(.f32Gt)
        case .f32Le: emitRareBinary(.f32Le)
        case .f32Ge: emitRareBinary(.f32Ge)
        case .f64Eq: emitRareBinary(.f64Eq)
        case .f64Ne: emitRareBinary(.f64Ne)
        case .f64Lt: emitRareBinary(.f64Lt)
        case .f64Gt: emitRareBinary(.f64Gt)
        case .f64Le: emitRareBinary(.f64Le)
        case .f64Ge: emitRareBinary(.f64Ge)
        case .i32Add:
            if !fuseScaledAdd() && !fuseLoadOperand(.i32Add) { emitBinary(Instruction.i32Add, immediate: Instruction.i32AddImm, mirrored: Instruction.i32AddImm, wide: false) }
        case .i32Sub: emitSub(Instruction.i32Sub, wide: false)
        case .i32Mul: emitBinary(Instruction.i32Mul, immediate: Instruction.i32MulImm, mirrored: Instruction.i32MulImm, wide: false)
        case .i32DivS: emitBinary(Instruction.i32DivS)
        case .i32DivU: emitBinary(Instruction.i32DivU)
        case .i32RemS: emitBinary(Instruction.i32RemS)
        case .i32RemU: emitBinary(Instruction.i32RemU)
        case .i32And: emitBinary(Instruction.i32And, immediate: Instruction.i32AndImm, mirrored: Instruction.i32AndImm, wide: false)
        case .i32Or: emitBinary(Instruction.i32Or, immediate: Instruction.i32OrImm, mirrored: Instruction.i32OrImm, wide: false)
        case .i32Xor:
            if !fuseXorShift() && !fuseChain(.i32Xor) { emitBinary(Instruction.i32Xor, immediate: Instruction.i32XorImm, mirrored: Instruction.i32XorImm, wide: false) }
        case .i32Shl: emitBinary(Instruction.i32Shl, immediate: Instruction.i32ShlImm, wide: false)
        case .i32ShrS: emitBinary(Instruction.i32ShrS, immediate: Instruction.i32ShrSImm, wide: false)
        case .i32ShrU: emitBinary(Instruction.i32ShrU, immediate: Instruction.i32ShrUImm, wide: false)
        case .i32Rotl: if !emitImmediateRight(Instruction.i32RotlImm, wide: false) { emitRareBinary(.i32Rotl) }
        case .i32Rotr: emitI32Rotr()
        case .i64Add:
            if !addToZeroExtension() {
                emitBinary(Instruction.i64Add, immediate: Instruction.i64AddImm, mirrored: Instruction.i64AddImm, wide: true)
            }
        case .i64Sub: emitSub(Instruction.i64Sub, wide: true)
        case .i64Mul: emitBinary(Instruction.i64Mul)
        case .i64DivS: emitBinary(Instruction.i64DivS)
        case .i64DivU: emitBinary(Instruction.i64DivU)
        case .i64RemS: emitBinary(Instruction.i64RemS)
        case .i64RemU: emitBinary(Instruction.i64RemU)
        case .i64And: emitBinary(Instruction.i64And, immediate: Instruction.i64AndImm, mirrored: Instruction.i64AndImm, wide: true)
        case .i64Or: emitBinary(Instruction.i64Or, immediate: Instruction.i64OrImm, mirrored: Instruction.i64OrImm, wide: true)
        case .i64Xor: emitBinary(Instruction.i64Xor, immediate: Instruction.i64XorImm, mirrored: Instruction.i64XorImm, wide: true)
        case .i64Shl: emitBinary(Instruction.i64Shl, immediate: Instruction.i64ShlImm, wide: true)
        case .i64ShrS: emitBinary(Instruction.i64ShrS, immediate: Instruction.i64ShrSImm, wide: true)
        case .i64ShrU: emitBinary(Instruction.i64ShrU, immediate: Instruction.i64ShrUImm, wide: true)
        case .i64Rotl: emitBinary(Instruction.i64Rotl)
        case .i64Rotr: emitRareBinary(.i64Rotr)
        case .f32Add: emitRareBinary(.f32Add)
        case .f32Sub: emitRareBinary(.f32Sub)
        case .f32Mul: emitRareBinary(.f32Mul)
        case .f32Div: emitRareBinary(.f32Div)
        case .f32Min: emitRareBinary(.f32Min)
        case .f32Max: emitRareBinary(.f32Max)
        case .f32Copysign: emitRareBinary(.f32Copysign)
        case .f64Add: if !fuseLoadOperand(.f64Add) && !fuseChain(.f64Add) { emitBinary(Instruction.f64Add) }
        case .f64Sub: if !fuseLoadOperand(.f64Sub) { emitBinary(Instruction.f64Sub) }
        case .f64Mul: if !fuseLoadOperand(.f64Mul) && !fuseChain(.f64Mul) { emitBinary(Instruction.f64Mul) }
        case .f64Div: emitBinary(Instruction.f64Div)
        case .f64Min: emitRareBinary(.f64Min)
        case .f64Max: emitRareBinary(.f64Max)
        case .f64Copysign: emitRareBinary(.f64Copysign)
        @unknown default:
            throw Trap(.host, "unsupported operator \(op) in function \(definedIndex)")
        }
    }

    mutating func auxList(_ values: [Int32]) -> Int32 {
        aux.append(contentsOf: values)
        return Int32(aux.count - values.count)
    }

    mutating func load(_ m: MemArg, _ make: (Int32, Int32, UInt32) -> Instruction) {
        let d = tempSlot(stack.count - 1)
        if fuseLoadChase(m, make(d, 0, 0)) { return }
        if m.offset == 0, let index = fuseAddress(at: stack.count - 1, into: make(d, 0, 0)) {
            stack.removeLast()
            pushTemp()
            lastProducer = (index, d)
            return
        }
        let (a, offset) = popAddress(m)
        if offset > UInt64(UInt32.max) {
            // Only memory64 can encode such offsets; every access is out of bounds for a 32-bit memory.
            emit(.trap(.outOfBoundsMemoryAccess))
            pushTemp()
            return
        }
        produce { make($0, a, UInt32(offset)) }
    }

    mutating func store(_ m: MemArg, _ make: (Int32, Int32, UInt32) -> Instruction) {
        if fuseMemoryMove(m, make(0, 0, 0)) { return }
        if m.offset == 0, stack[stack.count - 1].kind != .temp,
           fuseAddress(at: stack.count - 2, into: make(0, slot(at: stack.count - 1), 0)) != nil {
            stack.removeLast(2)
            return
        }
        let v = pop()
        let (a, offset) = popAddress(m)
        if offset > UInt64(UInt32.max) { emit(.trap(.outOfBoundsMemoryAccess)); return }
        emit(make(a, v.slot, UInt32(offset)))
    }

    /// Arguments move to consecutive temporaries at the top of the stack; the callee's frame starts there.
    mutating func call(_ ft: FunctionType, _ make: (Int32) -> Instruction) {
        let n = ft.params.count
        let base = stack.count - n
        for p in base..<stack.count { materialize(p) }
        stack.removeLast(n)
        emit(make(tempSlot(base)))
        for _ in 0..<ft.results.count { pushTemp() }
        maxHeight = max(maxHeight, base + max(n, ft.results.count))
    }
}
