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
        let instance = try b.instantiate(store)
        let address = instance.entity.functionAddresses[0]
        try Executor.compile(address, store: store)
        let c = try XCTUnwrap(store.functions[address].compiled)
        return (0..<c.codeCount).map { String(describing: c.code[$0]) }
    }

    let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64

    func testLocalGetAndConstantsEmitNothingAndSetRetargets() throws {
        // slots: 0 = param, 1 = local, 2 = constant 1
        let ir = try translate(params: [i32], results: [], locals: [i32],
                               Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localSet(1))
        XCTAssertEqual(ir, ["i32Add(1, 0, 2)", "ret"])
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
        // slots: 0 p0, 1 local, 2..3 constants (1, 5), temps from 4
        // The last add writes the result slot 0 directly: nothing runs between it and the return.
        XCTAssertEqual(ir, ["i32Add(1, 0, 2)", "copy(4, 1)", "copy(1, 3)", "i32Add(0, 4, 1)", "ret"])
    }

    func testResultComputedLastIsWrittenToSlotZero() throws {
        // (p0 + 1) returned: the add overwrites its own operand slot 0 (operands are read first).
        XCTAssertEqual(try translate(params: [i32], results: [i32], Op.localGet(0) + Op.i32Const(1) + Op.i32Add),
                       ["i32Add(0, 0, 1)", "ret"])
        // A result that is not the last instruction's still gets a copy.
        XCTAssertEqual(try translate(params: [i32], results: [i32], locals: [i32],
                                     Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localGet(0) + Op.localSet(1)),
                       ["i32Add(3, 0, 2)", "copy(1, 0)", "copy(0, 3)", "ret"])
    }

    func testFuelBlocksOnlyWhenMetering() throws {
        let body = Op.loop + Op.localGet(0) + Op.brIf(0) + Op.end
        // The loop header charges for the straight-line code up to the next fuel point (brIf, ret).
        XCTAssertEqual(try translate(params: [i32], results: [], body), ["loopHeader(2)", "brIf(0, 0)", "ret"])
        XCTAssertEqual(try translate(params: [i32], results: [], body, fuel: 100),
                       ["consumeFuel(0)", "loopHeader(2)", "brIf(0, 1)", "ret"])
    }
}
