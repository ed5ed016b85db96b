import XCTest
import WasmParser
@testable import WasmInterpreter

/// Call depth, fuel, deadline and memory cap: behaviour the spec suite does not pin down.
final class LimitsTests: XCTestCase {
    /// count(n) = n == 0 ? 0 : count(n - 1) + 1, exported as "count"; an infinite loop exported as "spin".
    func makeModule() -> ModuleBuilder {
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        let spinType = b.type([], [])
        b.function("count", type: t,
                   Op.localGet(0) + Op.i32Eqz + Op.ifI32 + Op.i32Const(0) + Op.else
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(0) + Op.i32Const(1) + Op.i32Add + Op.end)
        b.function("spin", type: spinType, Op.loop + Op.br(0) + Op.end)
        return b
    }

    func testMillionLevelRecursionTrapsWithCallStackExhausted() throws {
        let store = Store()
        let count = try makeModule().instantiate(store).exportedFunction("count")!
        expectTrap(.callStackExhausted) { _ = try count.invoke([.i32(1_000_000)]) }
        // The store is usable afterwards and ordinary depths work.
        XCTAssertEqual(try count.invoke([.i32(5_000)]), [.i32(5_000)])
    }

    func testRecursionBeyondValueStackTrapsEvenWithHugeDepthLimit() throws {
        let store = Store(configuration: EngineConfiguration(maxCallDepth: 50_000_000))
        let count = try makeModule().instantiate(store).exportedFunction("count")!
        expectTrap(.callStackExhausted) { _ = try count.invoke([.i32(UInt32(Int32.max))]) }
        XCTAssertEqual(try count.invoke([.i32(100_000)]), [.i32(100_000)])
    }

    func testFuelStopsInfiniteLoop() throws {
        let store = Store(configuration: EngineConfiguration(fuel: 100_000))
        let spin = try makeModule().instantiate(store).exportedFunction("spin")!
        expectTrap(.outOfFuel) { _ = try spin.invoke([]) }
        XCTAssertEqual(store.configuration.fuel, 0)
    }

    func testFuelIsChargedForFiniteWork() throws {
        let store = Store(configuration: EngineConfiguration(fuel: 1_000_000))
        let count = try makeModule().instantiate(store).exportedFunction("count")!
        XCTAssertEqual(try count.invoke([.i32(100)]), [.i32(100)])
        let left = try XCTUnwrap(store.configuration.fuel)
        XCTAssertLessThan(left, 1_000_000 - 100)
        store.configuration.fuel = 10
        expectTrap(.outOfFuel) { _ = try count.invoke([.i32(100)]) }
    }

    func testDeadlineStopsInfiniteLoop() throws {
        let store = Store()
        let spin = try makeModule().instantiate(store).exportedFunction("spin")!
        let start = ContinuousClock.now
        store.configuration.deadline = start + .milliseconds(50)
        expectTrap(.timeout) { _ = try spin.invoke([]) }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }

    func testMemoryCapRefusesGrowAndSetsFlag() throws {
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        let sizeType = b.type([], [ModuleBuilder.i32])
        b.memory = (1, nil)
        b.function("grow", type: t, Op.localGet(0) + Op.memoryGrow)
        b.function("size", type: sizeType, Op.memorySize)
        let store = Store(configuration: EngineConfiguration(maxMemoryPages: 3))
        let instance = try b.instantiate(store)
        let grow = instance.exportedFunction("grow")!
        XCTAssertEqual(try grow.invoke([.i32(2)]), [.i32(1)])
        XCTAssertFalse(store.memoryLimitReached)
        XCTAssertEqual(try grow.invoke([.i32(1)]), [.i32(UInt32.max)])
        XCTAssertTrue(store.memoryLimitReached)
        XCTAssertEqual(try instance.exportedFunction("size")!.invoke([]), [.i32(3)])
    }

    func testDeclaredMaximumRefusalIsNotTheEngineCap() throws {
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        b.memory = (1, 2)
        b.function("grow", type: t, Op.localGet(0) + Op.memoryGrow)
        let store = Store()
        let grow = try b.instantiate(store).exportedFunction("grow")!
        XCTAssertEqual(try grow.invoke([.i32(5)]), [.i32(UInt32.max)])
        XCTAssertFalse(store.memoryLimitReached)
    }
}
