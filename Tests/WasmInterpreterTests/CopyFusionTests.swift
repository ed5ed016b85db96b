import XCTest
import WasmParser
@testable import WasmInterpreter

/// Copies in a row run as one `copy2`/`copy3`; each must still read what the copies before it wrote, and a
/// copy that a branch lands on must stay separate.
final class CopyFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32

    func instantiate(params: Int, locals: Int, _ body: [UInt8]) throws -> (Store, Instance) {
        var b = ModuleBuilder()
        let t = b.type(Array(repeating: i32, count: params), [i32])
        b.function("f", type: t, locals: Array(repeating: i32, count: locals), body)
        let store = Store()
        return (store, try b.instantiate(store))
    }

    func call(_ instance: Instance, _ args: [Int32]) throws -> Int32 { try callI32(instance, "f", args) }

    /// (a, b, c) -> (b, c, a) through a scratch local: four dependent copies, the later ones reading what
    /// the earlier ones wrote. Result a * 10000 + b * 100 + c.
    func testRotationThroughScratchKeepsCopyOrder() throws {
        let rotate = Op.localGet(0) + Op.localSet(3) + Op.localGet(1) + Op.localSet(0)
            + Op.localGet(2) + Op.localSet(1) + Op.localGet(3) + Op.localSet(2)
        let pack = Op.localGet(0) + Op.i32Const(10000) + [0x6C] + Op.localGet(1) + Op.i32Const(100) + [0x6C]
            + Op.i32Add + Op.localGet(2) + Op.i32Add
        let (store, instance) = try instantiate(params: 3, locals: 1, rotate + pack)
        let code = try ir(store, instance)
        XCTAssertTrue(code.contains { $0.hasPrefix("copy3(") } && code.contains { $0.hasPrefix("copy(") }, "\(code)")
        XCTAssertFalse(code.contains { $0.hasPrefix("copy2(") }, "four copies: a triple and a single, \(code)")
        for (a, b, c) in [(1, 2, 3), (7, 0, 42), (99, 98, 97)] as [(Int32, Int32, Int32)] {
            XCTAssertEqual(try call(instance, [a, b, c]), b * 10000 + c * 100 + a)
        }
    }

    /// `if p2 { l1 = p0 }; l3 = l1`: the copy after `end` is where the skipped `if` lands, so it must not
    /// join the copy inside the `if`.
    func testCopyAtALabelIsNotJoined() throws {
        let body = Op.i32Const(7) + Op.localSet(1) + Op.localGet(2) + [0x04, 0x40] + Op.localGet(0) + Op.localSet(1)
            + Op.end + Op.localGet(1) + Op.localSet(3) + Op.localGet(3)
        let (store, instance) = try instantiate(params: 3, locals: 1, body)
        let code = try ir(store, instance)
        XCTAssertTrue(code.contains("copy(1, 0)"), "the copy inside the if stands alone: \(code)")
        XCTAssertEqual(try call(instance, [5, 0, 0]), 7)
        XCTAssertEqual(try call(instance, [5, 0, 1]), 5)
    }

    /// Slots beyond 16 bits keep plain copies.
    func testWideSlotsStayPlainCopies() throws {
        XCTAssertNil(Instruction.copy(70_000, 1).appendingCopy(2, 3))
        XCTAssertNil(Instruction.copy(1, 2).appendingCopy(3, 70_000))
        XCTAssertNotNil(Instruction.copy(1, 2).appendingCopy(3, 4))
        XCTAssertNil(Instruction.i32Add(1, 2, 3).appendingCopy(3, 4))
    }

    /// f(n): a loop whose last move is `local.get 2; local.set 1` before `br_if` on a local (fib's shape):
    /// n steps down by 2 through local 2, local 1 takes it, local 3 (n >u 1 before the step) decides the
    /// next round, local 4 counts rounds. Result: local 1 * 1000 + rounds (a Swift model gave the values).
    func testCopyBeforeBranchRunsFirst() throws {
        let step = Op.localGet(0) + Op.i32Const(1) + [0x4B] + Op.localSet(3)
            + Op.localGet(0) + Op.i32Const(-2) + Op.i32Add + Op.localTee(2) + Op.localSet(0)
            + Op.localGet(4) + Op.i32Const(1) + Op.i32Add + Op.localSet(4)
            + Op.localGet(2) + Op.localSet(1)
        let loopOnCondition = Op.loop + step + Op.localGet(3) + Op.brIf(0) + Op.end
        let result = Op.localGet(1) + Op.i32Const(1000) + [0x6C] + Op.localGet(4) + Op.i32Add
        let (store, instance) = try instantiate(params: 1, locals: 4, loopOnCondition + result)
        let code = try ir(store, instance)
        XCTAssertTrue(code.contains { $0.hasPrefix("brIfCopy(1 <- 2, 3, ") }, "\(code)")
        XCTAssertFalse(code.contains { $0.hasPrefix("copy(1, 2)") }, "\(code)")
        for (n, expected): (Int32, Int32) in [(10, -1994), (11, -994), (3, -998), (1, -999), (0, -1999)] {
            XCTAssertEqual(try call(instance, [n]), expected, "n = \(n)")
        }
        // Branching on the copy's own destination sees the value just copied: 8, 6, 4, 2, then 0 stops.
        let selfTest = Op.loop + step + Op.localGet(1) + Op.brIf(0) + Op.end + result
        let (store2, instance2) = try instantiate(params: 1, locals: 4, selfTest)
        XCTAssertTrue(try ir(store2, instance2).contains { $0.hasPrefix("brIfCopy(1 <- 2, 1, ") })
        XCTAssertEqual(try call(instance2, [10]), 5)
    }
}
