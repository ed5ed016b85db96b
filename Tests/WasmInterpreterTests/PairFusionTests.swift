import XCTest
import WasmParser
@testable import WasmInterpreter

/// PairFusion.swift: two instructions of a paired kind run as one dispatch, a branch landing on the second
/// still runs it alone, a trap in the second comes after the first's effect, and operands over 16 bits stay
/// unpaired.
final class PairFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64
    let load8: [UInt8] = [0x29, 0x03, 0x08], load0: [UInt8] = [0x29, 0x03, 0x00]
    let store8: [UInt8] = [0x37, 0x03, 0x08], store0: [UInt8] = [0x37, 0x03, 0x00]

    /// adds(a, b): a + 5, then + 7 unless b (a br_if lands on the second add). loads(p, _): m[p] - m[p + 8].
    /// stores(p, v: i64): m[p] = m[p + 8] = v. storesWrap(p, v: i64): m[p + 8] = m[p + 16] = v through
    /// i32.add (wrapping). moves(d, s): bytes s+1, s+2 to d+3, d+4. far(p, _): m[p + 40000] - m[p]
    /// (unpaired). get(p, _): m[p] as i32. shlAdd(a, b): (a << 3) - (b + 1). words(d, s): the i64s at s+16,
    /// s+24 to d+8, d+16. dispatch(a, q): a += 1, then by the byte m[q]: 10, 20, or a.
    /// bump(a, n): a += 8, n times (at least once). afterCall(_, b): the global if b, else 7 (Go's check after a
    /// call); setGlobal(v, _). nilTest(p, _): 5 if the i64 at p is zero, else that i64 (wrapped).
    /// vmAdd(r, code): r[code[1]] = r[code[2]] + r[code[3]] (i32 registers at r, opcode bytes at code), returns
    /// r[code[1]]. put32(p, v): the i32 at p = v. vmSum(r, code): r[code[2]] + r[code[3]].
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        b.globals = [0]
        let t = b.type([i32, i32], [i32])
        func add(_ local: UInt32, _ c: Int32) -> [UInt8] { Op.localGet(local) + Op.i32Const(c) + Op.i32Add }
        let p: [UInt8] = Op.localGet(0)
        let subWrap: [UInt8] = [0x7D, 0xA7] // i64.sub, i32.wrap_i64
        let byteMove: [UInt8] = [0x2D, 0x00, 0x00, 0x3A, 0x00, 0x00]
        var adds: [UInt8] = Op.block + Op.localGet(1) + Op.brIf(0)
        adds += add(0, 5) + Op.localSet(0) + Op.end
        adds += add(0, 7) + Op.localSet(0) + p
        b.function("adds", type: t, adds)
        b.function("loads", type: t, p + load0 + p + load8 + subWrap)
        let v: [UInt8] = Op.localGet(1)
        let tv = b.type([i32, i64], [i32])
        b.function("stores", type: tv, p + v + store0 + p + v + store8 + p)
        var wrap: [UInt8] = add(0, 8) + v + store0
        wrap += add(0, 16) + v + store0 + p
        b.function("storesWrap", type: tv, wrap)
        var moves: [UInt8] = add(0, 3) + add(1, 1) + byteMove
        moves += add(0, 4) + add(1, 2) + byteMove + p
        b.function("moves", type: t, moves)
        let farLoad: [UInt8] = [0x29, 0x03, 0xC0, 0xB8, 0x02] // offset 40000
        b.function("far", type: t, p + farLoad + p + load0 + subWrap)
        b.function("get", type: t, p + [0x28, 0x02, 0x00])
        var shlAdd: [UInt8] = p + Op.i32Const(3) + [0x74] + Op.localSet(0)
        shlAdd += add(1, 1) + Op.localSet(1) + p + Op.localGet(1) + Op.i32Sub
        b.function("shlAdd", type: t, shlAdd)
        var words: [UInt8] = add(0, 8) + add(1, 16) + load0 + store0
        words += add(0, 16) + add(1, 24) + load0 + store0 + p
        b.function("words", type: t, words)
        var dispatch: [UInt8] = Op.block + Op.block + Op.block + add(0, 1) + Op.localSet(0)
        dispatch += Op.localGet(1) + [0x2D, 0x00, 0x00] + Op.brTable([0, 1], default: 2) + Op.end
        dispatch += Op.i32Const(10) + Op.return + Op.end + Op.i32Const(20) + Op.return + Op.end + p
        b.function("dispatch", type: t, dispatch)
        var bump: [UInt8] = Op.loop + add(0, 8) + Op.localSet(0)
        bump += add(1, -1) + Op.localTee(1) + Op.brIf(0) + Op.end + p
        b.function("bump", type: t, bump)
        var afterCall: [UInt8] = Op.block + Op.globalGet(0) + Op.localSet(0) + Op.localGet(1) + Op.brIf(0)
        afterCall += Op.i32Const(7) + Op.localSet(0) + Op.end + p
        b.function("afterCall", type: t, afterCall)
        b.function("setGlobal", type: t, p + Op.globalSet(0) + p)
        var nilTest: [UInt8] = p + load0 + Op.localSet(2) + Op.localGet(2) + [0x50] + Op.ifI32 + Op.i32Const(5)
        nilTest += Op.else + Op.localGet(2) + [0xA7] + Op.end
        b.function("nilTest", type: t, locals: [i64], nilTest)
        func register(_ k: UInt32) -> [UInt8] { // r + (code[k] << 2), r = local 0, code = local 1
            Op.localGet(0) + Op.localGet(1) + [0x2D, 0x00, UInt8(k)] + Op.i32Const(2) + [0x74] + Op.i32Add
        }
        let load32: [UInt8] = [0x28, 0x02, 0x00]
        var vmAdd: [UInt8] = register(1) + register(2) + load32 + register(3) + load32 + Op.i32Add + [0x36, 0x02, 0x00]
        vmAdd += register(1) + load32
        b.function("vmAdd", type: t, vmAdd)
        b.function("put32", type: t, p + Op.localGet(1) + [0x36, 0x02, 0x00] + p)
        b.function("vmSum", type: t, register(2) + load32 + register(3) + load32 + Op.i32Add)
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ a: Int32, _ b: Int32 = 0) throws -> Int32 {
        try callI32(instance, name, [a, b])
    }

    /// stores / storesWrap: (p: i32, v: i64) -> p.
    func put(_ instance: Instance, _ name: String, _ p: Int32, _ v: Int64) throws {
        _ = try XCTUnwrap(instance.exportedFunction(name)).invoke([.i32(UInt32(bitPattern: p)), .i64(UInt64(bitPattern: v))])
    }

    func testPairsRunBothInstructions() throws {
        let store = Store()
        let instance = try instance(store)
        for (k, form) in ["i32AddImmPair(", "i64LoadPair(", "i64StorePair(", "i64StoreAddImmPair(", "byteMoveAddImmPair("].enumerated() {
            let code = try ir(store, instance, k)
            XCTAssertTrue(code.contains { $0.hasPrefix(form) }, "function \(k): \(code)")
        }
        XCTAssertFalse(try ir(store, instance, 5).contains { $0.contains("Pair(") })
        XCTAssertTrue(try ir(store, instance, 7).contains { $0.hasPrefix("i32ShlImmAddImm(") })
        XCTAssertTrue(try ir(store, instance, 8).contains { $0.hasPrefix("i64MoveAddImmPair(") })
        XCTAssertEqual(try call(instance, "shlAdd", 5, 9), 30)
        let dispatch = try ir(store, instance, 9)
        XCTAssertTrue(dispatch.contains { $0.hasPrefix("i32AddImmBrTableByte(") }, "\(dispatch)")
        try put(instance, "stores", 700, 0x0201) // bytes 1, 2 at 700, 701; 0 at 702
        XCTAssertEqual(try call(instance, "dispatch", 41, 702), 10)
        XCTAssertEqual(try call(instance, "dispatch", 41, 700), 20)
        XCTAssertEqual(try call(instance, "dispatch", 41, 701), 42)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "dispatch", 41, 65_536) }
        let bump = try ir(store, instance, 10)
        XCTAssertTrue(bump.contains { $0.hasPrefix("i32AddImmStepBrIfNez(") }, "\(bump)")
        XCTAssertEqual(try call(instance, "bump", 1, 5), 41)
        XCTAssertEqual(try call(instance, "bump", 1, 1), 9)
        let afterCall = try ir(store, instance, 11), nilTest = try ir(store, instance, 13)
        XCTAssertTrue(afterCall.contains { $0.hasPrefix("globalGetBrIf(") }, "\(afterCall)")
        XCTAssertTrue(nilTest.contains { $0.hasPrefix("i64LoadBrIfI64Nez(") }, "\(nilTest)")
        XCTAssertEqual(try call(instance, "setGlobal", 77), 77)
        XCTAssertEqual(try call(instance, "afterCall", 0, 1), 77)
        XCTAssertEqual(try call(instance, "afterCall", 0, 0), 7)
        try put(instance, "stores", 800, 0x1234)
        XCTAssertEqual(try call(instance, "nilTest", 800), 0x1234)
        XCTAssertEqual(try call(instance, "nilTest", 900), 5)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "nilTest", 65_529) }
        let vmAdd = try ir(store, instance, 14)
        XCTAssertTrue(vmAdd.contains { $0.hasPrefix("i32AddShl2ByteLoad(") }, "\(vmAdd)")
        let vmSum = try ir(store, instance, 16)
        XCTAssertTrue(vmSum.contains { $0.hasPrefix("i32LoadAddShl2BytePair(") }, "\(vmSum)")
        for (k, v) in [(0, 5), (1, 10), (2, 20), (3, 30)] { _ = try call(instance, "put32", 1000 + 4 * Int32(k), Int32(v)) }
        _ = try call(instance, "put32", 2000, 0x0203_0100) // op 0, a 1, b 3, c 2
        XCTAssertEqual(try call(instance, "vmAdd", 1000, 2000), 50, "r1 = r3 + r2")
        XCTAssertEqual(try call(instance, "get", 1004), 50)
        _ = try call(instance, "put32", 2000, 0x0101_0100) // a 1, b 1, c 1: r1 = r1 + r1
        XCTAssertEqual(try call(instance, "vmAdd", 1000, 2000), 100)
        _ = try call(instance, "put32", 2000, 0x0300_0000) // b 0, c 3
        XCTAssertEqual(try call(instance, "vmSum", 1000, 2000), 35)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "vmSum", 65_530, 2000) }
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "vmAdd", 1000, 65_534) }
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "vmAdd", 65_530, 2000) }
        try put(instance, "stores", 516, 0x55)
        XCTAssertEqual(try call(instance, "words", 600, 500), 600)
        XCTAssertEqual(try call(instance, "get", 608), 0x55)
        XCTAssertEqual(try call(instance, "get", 616), 0x55)
        XCTAssertEqual(try call(instance, "adds", 100, 0), 112)
        XCTAssertEqual(try call(instance, "adds", 100, 1), 107, "the branch lands on the second add")
        try put(instance, "stores", 200, 0x0102_0304)
        XCTAssertEqual(try call(instance, "get", 200), 0x0102_0304)
        XCTAssertEqual(try call(instance, "get", 208), 0x0102_0304)
        XCTAssertEqual(try call(instance, "loads", 200), 0)
        try put(instance, "stores", 208, 7)
        XCTAssertEqual(try call(instance, "loads", 200), 0x0102_0304 - 7)
        try put(instance, "storesWrap", -8, 9)
        XCTAssertEqual(try call(instance, "get", 0), 9, "p + 8 wraps to 0")
        XCTAssertEqual(try call(instance, "get", 8), 9)
        XCTAssertEqual(try call(instance, "moves", 297, 200), 297) // bytes 201, 202 to 300, 301
        XCTAssertEqual(try call(instance, "get", 300), 0x0000_0203)
        try put(instance, "stores", 40_200, 40_000)
        XCTAssertEqual(try call(instance, "far", 200), 40_000 - 0x0102_0304)
    }

    func testATrapInTheSecondComesAfterTheFirst() throws {
        let store = Store()
        let instance = try instance(store)
        expectTrap(.outOfBoundsMemoryAccess) { try put(instance, "stores", 65_524, 5) }
        XCTAssertEqual(try call(instance, "get", 65_524), 5, "the first store landed")
        expectTrap(.outOfBoundsMemoryAccess) { try put(instance, "storesWrap", 65_516, 6) }
        XCTAssertEqual(try call(instance, "get", 65_524), 6)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "loads", 65_524) }
        try put(instance, "stores", 400, 0x0190)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "moves", 65_532, 400) }
        XCTAssertEqual(try call(instance, "get", 65_532) >> 24 & 0xFF, 0x01, "byte 401 went to 65535 first")
    }

    /// Numeric code's pairs and a copy before a loop's count-down branch. loadBump(p, q): low32(m[p]) + q + 5.
    /// squares(x, y): x * y - x * x. addSqrt(x, y): sqrt(x) - (x + y). mulDiv(x, y): x / y - x * y.
    /// double(p, x): m[p] = x + x, read back. copies(n, _): l1 += 3, l2 = l1, n times (down to 0). upTo(i, _):
    /// the same, i counting up to 10. put32(p, v). fieldProduct(p, x): x * x - the f64 at p + 8.
    func testNumericPairsAndLoopCopies() throws {
        let f64: UInt8 = 0x7C
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32]), tf = b.type([f64, f64], [f64]), tp = b.type([i32, f64], [f64])
        b.function("loadBump", type: t, locals: [i64], Op.localGet(0) + load0 + Op.localSet(2) + Op.localGet(1)
                   + Op.i32Const(5) + Op.i32Add + Op.localSet(1) + Op.localGet(2) + [0xA7] + Op.localGet(1) + Op.i32Add)
        let x = Op.localGet(0), y = Op.localGet(1)
        b.function("squares", type: tf, locals: [f64, f64], x + y + [0xA2] + Op.localSet(2) + x + x + [0xA2]
                   + Op.localSet(3) + Op.localGet(2) + Op.localGet(3) + [0xA1])
        b.function("addSqrt", type: tf, locals: [f64], x + y + [0xA0] + Op.localSet(2) + x + [0x9F] + Op.localGet(2) + [0xA1])
        b.function("mulDiv", type: tf, locals: [f64], x + y + [0xA2] + Op.localSet(2) + x + y + [0xA3] + Op.localGet(2) + [0xA1])
        b.function("double", type: tp, locals: [f64], y + y + [0xA0] + Op.localSet(2) + x + Op.localGet(2) + [0x39, 0x03, 0x00]
                   + x + [0x2B, 0x03, 0x00])
        let bump: [UInt8] = Op.localGet(2) + Op.i32Const(3) + Op.i32Add + Op.localSet(2) + Op.localGet(2) + Op.localSet(3)
        b.function("copies", type: t, locals: [i32, i32], Op.loop + bump + Op.localGet(0) + Op.i32Const(-1) + Op.i32Add
                   + Op.localTee(0) + Op.brIf(0) + Op.end + Op.localGet(3))
        b.function("upTo", type: t, locals: [i32, i32], Op.loop + bump + Op.localGet(0) + Op.i32Const(1) + Op.i32Add
                   + Op.localTee(0) + Op.i32Const(10) + [0x47] + Op.brIf(0) + Op.end + Op.localGet(3))
        b.function("put32", type: t, Op.localGet(0) + Op.localGet(1) + [0x36, 0x02, 0x00] + Op.localGet(1))
        b.function("fieldProduct", type: tp, locals: [f64], x + Op.i32Const(8) + Op.i32Add + [0x2B, 0x03, 0x00] + Op.localSet(2)
                   + y + y + [0xA2] + Op.localGet(2) + [0xA1])
        let store = Store()
        let instance = try b.instantiate(store)
        let forms = ["i64LoadI32AddImm(", "f64MulPair(", "f64AddSqrt(", "f64MulDiv(", "f64AddStore(", "copyStepBrIfNez(",
                     "copyStepBrIfI32NeImm("]
        for (k, form) in forms.enumerated() {
            let code = try ir(store, instance, k)
            XCTAssertTrue(code.contains { $0.hasPrefix(form) }, "function \(k): \(code)")
        }
        _ = try callI32(instance, "put32", [64, 0x7000_0000])
        XCTAssertEqual(try callI32(instance, "loadBump", [64, 10]), 0x7000_000F)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try callI32(instance, "loadBump", [65_530, 10]) }
        func f(_ name: String, _ args: [Value]) throws -> Double { try callF64(instance, name, args) }
        XCTAssertEqual(try f("squares", [.f64(3.0.bitPattern), .f64(5.0.bitPattern)]), 15 - 9)
        XCTAssertEqual(try f("addSqrt", [.f64(16.0.bitPattern), .f64(2.0.bitPattern)]), 4 - 18)
        XCTAssertEqual(try f("mulDiv", [.f64(3.0.bitPattern), .f64(4.0.bitPattern)]), 0.75 - 12)
        XCTAssertEqual(try f("double", [.i32(128), .f64(1.25.bitPattern)]), 2.5)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try f("double", [.i32(65_529), .f64(1)]) }
        XCTAssertEqual(try callI32(instance, "copies", [7, 0]), 21)
        XCTAssertEqual(try callI32(instance, "upTo", [4, 0]), 18)
        XCTAssertTrue(try ir(store, instance, 8).contains { $0.hasPrefix("i64LoadAddImmF64Mul(") })
        _ = try f("double", [.i32(200), .f64(1.5.bitPattern)]) // the f64 3 at 200
        XCTAssertEqual(try f("fieldProduct", [.i32(192), .f64(4.0.bitPattern)]), 16 - 3)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try f("fieldProduct", [.i32(65_528), .f64(1)]) }
    }
}
