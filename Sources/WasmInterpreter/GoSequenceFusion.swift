/// The instruction runs every Go js/wasm function begins and ends with, each one instruction (counted over
/// a KRM function run, they are a tenth of all dispatches):
/// - entry: `global.get SP; loop; br_table` on the resume point (`globalGetLoopTable`);
/// - the stack-guard check: `global.get g; i32.load stackguard; br_if SP > guard` (`globalLoadBrIfGtU`);
/// - a call's return address pushed: `SP -= 8; global SP = SP; store retPC at SP` (`stackPush`);
/// - return: `SP += frame; global SP = SP; return 0` (`popFrameReturnZero`).
/// Like the pairs, the fused form replaces only the first instruction of its run: the others stay in place
/// for branches that land among them, so no label or index moves. Runs before `fusePairs`.
struct StackPush: Equatable {
    /// The stack pointer's slot (read, moved by `delta`, written back and to global `global`).
    let slot: Int16
    let delta: Int16
    let global: Int16
    /// The i64.store's static offset and its value, sign-extended as `i64StoreImm` writes it.
    let offset: UInt16
    let value: Int32

    init?(slot: Int32, delta: Int32, global: Int32, offset: UInt32, value: Int32) {
        guard let s = Int16(exactly: slot), let d = Int16(exactly: delta), let g = Int16(exactly: global),
              let o = UInt16(exactly: offset) else { return nil }
        (self.slot, self.delta, self.global, self.offset, self.value) = (s, d, g, o, value)
    }
}

extension StackPush: CustomStringConvertible {
    var description: String { "\(slot) += \(delta) -> global \(global); [\(slot) + \(offset)] = \(value)" }
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
        case let (.i32AddImmGlobalSet(p, c, g), .i64StoreImm(a, value, offset), _) where p.dst == p.src && a == Int32(p.dst):
            return StackPush(slot: a, delta: c, global: g, offset: offset, value: value).map { (.stackPush($0), 2) }
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

    /// Steps over the two instructions a three-instruction run leaves in place.
    @inline(__always)
    static func skipTwo(_ pc: inout UnsafeMutablePointer<Instruction>) {
        pc = UnsafeMutablePointer(bitPattern: UInt(bitPattern: pc) &+ UInt(2 * MemoryLayout<Instruction>.stride))!
    }
}
