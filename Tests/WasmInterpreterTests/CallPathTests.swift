import XCTest
import WasmParser
@testable import WasmInterpreter

/// The call path's limits and frame set-up: call depth at its exact boundary, deadline and fuel in
/// recursion with no loops, and declared locals reading as zero whatever the value stack held before.
final class CallPathTests: XCTestCase {
    /// "count": count(n) = n == 0 ? 0 : count(n - 1) + 1 (n + 1 frames).
    /// "twice": twice(n) = n == 0 ? 0 : twice(n - 1) + twice(n - 1) (2^(n+1) - 1 calls, no loop).
    func recursionModule() -> ModuleBuilder {
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        b.function("count", type: t,
                   Op.localGet(0) + Op.i32Eqz + Op.ifI32 + Op.i32Const(0) + Op.else
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(0) + Op.i32Const(1) + Op.i32Add + Op.end)
        b.function("twice", type: t,
                   Op.localGet(0) + Op.i32Eqz + Op.ifI32 + Op.i32Const(0) + Op.else
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(1)
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(1) + Op.i32Add + Op.end)
        return b
    }

    func testCallDepthLimitIsExact() throws {
        // The entry function is depth 1, so count(n) needs depth n + 1; the frame stack starts at 256
        // entries, so a limit above that also exercises growing it.
        for limit in [100, 300] {
            let store = Store(configuration: EngineConfiguration(maxCallDepth: limit))
            let count = try recursionModule().instantiate(store).exportedFunction("count")!
            XCTAssertEqual(try count.invoke([.i32(UInt32(limit - 1))]), [.i32(UInt32(limit - 1))])
            expectTrap(.callStackExhausted) { _ = try count.invoke([.i32(UInt32(limit))]) }
            XCTAssertEqual(try count.invoke([.i32(5)]), [.i32(5)])
        }
    }

    func testDeadlineStopsRecursionWithoutLoops() throws {
        let store = Store()
        let twice = try recursionModule().instantiate(store).exportedFunction("twice")!
        XCTAssertEqual(try twice.invoke([.i32(10)]), [.i32(0)])
        let start = ContinuousClock.now
        store.configuration.deadline = start + .milliseconds(50)
        expectTrap(.timeout) { _ = try twice.invoke([.i32(60)]) }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }

    func testFuelStopsRecursionWithoutLoops() throws {
        let store = Store(configuration: EngineConfiguration(fuel: 200_000))
        let twice = try recursionModule().instantiate(store).exportedFunction("twice")!
        expectTrap(.outOfFuel) { _ = try twice.invoke([.i32(60)]) }
        XCTAssertEqual(store.configuration.fuel, 0)
    }

    /// "dirty" fills its three locals; "fresh"(c) reads local 1 (set only when c == 0) and local 2 (never
    /// set); "main"(c) calls both at the same frame base, so fresh's slots held dirty's values.
    func testLocalsReadBeforeWrittenAreZeroInAReusedFrame() throws {
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        let i32 = ModuleBuilder.i32
        b.function("dirty", type: t, locals: [i32, i32, i32],
                   Op.i32Const(0x5555) + Op.localSet(1) + Op.i32Const(0x6666) + Op.localSet(2)
                   + Op.i32Const(0x7777) + Op.localSet(3) + Op.localGet(3))
        b.function("fresh", type: t, locals: [i32, i32],
                   Op.block + Op.localGet(0) + Op.brIf(0) + Op.i32Const(7) + Op.localSet(1) + Op.end
                   + Op.localGet(1) + Op.localGet(2) + Op.i32Add)
        b.function("main", type: t, Op.i32Const(0) + Op.call(0) + Op.drop + Op.localGet(0) + Op.call(1))
        let main = try b.instantiate(Store()).exportedFunction("main")!
        XCTAssertEqual(try main.invoke([.i32(1)]), [.i32(0)])
        XCTAssertEqual(try main.invoke([.i32(0)]), [.i32(7)])
    }

    /// A host call that instantiates a module moves the store's function-record table; the suspended
    /// callers' saved records must follow it. "outer"(x) stores x in memory, calls "inner"(x) =
    /// env.grow(x) + 1 (grow adds 300 functions and returns 2x), then adds the stored x: 3x + 1.
    func testSuspendedFramesSurviveAHostCallThatAddsFunctions() throws {
        let store = Store()
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        b.memory = (1, nil)
        b.functionImports.append(("env", "grow", t))
        let i32Load: [UInt8] = [0x28, 0x02, 0x00], i32Store: [UInt8] = [0x36, 0x02, 0x00]
        let inner = b.function(nil, type: t, Op.localGet(0) + Op.call(0) + Op.i32Const(1) + Op.i32Add)
        b.function("outer", type: t, Op.i32Const(0) + Op.localGet(0) + i32Store + Op.localGet(0) + Op.call(inner)
                   + Op.i32Const(0) + i32Load + Op.i32Add)
        var imports = Imports()
        let grow = store.hostFunction(type: FunctionType(params: [.i32], results: [.i32])) { _, args in
            var many = ModuleBuilder()
            let empty = many.type([], [])
            for _ in 0..<300 { many.function(nil, type: empty, []) }
            _ = try many.instantiate(store)
            guard case .i32(let x) = args[0] else { return [] }
            return [.i32(x &* 2)]
        }
        imports.define(module: "env", name: "grow", .function(grow))
        let outer = try b.instantiate(store, imports: imports).exportedFunction("outer")!
        let before = store.records.base
        XCTAssertEqual(try outer.invoke([.i32(5)]), [.i32(16)])
        XCTAssertNotEqual(store.records.base, before, "the record table should have moved")
        XCTAssertEqual(try outer.invoke([.i32(7)]), [.i32(22)])
    }
}
