import XCTest
import WasmParser
@testable import WasmInterpreter

/// StoreBranchFusion.swift: an offset-0 i32.store followed by `br` runs as one i32StoreBr, backward (to a
/// loop, still a back-edge for the deadline) or forward (its target patched when the block ends).
final class StoreBranchFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32
    let store32: [UInt8] = [0x36, 0x02, 0x00], load: [UInt8] = [0x28, 0x02, 0x00]

    /// add3(p, n): n times mem[p] += 3 (the loop's last instructions are the store and `br 0`), then mem[p].
    /// put(p, v): mem[p] = v, leaving its block by `br 0`, then mem[p]. spin(p, v): stores forever.
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32])
        b.function("add3", type: t, Op.block + Op.loop + Op.localGet(1) + Op.i32Eqz + Op.brIf(1)
                   + Op.localGet(1) + Op.i32Const(1) + Op.i32Sub + Op.localSet(1)
                   + Op.localGet(0) + Op.localGet(0) + load + Op.i32Const(3) + Op.i32Add + store32
                   + Op.br(0) + Op.end + Op.end + Op.localGet(0) + load)
        b.function("put", type: t, Op.block + Op.localGet(0) + Op.localGet(1) + store32 + Op.br(0) + Op.end
                   + Op.localGet(0) + load)
        b.function("spin", type: t, Op.loop + Op.localGet(0) + Op.localGet(1) + store32 + Op.br(0) + Op.end
                   + Op.i32Const(0))
        return try b.instantiate(store)
    }

    func testStoreAndBranchRunAsOne() throws {
        let store = Store()
        let instance = try instance(store)
        for k in 0..<3 {
            XCTAssertEqual(try ir(store, instance, k).filter { $0.hasPrefix("i32StoreBr(") }.count, 1, "function \(k)")
        }
        XCTAssertEqual(try callI32(instance, "put", [64, 7]), 7)
        XCTAssertEqual(try callI32(instance, "add3", [64, 0]), 7)
        XCTAssertEqual(try callI32(instance, "add3", [64, 1000]), 3007)
        XCTAssertThrowsError(try callI32(instance, "put", [65_533, 1])) { error in
            XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
        }
    }

    func testFuelCountsTheFusedLoop() throws {
        let store = Store(configuration: EngineConfiguration(fuel: 1_000_000))
        let instance = try instance(store)
        XCTAssertEqual(try callI32(instance, "add3", [64, 100]), 300)
        let small = Store(configuration: EngineConfiguration(fuel: 500))
        XCTAssertThrowsError(try callI32(try self.instance(small), "add3", [64, 100])) { error in
            XCTAssertEqual((error as? Trap)?.kind, .outOfFuel)
        }
    }

    func testDeadlineStopsAnEndlessStoreLoop() throws {
        let store = Store()
        let instance = try instance(store)
        let start = ContinuousClock.now
        store.configuration.deadline = start + .milliseconds(50)
        XCTAssertThrowsError(try callI32(instance, "spin", [64, 1])) { error in
            XCTAssertEqual((error as? Trap)?.kind, .timeout)
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
    }
}
