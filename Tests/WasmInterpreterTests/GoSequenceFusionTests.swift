import XCTest
import WasmParser
@testable import WasmInterpreter

/// GoSequenceFusion.swift: Go's entry, stack-guard check, return-address push and return each run as one
/// instruction and compute what the instructions they stand for compute: results, the globals they set,
/// the memory they write, traps after the effects that come first, a branch back into the run, and no
/// fused entry under fuel metering (its loop header charges fuel).
final class GoSequenceFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32

    /// entry(resume, x): Go's prologue: SP = global 0, then a loop opening with a br_table on `resume`:
    /// 0 gives SP + 100; 1 adds x to SP and goes round again with resume 0; anything else gives -1.
    /// guard(sp, _): 1 if sp > the i32 at global 1 + 16, else 2. push(sp, _): sp -= 8, global 0 = sp,
    /// the i64 -5 at sp; returns sp. pushCall(sp, _): the same push, then argPlus(0) (x + 1000). brIf, brIfI64EqImm,
    /// brIfI64GeUImm, brIfI64Nez (resume, x: i64): Go's block machine: at resume 0 a branch on x (x wrapped != 0,
    /// x == 5, and `if`s holding the else part: x <u 5, x == 0) to block 1, else resume = 1 and round the loop; block 1 returns resume + 100. pop(sp, _): sp += 24, global 0 = sp, returns 0. callsPop(sp, _):
    /// pop(sp) + global 0. setGlobal(k, v): global k = v. get(p, _): the i32 at p, put(p, v): the i32 at p = v. global0(_, _).
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        b.globals = [1000, 200]
        let t = b.type([i32, i32], [i32])
        var entry: [UInt8] = Op.globalGet(0) + Op.localSet(2) + Op.loop + Op.block + Op.block + Op.block
        entry += Op.localGet(0) + Op.brTable([0, 1, 2], default: 2) + Op.end
        entry += Op.localGet(2) + Op.i32Const(100) + Op.i32Add + Op.return + Op.end
        entry += Op.localGet(2) + Op.localGet(1) + Op.i32Add + Op.localSet(2) + Op.i32Const(0) + Op.localSet(0) + Op.br(1)
        entry += Op.end + Op.i32Const(-1) + Op.return + Op.end + Op.i32Const(-2)
        b.function("entry", type: t, locals: [i32], entry)
        var guardCheck: [UInt8] = Op.block + Op.localGet(0) + Op.globalGet(1) + [0x28, 0x02, 0x10, 0x4B] + Op.brIf(0)
        guardCheck += Op.i32Const(2) + Op.return + Op.end + Op.i32Const(1)
        b.function("guard", type: t, guardCheck)
        let moveSP: (Int32) -> [UInt8] = { Op.localGet(0) + Op.i32Const($0) + Op.i32Add + Op.localTee(0) + Op.globalSet(0) }
        b.function("push", type: t, moveSP(-8) + Op.localGet(0) + [0x42, 0x7B, 0x37, 0x03, 0x00] + Op.localGet(0))
        let pop = b.function("pop", type: t, moveSP(24) + Op.i32Const(0) + Op.return)
        b.function("callsPop", type: t, Op.localGet(0) + Op.localGet(1) + Op.call(pop) + Op.globalGet(0) + Op.i32Add)
        var setGlobal: [UInt8] = Op.block + Op.localGet(0) + Op.brIf(0) + Op.localGet(1) + Op.globalSet(0) + Op.i32Const(0)
        setGlobal += Op.return + Op.end + Op.localGet(1) + Op.globalSet(1) + Op.i32Const(1)
        b.function("setGlobal", type: t, setGlobal)
        b.function("get", type: t, Op.localGet(0) + [0x28, 0x02, 0x00])
        b.function("put", type: t, Op.localGet(0) + Op.localGet(1) + [0x36, 0x02, 0x00] + Op.localGet(1))
        b.function("global0", type: t, Op.globalGet(0))
        let argPlus = b.function("argPlus", type: b.type([i32], [i32]), Op.localGet(0) + Op.i32Const(1000) + Op.i32Add)
        b.function("pushCall", type: t, moveSP(-8) + Op.localGet(0) + [0x42, 0x7B, 0x37, 0x03, 0x00] + Op.i32Const(0) + Op.call(argPlus))
        let t64 = b.type([i32, ModuleBuilder.i64], [i32])
        let branches: [(name: String, condition: [UInt8], inIf: Bool)] = [
            ("brIf", Op.localGet(1) + [0xA7], false), ("brIfI64EqImm", Op.localGet(1) + [0x42, 0x05, 0x51], false),
            ("brIfI64GeUImm", Op.localGet(1) + [0x42, 0x05, 0x54], true), ("brIfI64Nez", Op.localGet(1) + [0x50], true)]
        for (name, condition, inIf) in branches {
            var machine: [UInt8] = Op.loop + Op.block + Op.block + Op.localGet(0) + Op.brTable([0, 1], default: 1) + Op.end
            if inIf { // if (x <u 5) / if (x == 0) { resume = 1; round the loop }; else block 1
                machine += condition + Op.ifEmpty + Op.i32Const(1) + Op.localSet(0) + Op.br(2) + Op.end + Op.br(0) + Op.end
            } else {
                machine += condition + Op.brIf(0) + Op.i32Const(1) + Op.localSet(0) + Op.br(1) + Op.end
            }
            machine += Op.localGet(0) + Op.i32Const(100) + Op.i32Add + Op.return + Op.end + Op.i32Const(-2)
            b.function(name, type: t64, machine)
        }
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ a: Int32, _ b: Int32 = 0) throws -> Int32 {
        try callI32(instance, name, [a, b])
    }

    func stackPointer(_ instance: Instance) throws -> Int32 { try call(instance, "global0", 0) }

    func testGoEntryRunsGlobalGetLoopAndTable() throws {
        let store = Store()
        let instance = try instance(store)
        let code = try ir(store, instance, 0)
        XCTAssertTrue(code.first?.hasPrefix("globalGetLoopTable(") == true, "\(code)")
        XCTAssertEqual(try call(instance, "entry", 0, 7), 1100)
        XCTAssertEqual(try call(instance, "entry", 1, 7), 1107, "round the loop: the back edge lands after the fused entry")
        XCTAssertEqual(try call(instance, "entry", 2, 7), -1)
        XCTAssertEqual(try call(instance, "entry", -1, 7), -1, "an index past the table takes the default")
        _ = try call(instance, "setGlobal", 0, 50)
        XCTAssertEqual(try call(instance, "entry", 0, 7), 150)
    }

    func testMeteredEntryKeepsItsLoopHeader() throws {
        let store = Store(configuration: EngineConfiguration(fuel: 1_000_000))
        let instance = try instance(store)
        XCTAssertFalse(try ir(store, instance, 0).contains { $0.hasPrefix("globalGetLoopTable(") })
        XCTAssertEqual(try call(instance, "entry", 1, 7), 1107)
    }

    func testStackGuardCheckLoadsAndBranches() throws {
        let store = Store()
        let instance = try instance(store)
        let code = try ir(store, instance, 1)
        XCTAssertTrue(code.contains { $0.hasPrefix("globalLoadBrIfGtU(") }, "\(code)")
        _ = try call(instance, "put", 216, 500)
        XCTAssertEqual(try call(instance, "guard", 501), 1)
        XCTAssertEqual(try call(instance, "guard", 500), 2)
        XCTAssertEqual(try call(instance, "guard", -1), 1, "unsigned: 0xffffffff is above")
        _ = try call(instance, "setGlobal", 1, 65_520)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "guard", 1) }
    }

    func testReturnAddressPushMovesStoresAndTraps() throws {
        let store = Store()
        let instance = try instance(store)
        let code = try ir(store, instance, 2)
        XCTAssertTrue(code.first?.hasPrefix("stackPush(") == true, "\(code)")
        XCTAssertEqual(try call(instance, "push", 1000), 992)
        XCTAssertEqual(try stackPointer(instance), 992)
        XCTAssertEqual(try call(instance, "get", 992), -5)
        XCTAssertEqual(try call(instance, "get", 996), -1, "the constant is sign-extended to 64 bits")
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "push", 4) }
        XCTAssertEqual(try stackPointer(instance), -4, "the global is set before the store traps")
    }

    func testCallArgumentJoinsTheReturnAddressPush() throws {
        let store = Store()
        let instance = try instance(store)
        let code = try ir(store, instance, 10)
        XCTAssertTrue(code.first?.hasPrefix("stackPushCallArgument(") == true, "\(code)")
        _ = try call(instance, "put", 992, 77)
        XCTAssertEqual(try call(instance, "pushCall", 1000), 1000, "argument 0")
        XCTAssertEqual(try stackPointer(instance), 992)
        XCTAssertEqual(try call(instance, "get", 992), -5)
    }

    /// An x that takes the branch of the block machine `name` and one that falls through to its dispatch.
    func xValues(_ name: String) -> (taken: UInt64, notTaken: UInt64) {
        switch name {
        case "brIfI64EqImm": return (5, 0)
        case "brIfI64GeUImm": return (9, 4)
        case "brIf": return (0x1_0000_0001, 0x1_0000_0000) // the wrapped low half decides
        default: return (0x1_0000_0001, 0)
        }
    }

    func testBranchElseDispatchTakesEitherWay() throws {
        for metered in [false, true] {
            let store = Store(configuration: metered ? EngineConfiguration(fuel: 1_000_000) : EngineConfiguration())
            let instance = try instance(store)
            for (k, name) in ["brIf", "brIfI64EqImm", "brIfI64GeUImm", "brIfI64Nez"].enumerated() {
                let code = try ir(store, instance, 11 + k)
                XCTAssertEqual(code.contains { $0.hasPrefix(name + "ElseDispatch(") }, !metered, "\(code)")
                let f = try XCTUnwrap(instance.exportedFunction(name))
                let (taken, notTaken) = xValues(name)
                XCTAssertEqual(try f.invoke([.i32(0), .i64(taken)]), [.i32(100)], "\(name) taken")
                XCTAssertEqual(try f.invoke([.i32(0), .i64(notTaken)]), [.i32(101)], "\(name) falls through to the dispatch")
                XCTAssertEqual(try f.invoke([.i32(1), .i64(taken)]), [.i32(101)])
            }
        }
    }

    /// Fused without fuel, run after fuel was switched on: the fall-through goes round through the loop header,
    /// which charges fuel, so going round costs more than branching out.
    func testBranchElseDispatchUnderLateFuelPassesTheHeader() throws {
        let store = Store()
        let instance = try instance(store)
        for (k, name) in ["brIf", "brIfI64EqImm", "brIfI64GeUImm", "brIfI64Nez"].enumerated() {
            XCTAssertTrue(try ir(store, instance, 11 + k).contains { $0.hasPrefix(name + "ElseDispatch(") })
        }
        store.configuration.fuel = 1_000_000
        for name in ["brIf", "brIfI64EqImm", "brIfI64GeUImm", "brIfI64Nez"] {
            let f = try XCTUnwrap(instance.exportedFunction(name))
            let (taken, notTaken) = xValues(name)
            func cost(_ x: UInt64, _ expected: UInt32) throws -> UInt64 {
                let before = try XCTUnwrap(store.configuration.fuel)
                XCTAssertEqual(try f.invoke([.i32(0), .i64(x)]), [.i32(expected)], name)
                return before - (try XCTUnwrap(store.configuration.fuel))
            }
            XCTAssertGreaterThan(try cost(notTaken, 101), try cost(taken, 100), "\(name): round the loop through its header")
        }
    }

    func testFrameReturnsZeroToCallerAndHost() throws {
        let store = Store()
        let instance = try instance(store)
        let code = try ir(store, instance, 3)
        XCTAssertTrue(code.first?.hasPrefix("popFrameReturnZero(") == true, "\(code)")
        XCTAssertEqual(try call(instance, "pop", 100), 0)
        XCTAssertEqual(try stackPointer(instance), 124)
        XCTAssertEqual(try call(instance, "callsPop", 200), 224, "0 returned to a wasm caller, then global 0")
    }
}
