import XCTest
import WasmParser
@testable import WasmInterpreter

/// MemoryMoveFusion.swift: a load stored straight back to memory runs as one move, with both bounds checks
/// and the address forms (static offsets, wrapping adds) of the two instructions it replaces.
final class MemoryMoveFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64

    /// All (dst, src) -> (): move8 m64[dst+16] = m64[src+8]; moveAdd8 m64[dst+24] = m64[src+40] through
    /// i32.add; moveAdd1 m8[dst+3] = m8[src+5] through i32.add.
    /// put(a, v) = i64.store a v; get(a) = i64.load a.
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [])
        let add = { (local: UInt32, c: Int32) in Op.localGet(local) + Op.i32Const(c) + Op.i32Add }
        b.function("move8", type: t, Op.localGet(0) + Op.localGet(1) + [0x29, 0x03, 0x08] + [0x37, 0x03, 0x10])
        b.function("moveAdd8", type: t, add(0, 24) + add(1, 40) + [0x29, 0x03, 0x00] + [0x37, 0x03, 0x00])
        b.function("moveAdd1", type: t, add(0, 3) + add(1, 5) + [0x2D, 0x00, 0x00] + [0x3A, 0x00, 0x00])
        b.function("put", type: b.type([i32, i64], []), Op.localGet(0) + Op.localGet(1) + [0x37, 0x03, 0x00])
        b.function("get", type: b.type([i32], [i64]), Op.localGet(0) + [0x29, 0x03, 0x00])
        return try b.instantiate(store)
    }

    func run(_ instance: Instance, _ name: String, _ args: [Value]) throws -> [Value] {
        try XCTUnwrap(instance.exportedFunction(name)).invoke(args)
    }

    func testMovesCopyWhatTheLoadRead() throws {
        let store = Store()
        let instance = try instance(store)
        XCTAssertEqual(try ir(store, instance, 0), ["i64Move(0 <- 1, 8, 16)", "ret"])
        XCTAssertEqual(try ir(store, instance, 1), ["i64MoveAddImm(0 <- 1, 40, 24)", "ret"])
        XCTAssertEqual(try ir(store, instance, 2), ["byteMoveAddImm(0 <- 1, 5, 3)", "ret"])
        let word: UInt64 = 0x0102_0304_0506_0708
        _ = try run(instance, "put", [.i32(108), .i64(word)])
        _ = try run(instance, "move8", [.i32(200), .i32(100)])           // 108 -> 216
        XCTAssertEqual(try run(instance, "get", [.i32(216)]), [.i64(word)])
        _ = try run(instance, "moveAdd8", [.i32(0xFFFF_FFF0), .i32(68)]) // 108 -> 8 (wrapped)
        XCTAssertEqual(try run(instance, "get", [.i32(8)]), [.i64(word)])
        _ = try run(instance, "moveAdd1", [.i32(297), .i32(103)])        // byte 108 (0x08) -> 300
        XCTAssertEqual(try run(instance, "get", [.i32(300)]), [.i64(0x08)])
    }

    func testEitherSideOutOfBoundsTrapsAndTheLoadComesFirst() throws {
        let store = Store()
        let instance = try instance(store)
        _ = try run(instance, "put", [.i32(0), .i64(7)])
        for (name, dst, src) in [("move8", UInt32(0), UInt32(65_521)), ("move8", 65_513, 0),
                                 ("moveAdd8", 0, 65_489), ("moveAdd8", 65_505, 0),
                                 ("moveAdd1", 0, 65_531), ("moveAdd1", 65_533, 0)] {
            XCTAssertThrowsError(try run(instance, name, [.i32(dst), .i32(src)]), "\(name)(\(dst), \(src))") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
        XCTAssertEqual(try run(instance, "get", [.i32(16)]), [.i64(0)], "a trapping load leaves the destination alone")
        _ = try run(instance, "move8", [.i32(65_512), .i32(0)]) // the last 8 bytes: in bounds
        XCTAssertEqual(try run(instance, "get", [.i32(65_528)]), [.i64(0)])
    }
}
