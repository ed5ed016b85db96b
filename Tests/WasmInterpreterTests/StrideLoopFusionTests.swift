import XCTest
import WasmParser
@testable import WasmInterpreter

/// StrideLoopFusion.swift: a loop that only stores a byte at base + j and steps j runs as one instruction, with
/// the do-while shape, the wrapping address, a bounds check per store and the deadline still honoured.
final class StrideLoopFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32
    let store8: [UInt8] = [0x3A, 0x00, 0x00], load8: [UInt8] = [0x2D, 0x00, 0x00], ltU: [UInt8] = [0x49]

    /// (base, start, step) -> final j. fill: mem[base + j] = 7 for j = start, start + step, ... while j <u 200
    /// (the body runs once before the test). fillIndex: the same storing j itself (stays unfused: the value
    /// changes every iteration). byte(p, _, _): mem[p].
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32, i32], [i32])
        func loop(_ value: [UInt8]) -> [UInt8] {
            Op.localGet(1) + Op.localSet(3) + Op.loop + Op.localGet(0) + Op.localGet(3) + Op.i32Add + value + store8
                + Op.localGet(3) + Op.localGet(2) + Op.i32Add + Op.localTee(3) + Op.i32Const(200) + ltU + Op.brIf(0)
                + Op.end + Op.localGet(3)
        }
        b.function("fill", type: t, locals: [i32], loop(Op.i32Const(7)))
        b.function("fillIndex", type: t, locals: [i32], loop(Op.localGet(3)))
        b.function("byte", type: t, Op.localGet(0) + load8)
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0) throws -> Int32 {
        try callI32(instance, name, [a, b, c])
    }

    func bytes(_ instance: Instance, _ range: Range<Int32>) throws -> [Int32] {
        try range.map { try call(instance, "byte", $0) }
    }

    func testStridedByteLoopIsOneInstruction() throws {
        let store = Store()
        let instance = try instance(store)
        let fused = try ir(store, instance, 0)
        XCTAssertTrue(fused.contains { $0.hasPrefix("byteStrideLoop(") }, "\(fused)")
        XCTAssertFalse(try ir(store, instance, 1).contains { $0.hasPrefix("byteStrideLoop(") })
        XCTAssertEqual(try call(instance, "fill", 1000, 3, 5), 203)
        XCTAssertEqual(try bytes(instance, 1000..<1016), [0, 0, 0, 7, 0, 0, 0, 0, 7, 0, 0, 0, 0, 7, 0, 0])
        XCTAssertEqual(try bytes(instance, 1196..<1206), [0, 0, 7, 0, 0, 0, 0, 0, 0, 0], "last store at 1198")
        XCTAssertEqual(try call(instance, "fill", 3000, 500, 1), 501, "the body runs once before the test")
        XCTAssertEqual(try bytes(instance, 3499..<3502), [0, 7, 0])
        XCTAssertEqual(try call(instance, "fill", -256, 256, 100), 356, "base + j wraps to 0")
        XCTAssertEqual(try bytes(instance, 0..<1), [7])
        XCTAssertEqual(try call(instance, "fillIndex", 2000, 0, 60), 240)
        XCTAssertEqual(try bytes(instance, 2000..<2241).filter { $0 != 0 }, [60, 120, 180])
    }

    func testOutOfBoundsStoreTrapsAfterTheStoresBeforeIt() throws {
        let store = Store()
        let instance = try instance(store)
        expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "fill", 65_526, 0, 3) }
        XCTAssertEqual(try bytes(instance, 65_526..<65_536), [7, 0, 0, 7, 0, 0, 7, 0, 0, 7])
    }

    func testDeadlineStopsAStepOfZero() throws {
        let store = Store()
        let instance = try instance(store)
        let start = ContinuousClock.now
        store.configuration.deadline = start + .milliseconds(50)
        expectTrap(.timeout) { _ = try call(instance, "fill", 100, 0, 0) }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }
}
