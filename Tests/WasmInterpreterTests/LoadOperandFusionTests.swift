import XCTest
import WasmParser
@testable import WasmInterpreter

/// LoadOperandFusion.swift: f64 add/mul/sub and i32 add whose operand a load just produced run as one
/// instruction, with the load's address form (static offset, a wrapping add, two slots) and bounds check.
final class LoadOperandFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, f64: UInt8 = 0x7C
    let add: [UInt8] = [0xA0], sub: [UInt8] = [0xA1], mul: [UInt8] = [0xA2]
    let load8: [UInt8] = [0x2B, 0x03, 0x08], load0: [UInt8] = [0x2B, 0x03, 0x00]

    /// All (p: i32, x: f64) -> f64, in this order: addOff x + m[p+8], subOff x - m[p+8], mulWrap x * m[p+16]
    /// (address p + 16 wrapping), subLeft m[p+8] - x (stays unfused: the load is on the left), mulLeft m[p+8] * x,
    /// kept (x + m[p+8] through a local), put (m[p+8] = x, returns x), subWrap x - m[p+16] (wrapping).
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, f64], [f64])
        let x = Op.localGet(1), at8 = Op.localGet(0) + load8
        b.function("addOff", type: t, x + at8 + add)
        b.function("subOff", type: t, x + at8 + sub)
        b.function("mulWrap", type: t, x + Op.localGet(0) + Op.i32Const(16) + Op.i32Add + load0 + mul)
        b.function("subLeft", type: t, at8 + x + sub)
        b.function("mulLeft", type: t, at8 + x + mul)
        b.function("kept", type: t, locals: [f64], x + at8 + add + Op.localSet(2) + Op.localGet(2))
        b.function("put", type: t, Op.localGet(0) + x + [0x39, 0x03, 0x08] + x)
        b.function("subWrap", type: t, x + Op.localGet(0) + Op.i32Const(16) + Op.i32Add + load0 + sub)
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ p: Int32, _ x: Double) throws -> Double {
        try callF64(instance, name, [.i32(UInt32(bitPattern: p)), .f64(x.bitPattern)])
    }

    func testFusedOperationsMatchTheSeparateOnes() throws {
        let store = Store()
        let instance = try instance(store)
        let fusedForm = ["f64AddLoad(", "f64SubLoad(", "f64MulLoadAddImm(", nil, "f64MulLoad(", "f64AddLoad(2 <- 1,"]
        for (k, prefix) in fusedForm.enumerated() {
            let code = try ir(store, instance, k)
            if let prefix {
                XCTAssertTrue(code.contains { $0.hasPrefix(prefix) }, "function \(k): \(code)")
                XCTAssertFalse(code.contains { $0.hasPrefix("i64Load") }, "function \(k): \(code)")
            } else {
                XCTAssertFalse(code.joined().contains("f64SubLoad"), "function \(k) keeps its load: \(code)")
            }
        }
        XCTAssertTrue(try ir(store, instance, 7).contains { $0.hasPrefix("f64SubLoadAddImm(") })
        XCTAssertEqual(try call(instance, "put", 100, 2.5), 2.5) // m[108] = 2.5
        XCTAssertEqual(try call(instance, "subWrap", 92, 1), -1.5)
        XCTAssertEqual(try call(instance, "addOff", 100, 1.25), 3.75)
        XCTAssertEqual(try call(instance, "subOff", 100, 1.25), -1.25)
        XCTAssertEqual(try call(instance, "subLeft", 100, 1.25), 1.25)
        XCTAssertEqual(try call(instance, "mulLeft", 100, 3), 7.5)
        XCTAssertEqual(try call(instance, "kept", 100, 0.5), 3)
        XCTAssertEqual(try call(instance, "mulWrap", 92, 4), 10, "92 + 16 = 108")
        XCTAssertEqual(try call(instance, "mulWrap", -8, 4), 0, "-8 + 16 wraps to 8, which holds 0")
    }

    func testOutOfBoundsOperandTraps() throws {
        let store = Store()
        let instance = try instance(store)
        XCTAssertEqual(try call(instance, "addOff", 65_520, 1), 1, "the last 8 bytes are in bounds")
        for (name, p) in [("addOff", Int32(65_521)), ("subOff", -8), ("mulLeft", 65_528), ("kept", 65_521),
                          ("mulWrap", 65_513), ("subWrap", 65_513)] {
            XCTAssertThrowsError(try call(instance, name, p, 1), "\(name)(\(p))") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
    }

    /// (p: i32, q: i32, x: i32) -> i32: offset x + m[p+4], left m[p+4] + x, wrap x + m[p+8] (p + 8 wrapping),
    /// pair x + m[p+q] (two-slot address), put (m[p+4] = x, returns x).
    func i32Instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32, i32], [i32])
        let x = Op.localGet(2), load: [UInt8] = [0x28, 0x02]
        b.function("offset", type: t, x + Op.localGet(0) + load + [0x04] + Op.i32Add)
        b.function("left", type: t, Op.localGet(0) + load + [0x04] + x + Op.i32Add)
        b.function("wrap", type: t, x + Op.localGet(0) + Op.i32Const(8) + Op.i32Add + load + [0x00] + Op.i32Add)
        b.function("pair", type: t, x + Op.localGet(0) + Op.localGet(1) + Op.i32Add + load + [0x00] + Op.i32Add)
        b.function("put", type: t, Op.localGet(0) + x + [0x36, 0x02, 0x04] + x)
        return try b.instantiate(store)
    }

    func testI32AddWithALoadedOperand() throws {
        let store = Store()
        let instance = try i32Instance(store)
        for (k, prefix) in ["i32AddLoad(", "i32AddLoad(", "i32AddLoadAddImm(", "i32AddLoadAdd("].enumerated() {
            let code = try ir(store, instance, k)
            XCTAssertTrue(code.contains { $0.hasPrefix(prefix) }, "function \(k): \(code)")
            XCTAssertFalse(code.contains { $0.hasPrefix("i32Load") }, "function \(k): \(code)")
        }
        func call(_ name: String, _ p: Int32, _ q: Int32, _ x: UInt32) throws -> [Value] {
            try XCTUnwrap(instance.exportedFunction(name)).invoke([.i32(UInt32(bitPattern: p)), .i32(UInt32(bitPattern: q)), .i32(x)])
        }
        XCTAssertEqual(try call("put", 100, 0, 0xFFFF_FFF0), [.i32(0xFFFF_FFF0)]) // m[104] = -16
        XCTAssertEqual(try call("offset", 100, 0, 20), [.i32(4)], "the sum wraps at 32 bits")
        XCTAssertEqual(try call("left", 100, 0, 17), [.i32(1)])
        XCTAssertEqual(try call("wrap", 96, 0, 16), [.i32(0)], "96 + 8 = 104")
        XCTAssertEqual(try call("wrap", -4, 0, 16), [.i32(16)], "-4 + 8 wraps to 4, which holds 0")
        XCTAssertEqual(try call("pair", 4, 100, 1), [.i32(0xFFFF_FFF1)])
        XCTAssertEqual(try call("offset", 65_528, 0, 1), [.i32(1)], "the last 4 bytes are in bounds")
        for (name, p, q) in [("offset", Int32(65_529), Int32(0)), ("left", -4, 0), ("wrap", 65_529, 0), ("pair", 65_530, 3)] {
            XCTAssertThrowsError(try call(name, p, q, 1), "\(name)(\(p), \(q))") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
    }
}
