import XCTest
import WasmParser
@testable import WasmInterpreter

/// ByteIndexFusion.swift: `base + (i32.load8_u offset=3 p << 2)`, alone or as an i32.load's address, runs as
/// one instruction; the byte's and the word's bounds checks and the 32-bit wrap of the add stay.
final class ByteIndexFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32
    let load8 = [UInt8]([0x2D, 0x00, 0x03]), shl: [UInt8] = [0x74], load: [UInt8] = [0x28, 0x02, 0x00]

    /// Functions 0-4: address(base, p), element(base, p), teed(base, p) (the byte also kept in a local),
    /// labelled(base, p) (a branch lands between the byte load and the shift), poke(a, v) (i32.store, 0).
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32])
        let scaled = Op.localGet(0) + Op.localGet(1) + load8 + Op.i32Const(2) + shl + Op.i32Add
        b.function("address", type: t, scaled)
        b.function("element", type: t, scaled + load)
        b.function("teed", type: t, locals: [i32], Op.localGet(0) + Op.localGet(1) + load8 + Op.localTee(2)
                   + Op.i32Const(2) + shl + Op.i32Add + Op.localGet(2) + Op.i32Add)
        b.function("labelled", type: t, Op.localGet(0) + Op.blockI32 + Op.localGet(1) + load8 + Op.localGet(1)
                   + Op.brIf(0) + Op.end + Op.i32Const(2) + shl + Op.i32Add)
        b.function("poke", type: t, Op.localGet(0) + Op.localGet(1) + [0x36, 0x02, 0x00] + Op.i32Const(0))
        return try b.instantiate(store)
    }

    func testFusedFormsComputeWhatTheSeparateInstructionsWould() throws {
        let store = Store()
        let instance = try instance(store)
        XCTAssertEqual(try ir(store, instance, 0), ["i32AddShl2Byte(0, 0, u8[1 + 3])", "ret"])
        XCTAssertEqual(try ir(store, instance, 1), ["i32LoadAddShl2Byte(0, 0, u8[1 + 3])", "ret"])
        XCTAssertFalse(try ir(store, instance, 2).joined().contains("Byte"), "the byte is read again from local 2")
        XCTAssertFalse(try ir(store, instance, 3).joined().contains("Byte"), "a label sits at the shift")
        // Byte 0xC8 at 103; the word 0x11223344 at 1000 + 0xC8 * 4.
        _ = try callI32(instance, "poke", [100, 0xC8 << 24])
        _ = try callI32(instance, "poke", [1000 + 0xC8 * 4, 0x1122_3344])
        for name in ["address", "teed", "labelled"] {
            let extra: Int32 = name == "teed" ? 0xC8 : 0
            XCTAssertEqual(try callI32(instance, name, [1000, 100]), 1000 + 0xC8 * 4 + extra, name)
            // base + 800 wraps past 2^32.
            XCTAssertEqual(try callI32(instance, name, [-4, 100]), 0xC8 * 4 - 4 + extra, name)
        }
        XCTAssertEqual(try callI32(instance, "element", [1000, 100]), 0x1122_3344)
    }

    func testEitherLoadOutOfBoundsTraps() throws {
        let store = Store()
        let instance = try instance(store)
        _ = try callI32(instance, "poke", [65_532, 0x0100_0000]) // byte 1 at 65535
        XCTAssertEqual(try callI32(instance, "address", [8, 65_532]), 12, "the last byte is in bounds")
        XCTAssertEqual(try callI32(instance, "element", [65_528, 65_532]), 0x0100_0000, "the last word is in bounds")
        XCTAssertEqual(try callI32(instance, "element", [-4, 65_532]), 0, "-4 + 4 wraps to address 0")
        for (name, args) in [("address", [Int32(0), 65_533]), ("element", [0, 65_533]), ("element", [65_529, 65_532]),
                             ("element", [-8, 65_532])] {
            XCTAssertThrowsError(try callI32(instance, name, args), "\(name)\(args)") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
    }
}
