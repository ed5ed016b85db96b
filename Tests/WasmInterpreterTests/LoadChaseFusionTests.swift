import XCTest
import WasmParser
@testable import WasmInterpreter

/// LoadChaseFusion.swift: `i64.load offset=o1; i32.wrap_i64; i64.load offset=o2` runs as one i64LoadChase
/// and must read what the two loads read, trapping when either address is out of bounds.
final class LoadChaseFusionTests: XCTestCase {
    /// Memory: at 8 the pointer 100 (upper half set, which the wrap drops), at 116 the value; at 16 a
    /// pointer to the last page's end.
    func instantiate() throws -> (Store, Instance) {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64
        let setup = Op.i32Const(8) + [0x42] + ModuleBuilder.sleb(0x7_0000_0064) + [0x37, 0x03, 0x00]
            + Op.i32Const(116) + [0x42] + ModuleBuilder.sleb(-0x1234_5678_9ABC) + [0x37, 0x03, 0x00]
            + Op.i32Const(16) + [0x42] + ModuleBuilder.sleb(65536 - 4) + [0x37, 0x03, 0x00]
        b.function("setup", type: b.type([], []), setup)
        let chase = Op.localGet(0) + [0x29, 0x03, 0x00] + [0xA7] + [0x29, 0x03] + ModuleBuilder.leb(16)
        b.function("chase", type: b.type([i32], [i64]), chase)
        b.function("kept", type: b.type([i32], [i64]), locals: [i64], chase + Op.localSet(1) + Op.localGet(1))
        let store = Store()
        let instance = try b.instantiate(store)
        _ = try instance.exportedFunction("setup")!.invoke([])
        return (store, instance)
    }

    func testPointerChaseIsOneInstruction() throws {
        let (store, instance) = try instantiate()
        let code = try ir(store, instance, 1)
        XCTAssertTrue(code.contains { $0.hasPrefix("i64LoadChase(") }, "\(code)")
        XCTAssertFalse(code.contains { $0.hasPrefix("i64Load(") }, "\(code)")
        let kept = try ir(store, instance, 2)
        XCTAssertTrue(kept.contains { $0.hasPrefix("i64LoadChase(1 <- 0,") }, "written to the local directly: \(kept)")
        for name in ["chase", "kept"] {
            let f = try XCTUnwrap(instance.exportedFunction(name))
            XCTAssertEqual(try f.invoke([.i32(8)]), [.i64(UInt64(bitPattern: -0x1234_5678_9ABC))])
        }
    }

    func testEitherAddressOutOfBoundsTraps() throws {
        let (_, instance) = try instantiate()
        let f = try XCTUnwrap(instance.exportedFunction("chase"))
        expectTrap(.outOfBoundsMemoryAccess) { _ = try f.invoke([.i32(65536 - 4)]) }   // the pointer itself
        expectTrap(.outOfBoundsMemoryAccess) { _ = try f.invoke([.i32(16)]) }          // what it points to
    }
}
