import XCTest
import WasmParser
@testable import WasmInterpreter

/// Pins the register code the translator emits for small bodies (frame: params, locals, constants, temps).
final class IRGoldenTests: XCTestCase {
    func translate(params: [UInt8], results: [UInt8], locals: [UInt8] = [], _ body: [UInt8],
                   fuel: UInt64? = nil) throws -> [String] {
        var b = ModuleBuilder()
        let t = b.type(params, results)
        b.function("f", type: t, locals: locals, body)
        let store = Store(configuration: EngineConfiguration(fuel: fuel))
        return try ir(store, try b.instantiate(store))
    }

    let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64

    func testLocalGetAndConstantsEmitNothingAndSetRetargets() throws {
        // slots: 0 = param, 1 = local; the constant 1 is an immediate
        let ir = try translate(params: [i32], results: [], locals: [i32],
                               Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localSet(1))
        XCTAssertEqual(ir, ["i32AddImm(1, 0, 1)", "ret"])
    }

    func testAddingZeroEmitsNothing() throws {
        // x + 0, x - 0, x | 0, x ^ 0 leave x where it is: `return p0 + 0` is a bare return.
        for op: UInt8 in [0x6A, 0x6B, 0x72, 0x73] {
            XCTAssertEqual(try translate(params: [i32], results: [i32], Op.localGet(0) + Op.i32Const(0) + [op]), ["ret"])
        }
        XCTAssertEqual(try translate(params: [i64], results: [i64], Op.localGet(0) + [0x42, 0x00, 0x7C]), ["ret"])
        // An i32 whose slot still holds a wrapped i64's upper half: extend_i32_u sees only the low 32 bits.
        var b = ModuleBuilder()
        b.function("f", type: b.type([i64], [i64]), Op.localGet(0) + [0xA7] + Op.i32Const(0) + Op.i32Add + [0xAD])
        let f = try XCTUnwrap(try b.instantiate(Store()).exportedFunction("f"))
        XCTAssertEqual(try f.invoke([.i64(0x1_0000_0005)]), [.i64(5)])
    }

    func testComparisonFusesIntoBranch() throws {
        // block; br_if 0 (p0 < p1 unsigned); end  -> one fused branch to the end of the block
        let ir = try translate(params: [i32, i32], results: [],
                               Op.block + Op.localGet(0) + Op.localGet(1) + [0x49] + Op.brIf(0) + Op.end)
        XCTAssertEqual(ir, ["brIfI32LtU(0, 1, 1)", "ret"])
    }

    func testWrapIsFreeAndResultLandsInSlotZero() throws {
        let ir = try translate(params: [i64], results: [i32], Op.localGet(0) + [0xA7])
        // The wrapped value already sits in slot 0 (the parameter): nothing to copy.
        XCTAssertEqual(ir, ["ret"])
    }

    func testTeeKeepsAliasAndPreservesOnOverwrite() throws {
        // (local.tee 1 (p0 + 1)) ; local.set 1 (const 5) ; add -> the old local 1 is copied out first
        let ir = try translate(params: [i32], results: [i32], locals: [i32],
                               Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localTee(1)
                               + Op.i32Const(5) + Op.localSet(1) + Op.localGet(1) + Op.i32Add)
        // slots: 0 p0, 1 local, 2..3 constant area (unused: both constants are immediates), temps from 4
        // The last add writes the result slot 0 directly: nothing runs between it and the return.
        XCTAssertEqual(ir, ["i32AddImm(1, 0, 1)", "copy(4, 1)", "constant(1, 5, 0)", "i32Add(0, 4, 1)", "ret"])
    }

    func testResultComputedLastIsWrittenToSlotZero() throws {
        // (p0 + 1) returned: the add overwrites its own operand slot 0 (operands are read first).
        XCTAssertEqual(try translate(params: [i32], results: [i32], Op.localGet(0) + Op.i32Const(1) + Op.i32Add),
                       ["i32AddImm(0, 0, 1)", "ret"])
        // A result that is not the last instruction's still gets a copy (joined to the local's copy).
        XCTAssertEqual(try translate(params: [i32], results: [i32], locals: [i32],
                                     Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localGet(0) + Op.localSet(1)),
                       ["i32AddImm(3, 0, 1)", "copy2(1 <- 0, 0 <- 3)", "ret"])
    }

    func testFuelBlocksOnlyWhenMetering() throws {
        let body = Op.loop + Op.localGet(0) + Op.brIf(0) + Op.end
        // The loop header charges for the straight-line code up to the next fuel point (brIf, ret).
        XCTAssertEqual(try translate(params: [i32], results: [], body), ["loopHeader(2)", "brIf(0, 0)", "ret"])
        XCTAssertEqual(try translate(params: [i32], results: [], body, fuel: 100),
                       ["consumeFuel(0)", "loopHeader(2)", "brIf(0, 1)", "ret"])
    }

    func testInstructionStrideStaysSixteenBytes() {
        XCTAssertLessThanOrEqual(MemoryLayout<Instruction>.stride, 16)
        // 12 bytes of payload and the tag: two bytes since the 257th case. (An early build spilled pc when
        // the tag grew; measured again with Swift 6.3, the kernels' and Go's instruction counts did not move.)
        XCTAssertLessThanOrEqual(MemoryLayout<Instruction>.size, 14)
    }

    func testCompareWithConstantFusesIntoImmediateBranch() throws {
        // loop; br_if 0 (p0 < 10 signed); end
        let ir = try translate(params: [i32], results: [], Op.loop + Op.localGet(0) + Op.i32Const(10) + [0x48] + Op.brIf(0) + Op.end)
        XCTAssertEqual(ir, ["loopHeader(2)", "brIfI32LtSImm(0, 10, 0)", "ret"])
        // block; br_if 0 (10 > p0); end: 10 > p0 is p0 < 10
        XCTAssertEqual(try translate(params: [i32], results: [], Op.block + Op.i32Const(10) + Op.localGet(0) + [0x4A] + Op.brIf(0) + Op.end),
                       ["brIfI32LtSImm(0, 10, 1)", "ret"])
    }

    func testConstantResultsAreWrittenNotCopied() throws {
        // return (7, p0): the constant is written into slot 0 after p0 moves to slot 1
        XCTAssertEqual(try translate(params: [i32], results: [i32, i32], Op.i32Const(7) + Op.localGet(0)),
                       ["copy(1, 0)", "constant(0, 7, 0)", "ret"])
        // i64 -1 spans both halves
        XCTAssertEqual(try translate(params: [], results: [i64], [0x42, 0x7F]), ["constant(0, 4294967295, 4294967295)", "ret"])
    }

    func testConstantAddressFoldsIntoOffset() throws {
        var b = ModuleBuilder()
        let t = b.type([], [i32])
        b.memory = (1, nil)
        // i32.load offset=4 (i32.const 16): address slot = the shared zero constant, offset 20
        b.function("f", type: t, Op.i32Const(16) + [0x28, 0x02, 0x04])
        let store = Store()
        let instance = try b.instantiate(store)
        XCTAssertEqual(try ir(store, instance), ["i32Load(0, 0, 20)", "ret"])
        XCTAssertEqual(store.functions[instance.entity.functionAddresses[0]].compiled?.constCount, 1)
    }
}
