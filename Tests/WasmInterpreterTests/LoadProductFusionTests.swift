import XCTest
import WasmParser
@testable import WasmInterpreter

/// LoadProductFusion.swift: the product of two f64 loads runs as one f64MulLoads, with each load's wrapping
/// address, its bounds check, and the left load's trap first.
final class LoadProductFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, f64: UInt8 = 0x7C
    let load0: [UInt8] = [0x2B, 0x03, 0x00], mul: [UInt8] = [0xA2], add: [UInt8] = [0xA0]

    /// All (p: i32, q: i32, x: f64) -> f64, in this order: wrapped m[p + 8] * m[q + 16] (both adds wrapping),
    /// plain m[p] * m[q], far m[p + 40000] * m[q] (the constant is too large: stays two instructions),
    /// teed m[p] * m[q] + m[p] with m[p] kept in a local by local.tee (stays two), put (m[p] = x, returns x).
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32, f64], [f64])
        func at(_ slot: UInt32, _ c: Int32) -> [UInt8] { Op.localGet(slot) + Op.i32Const(c) + Op.i32Add + load0 }
        b.function("wrapped", type: t, at(0, 8) + at(1, 16) + mul)
        b.function("plain", type: t, Op.localGet(0) + load0 + Op.localGet(1) + load0 + mul)
        b.function("far", type: t, at(0, 40_000) + Op.localGet(1) + load0 + mul)
        b.function("teed", type: t, locals: [f64], Op.localGet(0) + load0 + Op.localTee(3) + Op.localGet(1) + load0
                   + mul + Op.localGet(3) + add)
        b.function("put", type: t, Op.localGet(0) + Op.localGet(2) + [0x39, 0x03, 0x00] + Op.localGet(2))
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ p: Int32, _ q: Int32, _ x: Double = 0) throws -> Double {
        try callF64(instance, name, [.i32(UInt32(bitPattern: p)), .i32(UInt32(bitPattern: q)), .f64(x.bitPattern)])
    }

    func testProductOfTwoLoadsIsOneInstruction() throws {
        let store = Store()
        let instance = try instance(store)
        for k in 0..<2 {
            let code = try ir(store, instance, k)
            XCTAssertTrue(code.contains { $0.hasPrefix("f64MulLoads(") }, "function \(k): \(code)")
            XCTAssertFalse(code.contains { $0.hasPrefix("i64Load") }, "function \(k): \(code)")
        }
        for k in 2..<4 {
            let code = try ir(store, instance, k)
            XCTAssertFalse(code.contains { $0.hasPrefix("f64MulLoads(") }, "function \(k): \(code)")
        }
        for (p, x) in [(8, 1.5), (16, -4.0), (40_008, 3.0), (0, 0.25)] { _ = try call(instance, "put", Int32(p), 0, x) }
        XCTAssertEqual(try call(instance, "wrapped", 0, 0), -6)
        XCTAssertEqual(try call(instance, "wrapped", -8, -16), 0.25 * 0.25, "both adds wrap to address 0")
        XCTAssertEqual(try call(instance, "plain", 8, 16), -6)
        XCTAssertEqual(try call(instance, "far", 8, 16), -12)
        XCTAssertEqual(try call(instance, "teed", 16, 8), -10, "m[16] * m[8] + m[16]")
    }

    func testEachLoadKeepsItsBoundsCheck() throws {
        let store = Store()
        let instance = try instance(store)
        XCTAssertEqual(try call(instance, "wrapped", 65_520, 65_512), 0, "the last 8 bytes are in bounds")
        for (p, q) in [(65_521, 0), (0, 65_513), (-9, 0), (0, -17)] {
            expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "wrapped", Int32(p), Int32(q)) }
            expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, "plain", Int32(p) &+ 8, Int32(q) &+ 16) }
        }
    }
}
