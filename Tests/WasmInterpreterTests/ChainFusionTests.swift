import XCTest
import WasmParser
@testable import WasmInterpreter

/// ChainFusion.swift: a result fed straight into the next operation runs as one instruction, f64 rounding
/// after each step as the two instructions did (no fused multiply-add, no reassociation).
final class ChainFusionTests: XCTestCase {
    let f64: UInt8 = 0x7C
    let mul: [UInt8] = [0xA2], add: [UInt8] = [0xA0]

    /// All (x, y, z: f64) -> f64, in this order: mulMul (x * y) * z, mulLeft z * (x * y), mulAdd x * y + z,
    /// addLeft z + x * y, teed (x * y + z) + x * y with the product kept in a local by local.tee (stays two),
    /// byConstant x * y * 2.5, addAdd (x + y) + z, sumLeft z + (x + y).
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        let t = b.type([f64, f64, f64], [f64])
        let x = Op.localGet(0), y = Op.localGet(1), z = Op.localGet(2), product = x + y + mul
        b.function("mulMul", type: t, product + z + mul)
        b.function("mulLeft", type: t, z + product + mul)
        b.function("mulAdd", type: t, product + z + add)
        b.function("addLeft", type: t, z + product + add)
        b.function("teed", type: t, locals: [f64], product + Op.localTee(3) + z + add + Op.localGet(3) + add)
        b.function("byConstant", type: t, product + [0x44] + withUnsafeBytes(of: 2.5.bitPattern.littleEndian, Array.init) + mul)
        b.function("addAdd", type: t, x + y + add + z + add)
        b.function("sumLeft", type: t, z + x + y + add + add)
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ x: Double, _ y: Double, _ z: Double) throws -> Double {
        try callF64(instance, name, [.f64(x.bitPattern), .f64(y.bitPattern), .f64(z.bitPattern)])
    }

    func testProductChainsAreOneInstruction() throws {
        let store = Store()
        let instance = try instance(store)
        for (k, form) in ["f64MulMul(", "f64MulMul(", "f64MulAdd(", "f64MulAdd(", nil, "f64MulMul("].enumerated() {
            let code = try ir(store, instance, k)
            if let form {
                XCTAssertTrue(code.contains { $0.hasPrefix(form) }, "function \(k): \(code)")
                XCTAssertFalse(code.contains { $0.hasPrefix("f64Mul(") }, "function \(k): \(code)")
            } else {
                XCTAssertTrue(code.contains { $0.hasPrefix("f64Mul(") }, "function \(k) keeps its product: \(code)")
            }
        }
        XCTAssertEqual(try call(instance, "mulMul", 3, 5, -2), -30)
        XCTAssertEqual(try call(instance, "mulMul", 1e308, 10, 0.1), .infinity, "x * y overflows before the * z")
        XCTAssertEqual(try call(instance, "mulLeft", 1e308, 10, 0.1), .infinity)
        XCTAssertEqual(try call(instance, "mulAdd", 3, 5, -2), 13)
        XCTAssertEqual(try call(instance, "addLeft", 3, 5, -2), 13)
        XCTAssertEqual(try call(instance, "teed", 3, 5, -2), 28)
        XCTAssertEqual(try call(instance, "byConstant", 3, 5, 0), 37.5)
        // (1 + 2^-52)^2 rounds to 1 + 2^-51 before the add: 0, where a fused multiply-add gives 2^-104.
        let e = 1 + Double.ulpOfOne
        XCTAssertEqual(try call(instance, "mulAdd", e, e, -(1 + 2 * Double.ulpOfOne)), 0)
        XCTAssertEqual(try call(instance, "addLeft", e, e, -(1 + 2 * Double.ulpOfOne)), 0)
        XCTAssertTrue(try call(instance, "mulMul", .infinity, 0, 1).isNaN)
        for k in 6..<8 { XCTAssertTrue(try ir(store, instance, k).contains { $0.hasPrefix("f64AddAdd(") }) }
        XCTAssertEqual(try call(instance, "addAdd", 1e16, 1, 1), 1e16, "1e16 + 1 rounds back to 1e16, twice")
        XCTAssertEqual(try call(instance, "sumLeft", 1e16, 1, 1), 1e16)
        XCTAssertEqual(try call(instance, "addAdd", 1, 1, 1e16), 1e16 + 2)
    }

    /// (a, b, c: i32) -> i32: andXor (a & b) ^ c, xorLeft c ^ (a & b), masked (a & 255) ^ c (an immediate and:
    /// stays two instructions).
    func testAndThenXorIsOneInstruction() throws {
        let store = Store()
        var b = ModuleBuilder()
        let i32 = ModuleBuilder.i32, and: [UInt8] = [0x71], xor: [UInt8] = [0x73]
        let t = b.type([i32, i32, i32], [i32])
        let x = Op.localGet(0), y = Op.localGet(1), z = Op.localGet(2)
        b.function("andXor", type: t, x + y + and + z + xor)
        b.function("xorLeft", type: t, z + x + y + and + xor)
        b.function("masked", type: t, x + Op.i32Const(255) + and + z + xor)
        let instance = try b.instantiate(store)
        for (k, fused) in [true, true, false].enumerated() {
            XCTAssertEqual(try ir(store, instance, k).contains { $0.hasPrefix("i32AndXor(") }, fused, "function \(k)")
        }
        let (p, q, r): (Int32, Int32, Int32) = (0x0F0F_F0F0, -0x0FF0_0001, 0x1234_5678)
        XCTAssertEqual(try callI32(instance, "andXor", [p, q, r]), (p & q) ^ r)
        XCTAssertEqual(try callI32(instance, "xorLeft", [p, q, r]), (p & q) ^ r)
        XCTAssertEqual(try callI32(instance, "masked", [p, q, r]), (p & 255) ^ r)
    }
}
