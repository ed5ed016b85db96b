import XCTest
import WasmParser
@testable import WasmInterpreter

/// FloatChainFusion.swift: an f64 product fed straight into a multiply or an add runs as one instruction,
/// rounding after each step as the two instructions did (no fused multiply-add).
final class FloatChainFusionTests: XCTestCase {
    let f64: UInt8 = 0x7C
    let mul: [UInt8] = [0xA2], add: [UInt8] = [0xA0]

    /// All (x, y, z: f64) -> f64, in this order: mulMul (x * y) * z, mulLeft z * (x * y), mulAdd x * y + z,
    /// addLeft z + x * y, teed (x * y + z) + x * y with the product kept in a local by local.tee (stays two),
    /// byConstant x * y * 2.5.
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
    }
}
