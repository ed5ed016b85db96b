import XCTest
import WasmParser
@testable import WasmInterpreter

/// GoDispatchJump.swift and the stack-pointer rewrite of TranslatorGoPeepholes.swift, on functions shaped
/// like Go's js/wasm output: the jumps must land where the loop's br_table would send them, with fuel
/// metering on or off, and still count as loop back-edges for the deadline.
final class GoDispatchJumpTests: XCTestCase {
    let i32 = ModuleBuilder.i32

    /// sum(n) = n + (n-1) + ... + 1 as a Go-style state machine: local 1 is the block number (PC_B), local 2
    /// the sum. Block 0 starts, block 1 adds and steps, block 2 returns. The exit jump writes 9, which the
    /// br_table clamps to its default (block 2).
    var stateMachine: [UInt8] {
        let jump = { (k: Int32, depth: UInt32) in Op.i32Const(k) + Op.localSet(1) + Op.br(depth) }
        return Op.loop + Op.block + Op.block + Op.block
            + Op.localGet(1) + Op.brTable([0, 1], default: 2) + Op.end
            + Op.i32Const(0) + Op.localSet(2) + jump(1, 2) + Op.end
            + Op.localGet(0) + Op.i32Eqz + Op.ifEmpty + jump(9, 2) + Op.end
            + Op.localGet(2) + Op.localGet(0) + Op.i32Add + Op.localSet(2)
            + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.localSet(0)
            + jump(1, 1) + Op.end
            + Op.localGet(2) + Op.return + Op.end + Op.localGet(2)
    }

    /// `n` times around a loop with no br_table: the jump cannot be resolved and goes through the header.
    var plainLoop: [UInt8] {
        Op.loop + Op.localGet(0) + Op.i32Eqz + Op.ifEmpty + Op.localGet(1) + Op.return + Op.end
            + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.localSet(0)
            + Op.i32Const(5) + Op.localSet(1) + Op.br(0) + Op.end + Op.localGet(1)
    }

    func instantiate(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        let t = b.type([i32], [i32])
        b.function("sum", type: t, locals: [i32, i32], stateMachine)
        b.function("plain", type: t, locals: [i32], plainLoop)
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ n: Int32) throws -> Int32 { try callI32(instance, name, [n]) }

    /// (loop, target) of every dispatchJump in the function's register code.
    func dispatchJumps(_ code: [String]) -> [(loop: Int, target: Int)] {
        code.filter { $0.hasPrefix("dispatchJump(") }.map { line in
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            return (numbers[numbers.count - 2], numbers[numbers.count - 1])
        }
    }

    func testJumpsGoStraightToTheBlockTheTableNames() throws {
        let store = Store()
        let instance = try instantiate(store)
        let jumps = dispatchJumps(try ir(store, instance, 0))
        XCTAssertEqual(jumps.count, 3, "three constant-and-branch pairs")
        for j in jumps { XCTAssertGreaterThan(j.target, j.loop + 1, "resolved past the br_table") }
        for n: Int32 in [0, 1, 10, 1000] { XCTAssertEqual(try call(instance, "sum", n), n * (n + 1) / 2) }
    }

    func testUnresolvableJumpGoesThroughTheLoopHeader() throws {
        let store = Store()
        let instance = try instantiate(store)
        let jumps = dispatchJumps(try ir(store, instance, 1))
        XCTAssertEqual(jumps.count, 1)
        XCTAssertEqual(jumps.first?.target, jumps.first?.loop)
        XCTAssertEqual(try call(instance, "plain", 3), 5)
        XCTAssertEqual(try call(instance, "plain", 0), 0)
    }

    /// Translated with fuel on, and translated without it but run with it: the same sums, fuel charged.
    func testMeteredRunsTakeTheSameJumps() throws {
        let metered = Store(configuration: EngineConfiguration(fuel: 10_000_000))
        let a = try instantiate(metered)
        XCTAssertEqual(try call(a, "sum", 100), 5050)
        XCTAssertEqual(try call(a, "plain", 7), 5)
        XCTAssertLessThan(try XCTUnwrap(metered.configuration.fuel), 10_000_000 - 400)

        let late = Store()
        let b = try instantiate(late)
        XCTAssertEqual(try call(b, "sum", 10), 55)
        late.configuration.fuel = 10_000_000
        XCTAssertEqual(try call(b, "sum", 100), 5050)
        // Code translated without fuel is charged at loop headers only: every jump passes the header.
        XCTAssertLessThan(try XCTUnwrap(late.configuration.fuel), 10_000_000 - 200)
        late.configuration.fuel = 50
        expectTrap(.outOfFuel) { _ = try self.call(b, "sum", 100) }
    }

    /// n = -1 steps about four billion times: only the deadline ends it.
    func testResolvedJumpsCountForTheDeadline() throws {
        let store = Store()
        let instance = try instantiate(store)
        let start = ContinuousClock.now
        store.configuration.deadline = start + .milliseconds(50)
        expectTrap(.timeout) { _ = try self.call(instance, "sum", -1) }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }

    /// `global.set 0 (i32.add (global.get 0) (i32.const -8))` and Go's `local.tee sp; global.set 0` of such a
    /// sum become one i32AddImmGlobalSet, wrapping at 32 bits; a sum of two slots stays an add and a global.set.
    func testStackPointerMoveIsOneInstruction() throws {
        var b = ModuleBuilder()
        b.globals = [4, 0]
        let t = b.type([i32], [i32])
        b.function("down", type: t, Op.globalGet(0) + Op.i32Const(-8) + Op.i32Add + Op.globalSet(0) + Op.globalGet(0))
        b.function("tee", type: t, locals: [i32], Op.localGet(0) + Op.i32Const(3) + Op.i32Add + Op.localTee(1)
            + Op.globalSet(1) + Op.globalGet(1) + Op.localGet(1) + Op.i32Add)
        b.function("sum", type: t, Op.localGet(0) + Op.localGet(0) + Op.i32Add + Op.globalSet(1) + Op.globalGet(1))
        let store = Store()
        let instance = try b.instantiate(store)
        XCTAssertTrue(try ir(store, instance, 0).contains { $0.hasPrefix("i32AddImmGlobalSet(") && $0.hasSuffix(", -8, 0)") })
        XCTAssertTrue(try ir(store, instance, 1).contains("i32AddImmGlobalSet(1 <- 0, 3, 1)"))
        XCTAssertFalse(try ir(store, instance, 2).contains { $0.hasPrefix("i32AddImmGlobalSet") })
        XCTAssertEqual(try call(instance, "down", 0), -4)
        XCTAssertEqual(try call(instance, "down", 0), -12)
        XCTAssertEqual(try call(instance, "tee", Int32.max), 4, "(2^31 + 2) * 2 wraps to 4")
        XCTAssertEqual(try call(instance, "sum", 21), 42)
    }

    /// Go's epilogue moves the stack pointer twice in a row: one instruction with the sum. With a label
    /// between them (a branch may skip the first), they stay two.
    func testTwoStackPointerMovesInARowAreOne() throws {
        let move = { (k: Int32) in Op.localGet(1) + Op.i32Const(k) + Op.i32Add + Op.localTee(1) + Op.globalSet(0) }
        let start = Op.globalGet(0) + Op.localSet(1)
        var b = ModuleBuilder()
        b.globals = [1000]
        let t = b.type([i32], [i32])
        b.function("merged", type: t, locals: [i32], start + move(80) + move(8) + Op.globalGet(0))
        b.function("label", type: t, locals: [i32], start + move(80) + Op.block + Op.localGet(0) + Op.brIf(0) + Op.end
            + move(8) + Op.globalGet(0))
        let store = Store()
        let instance = try b.instantiate(store)
        let moves = { (k: Int) in try self.ir(store, instance, k).filter { $0.hasPrefix("i32AddImmGlobalSet(") } }
        XCTAssertEqual(try moves(0), ["i32AddImmGlobalSet(1 <- 1, 88, 0)"])
        XCTAssertEqual(try moves(1).count, 2)
        XCTAssertEqual(try call(instance, "merged", 0), 1088)
        XCTAssertEqual(try call(instance, "label", 1), 1176)
        XCTAssertEqual(try call(instance, "label", 0), 1264)
    }
}
