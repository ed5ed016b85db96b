import XCTest
import WasmParser
@testable import WasmInterpreter

/// ByteBranchFusion.swift: br_if / if on an i32.load8_u runs as one brIfByte / brIfNotByte, forward or back
/// to a loop, and br_table on one as one brTableByte, with the load's bounds check.
final class ByteBranchFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32
    let loadByte: [UInt8] = [0x2D, 0x00, 0x00], storeByte: [UInt8] = [0x3A, 0x00, 0x00]

    /// length(p, _): bytes before the first zero from p (br_if out of the loop on the byte's eqz).
    /// skip(p, _): how far the first zero byte after p is (br_if back to the loop on the byte itself).
    /// pick(p, _): 10 if the byte at p + 1 is nonzero, else 20 (an `if` on the byte).
    /// put(p, v): mem[p] = v, returns v.
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32])
        b.function("length", type: t, locals: [i32], Op.block + Op.loop + Op.localGet(0) + loadByte + Op.i32Eqz
                   + Op.brIf(1) + Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localSet(0)
                   + Op.localGet(2) + Op.i32Const(1) + Op.i32Add + Op.localSet(2) + Op.br(0) + Op.end + Op.end
                   + Op.localGet(2))
        b.function("skip", type: t, locals: [i32], Op.localGet(0) + Op.localSet(2) + Op.loop + Op.localGet(2)
                   + Op.i32Const(1) + Op.i32Add + Op.localTee(2) + loadByte + Op.brIf(0) + Op.end
                   + Op.localGet(2) + Op.localGet(0) + [0x6B])
        b.function("pick", type: t, Op.localGet(0) + [0x2D, 0x00, 0x01] + Op.ifI32 + Op.i32Const(10) + Op.else
                   + Op.i32Const(20) + Op.end)
        b.function("put", type: t, Op.localGet(0) + Op.localGet(1) + storeByte + Op.localGet(1))
        return try b.instantiate(store)
    }

    func testBranchesOnMemoryBytes() throws {
        let store = Store()
        let instance = try instance(store)
        for (k, form) in ["brIfNotByte(", "brIfByte(", "brIfNotByte("].enumerated() {
            let code = try ir(store, instance, k)
            XCTAssertTrue(code.contains { $0.hasPrefix(form) }, "function \(k): \(code)")
            XCTAssertFalse(code.contains { $0.hasPrefix("i32Load8U") }, "function \(k): \(code)")
        }
        for (i, byte) in [7, 255, 1, 0].enumerated() { _ = try callI32(instance, "put", [100 + Int32(i), Int32(byte)]) }
        XCTAssertEqual(try callI32(instance, "length", [100, 0]), 3)
        XCTAssertEqual(try callI32(instance, "length", [103, 0]), 0)
        XCTAssertEqual(try callI32(instance, "skip", [100, 0]), 3, "past 255 and 1")
        XCTAssertEqual(try callI32(instance, "pick", [100, 0]), 10)
        XCTAssertEqual(try callI32(instance, "pick", [102, 0]), 20)
        XCTAssertEqual(try callI32(instance, "pick", [65_534, 0]), 20, "the last byte is in bounds")
    }

    func testByteBeyondMemoryTraps() throws {
        let store = Store()
        let instance = try instance(store)
        _ = try callI32(instance, "put", [65_535, 9])
        for (name, p) in [("length", Int32(65_535)), ("skip", 65_534), ("pick", 65_535), ("length", -1)] {
            XCTAssertThrowsError(try callI32(instance, name, [p, 0]), "\(name)(\(p))") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
    }

    /// select(p, _): br_table on the byte at p + 2: 0 -> 10, 1 -> 20, anything else (the default) -> 30.
    func testTableOnAMemoryByte() throws {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32])
        let table: [UInt8] = [0x0E, 0x02, 0x00, 0x01, 0x02]
        b.function("select", type: t, Op.block + Op.block + Op.block + Op.localGet(0) + [0x2D, 0x00, 0x02] + table
                   + Op.end + Op.i32Const(10) + [0x0F] + Op.end + Op.i32Const(20) + [0x0F] + Op.end + Op.i32Const(30))
        b.function("put", type: t, Op.localGet(0) + Op.localGet(1) + storeByte + Op.localGet(1))
        let store = Store()
        let instance = try b.instantiate(store)
        let code = try ir(store, instance, 0)
        XCTAssertTrue(code.contains { $0.hasPrefix("brTableByte(0, 2, ") }, "\(code)")
        XCTAssertFalse(code.contains { $0.hasPrefix("i32Load8U") || $0.hasPrefix("brTable(") }, "\(code)")
        for (byte, expected) in [(0, 10), (1, 20), (2, 30), (3, 30), (128, 30), (255, 30)] {
            _ = try callI32(instance, "put", [102, Int32(byte)])
            XCTAssertEqual(try callI32(instance, "select", [100, 0]), Int32(expected), "byte \(byte)")
        }
        XCTAssertEqual(try callI32(instance, "select", [65_533, 0]), 10, "the last byte is in bounds")
        // A table longer than the byte's range: 300 entries, byte 255 -> 20, every other byte -> 10.
        var long = ModuleBuilder()
        long.memory = (1, 1)
        let targets = (0..<300).map { UInt32($0 == 255 ? 1 : 0) }
        long.function("select", type: long.type([i32], [i32]), Op.block + Op.block + Op.localGet(0) + [0x2D, 0x00, 0x00]
                      + Op.brTable(targets, default: 1) + Op.end + Op.i32Const(10) + [0x0F] + Op.end + Op.i32Const(20))
        long.function("put", type: long.type([i32, i32], [i32]), Op.localGet(0) + Op.localGet(1) + storeByte + Op.localGet(1))
        let longInstance = try long.instantiate(Store())
        for (byte, expected) in [(0, 10), (254, 10), (255, 20)] {
            _ = try callI32(longInstance, "put", [7, Int32(byte)])
            XCTAssertEqual(try callI32(longInstance, "select", [7]), Int32(expected), "300 entries, byte \(byte)")
        }
        XCTAssertThrowsError(try callI32(instance, "select", [65_534, 0])) { error in
            XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
        }
    }
}
