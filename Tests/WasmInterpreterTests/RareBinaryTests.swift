import XCTest
import WasmParser
@testable import WasmInterpreter

/// The operators folded behind `rareBinary` (RareBinary.swift) compute what wasm specifies, with their
/// operand order kept (the right operand comes from `aux`).
final class RareBinaryTests: XCTestCase {
    static let f32: UInt8 = 0x7D, f64: UInt8 = 0x7C

    func run(_ params: [UInt8], _ result: UInt8, _ op: UInt8, _ args: [Value]) throws -> (Value, [String]) {
        var b = ModuleBuilder()
        let t = b.type(params, [result])
        b.function("f", type: t, locals: [], Op.localGet(0) + Op.localGet(1) + [op])
        let store = Store()
        let instance = try b.instantiate(store)
        let out = try XCTUnwrap(instance.exportedFunction("f")).invoke(args)
        let c = try XCTUnwrap(store.functions[instance.entity.functionAddresses[0]].compiled)
        return (out[0], (0..<c.codeCount).map { String(describing: c.code[$0]) })
    }

    func testFloatComparisonsMinMaxCopysign() throws {
        let nan = Float.nan.bitPattern, negZero = (-0.0 as Float).bitPattern, one = Float(1).bitPattern
        let two = Float(2).bitPattern
        // f32.lt 1 < 2, f32.ge with NaN, f32.min(-0, 0) = -0, f32.max with NaN is NaN, copysign(1, -0) = -1
        let (lt, ir) = try run([Self.f32, Self.f32], ModuleBuilder.i32, 0x5D, [.f32(one), .f32(two)])
        XCTAssertEqual(lt, .i32(1))
        XCTAssertEqual(ir.first.map { $0.hasPrefix("rareBinary(") }, true, "\(ir)")
        XCTAssertEqual(try run([Self.f32, Self.f32], ModuleBuilder.i32, 0x5D, [.f32(two), .f32(one)]).0, .i32(0))
        XCTAssertEqual(try run([Self.f32, Self.f32], ModuleBuilder.i32, 0x60, [.f32(nan), .f32(one)]).0, .i32(0))
        XCTAssertEqual(try run([Self.f32, Self.f32], ModuleBuilder.i32, 0x5C, [.f32(nan), .f32(nan)]).0, .i32(1))
        XCTAssertEqual(try run([Self.f32, Self.f32], Self.f32, 0x96, [.f32(0), .f32(negZero)]).0, .f32(negZero))
        guard case let .f32(m) = try run([Self.f32, Self.f32], Self.f32, 0x97, [.f32(one), .f32(nan)]).0 else {
            return XCTFail("f32.max result type")
        }
        XCTAssertTrue(Float(bitPattern: m).isNaN)
        XCTAssertEqual(try run([Self.f32, Self.f32], Self.f32, 0x98, [.f32(one), .f32(negZero)]).0,
                       .f32((-1 as Float).bitPattern))
        let d1 = Double(1.5).bitPattern, d2 = Double(-2.5).bitPattern
        XCTAssertEqual(try run([Self.f64, Self.f64], Self.f64, 0xA4, [.f64(d1), .f64(d2)]).0, .f64(d2))
        XCTAssertEqual(try run([Self.f64, Self.f64], Self.f64, 0xA5, [.f64(d1), .f64(d2)]).0, .f64(d1))
        XCTAssertEqual(try run([Self.f64, Self.f64], Self.f64, 0xA6, [.f64(d1), .f64(d2)]).0,
                       .f64(Double(-1.5).bitPattern))
    }

    func testRotateRight() throws {
        let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64
        let (r, ir) = try run([i32, i32], i32, 0x78, [.i32(0x1234_5678), .i32(36)])
        XCTAssertEqual(r, .i32(0x8123_4567)) // 36 mod 32 = 4
        XCTAssertEqual(ir.first.map { $0.hasPrefix("rareBinary(") }, true, "\(ir)")
        XCTAssertEqual(try run([i64, i64], i64, 0x8A, [.i64(0x0123_4567_89AB_CDEF), .i64(68)]).0,
                       .i64(0xF012_3456_789A_BCDE))
        // By a constant, rotr stays the immediate rotl.
        var b = ModuleBuilder()
        let t = b.type([i32], [i32])
        b.function("f", type: t, locals: [], Op.localGet(0) + Op.i32Const(8) + [0x78])
        let store = Store()
        let instance = try b.instantiate(store)
        XCTAssertEqual(try XCTUnwrap(instance.exportedFunction("f")).invoke([.i32(0x1234_5678)]), [.i32(0x7812_3456)])
        let c = try XCTUnwrap(store.functions[instance.entity.functionAddresses[0]].compiled)
        XCTAssertEqual(String(describing: c.code[0]), "i32RotlImm(0, 0, 24)")
    }
}
