import XCTest
import WasmParser
@testable import WasmInterpreter

/// Register-allocation corner cases of the translator: aliased locals, retargeting, parallel returns.
final class TranslationTests: XCTestCase {
    func instance(params: [UInt8], results: [UInt8], locals: [UInt8] = [], _ body: [UInt8]) throws -> Function {
        var b = ModuleBuilder()
        let t = b.type(params, results)
        b.function("f", type: t, locals: locals, body)
        return try b.instantiate(Store()).exportedFunction("f")!
    }

    func testLocalAliasIsPreservedWhenOverwritten() throws {
        // x; (x = x + 1); x_old - x_new == -1
        let f = try instance(params: [ModuleBuilder.i32], results: [ModuleBuilder.i32],
                             Op.localGet(0) + Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localSet(0)
                             + Op.localGet(0) + Op.i32Sub)
        XCTAssertEqual(try f.invoke([.i32(41)]), [.i32(UInt32.max)])
    }

    func testAliasBelowABlockSurvivesAConditionalOverwrite() throws {
        // local0 is on the stack before the block; the block may or may not overwrite it.
        let f = try instance(params: [ModuleBuilder.i32, ModuleBuilder.i32], results: [ModuleBuilder.i32],
                             Op.localGet(0) + Op.block + Op.localGet(1) + Op.brIf(0)
                             + Op.i32Const(5) + Op.localSet(0) + Op.end)
        XCTAssertEqual(try f.invoke([.i32(7), .i32(1)]), [.i32(7)])
        XCTAssertEqual(try f.invoke([.i32(7), .i32(0)]), [.i32(7)])
    }

    func testConstantWrittenToALocalTakesNoConstantSlot() throws {
        // l1 = 7; old l1 + (l2 = (l1 = 9)) + l1 + p: the writes are `constant` instructions, and a constant slot
        // would be copied into every frame for nothing.
        let i32 = ModuleBuilder.i32
        var b = ModuleBuilder()
        b.function("f", type: b.type([i32], [i32]), locals: [i32, i32],
                   Op.i32Const(7) + Op.localSet(1) + Op.localGet(1) + Op.i32Const(9) + Op.localTee(1) + Op.localSet(2)
                   + Op.localGet(2) + Op.i32Add + Op.localGet(1) + Op.i32Add + Op.localGet(0) + Op.i32Add)
        let store = Store()
        let instance = try b.instantiate(store)
        XCTAssertEqual(try instance.exportedFunction("f")!.invoke([.i32(100)]), [.i32(125)], "7 (old l1) + 9 + 9 + 100")
        XCTAssertEqual(try XCTUnwrap(store.functions[instance.entity.functionAddresses[0]].compiled).constCount, 0)
    }

    func testResultRetargetedOntoLocal() throws {
        let f = try instance(params: [ModuleBuilder.i32], results: [ModuleBuilder.i32], locals: [ModuleBuilder.i32],
                             Op.localGet(0) + Op.i32Const(2) + Op.i32Add + Op.localSet(1)
                             + Op.localGet(1) + Op.localGet(1) + Op.i32Add)
        XCTAssertEqual(try f.invoke([.i32(3)]), [.i32(10)])
    }

    func testSwappedMultiValueReturnUsesParallelCopy() throws {
        let i32 = ModuleBuilder.i32
        let f = try instance(params: [i32, i32], results: [i32, i32], Op.localGet(1) + Op.localGet(0))
        XCTAssertEqual(try f.invoke([.i32(1), .i32(2)]), [.i32(2), .i32(1)])
    }

    func testTeeInLoopCountsDown() throws {
        // loop: local0 = local0 - 1; br_if while local0 != 0; result: iterations in local1
        let i32 = ModuleBuilder.i32
        let f = try instance(params: [i32], results: [i32], locals: [i32],
                             Op.loop + Op.localGet(1) + Op.i32Const(1) + Op.i32Add + Op.localSet(1)
                             + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.localTee(0) + Op.brIf(0) + Op.end
                             + Op.localGet(1))
        XCTAssertEqual(try f.invoke([.i32(1000)]), [.i32(1000)])
    }
}
