import XCTest
import WasmParser
@testable import WasmInterpreter

/// `i32.add` + an offset-0 load/store becomes one access at lhs + c or lhs + rhs; the add's wrapping to
/// 32 bits and the bounds check of the access stay as they were.
final class AddressFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64

    /// Exports store(p, v) = i32.store (p + 8) v, load(p) = i32.load (p + 8), and the same with p + q
    /// (storeSum, loadSum8 for i32.load8_u), i64 forms, and plain(p) = i32.load offset=0 p.
    func instance() throws -> (Store, Instance) {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let pv = b.type([i32, i32], []), p = b.type([i32], [i32]), pq = b.type([i32, i32], [i32])
        let pqv = b.type([i32, i32, i32], []), p64 = b.type([i32], [i64]), pv64 = b.type([i32, i64], [])
        let add8 = Op.localGet(0) + Op.i32Const(8) + Op.i32Add
        let sum = Op.localGet(0) + Op.localGet(1) + Op.i32Add
        b.function("store", type: pv, add8 + Op.localGet(1) + [0x36, 0x02, 0x00])
        b.function("load", type: p, add8 + [0x28, 0x02, 0x00])
        b.function("load8s", type: p, add8 + [0x2C, 0x00, 0x00])
        b.function("store64", type: pv64, add8 + Op.localGet(1) + [0x37, 0x03, 0x00])
        b.function("load64", type: p64, add8 + [0x29, 0x03, 0x00])
        b.function("storeSum", type: pqv, sum + Op.localGet(2) + [0x3A, 0x00, 0x00])
        b.function("loadSum8", type: pq, sum + [0x2D, 0x00, 0x00])
        b.function("plain", type: p, Op.localGet(0) + [0x28, 0x02, 0x00])
        let store = Store()
        return (store, try b.instantiate(store))
    }

    func call(_ instance: Instance, _ name: String, _ args: [Value]) throws -> [Value] {
        try XCTUnwrap(instance.exportedFunction(name)).invoke(args)
    }

    func testFusedAccessesWrapAndRoundTrip() throws {
        let (store, instance) = try instance()
        // 0xFFFFFFFC + 8 wraps to 4.
        _ = try call(instance, "store", [.i32(0xFFFF_FFFC), .i32(0xDEAD_BEEF)])
        XCTAssertEqual(try call(instance, "plain", [.i32(4)]), [.i32(0xDEAD_BEEF)])
        XCTAssertEqual(try call(instance, "load", [.i32(0xFFFF_FFFC)]), [.i32(0xDEAD_BEEF)])
        XCTAssertEqual(try call(instance, "load8s", [.i32(0xFFFF_FFFC)]), [.i32(0xFFFF_FFEF)])
        _ = try call(instance, "store64", [.i32(100), .i64(0x0102_0304_0506_0708)])
        XCTAssertEqual(try call(instance, "load64", [.i32(100)]), [.i64(0x0102_0304_0506_0708)])
        XCTAssertEqual(try call(instance, "plain", [.i32(108)]), [.i32(0x0506_0708)])
        _ = try call(instance, "storeSum", [.i32(0xFFFF_FFFF), .i32(201), .i32(0x1FF)])
        XCTAssertEqual(try call(instance, "loadSum8", [.i32(100), .i32(100)]), [.i32(0xFF)])
        // The fusion really happened.
        for name in ["store", "load", "load8s", "store64", "load64", "storeSum", "loadSum8"] {
            guard case .function(let f) = instance.export(name) else { return XCTFail(name) }
            let address = f.address
            let c = try XCTUnwrap(store.functions[address].compiled)
            let ir = (0..<c.codeCount).map { String(describing: c.code[$0]) }
            XCTAssertEqual(ir.count, 2, "\(name): \(ir)")
            XCTAssertTrue(ir[0].contains("Add"), "\(name): \(ir)")
        }
    }

    func testFusedAccessesTrapAtTheEnd() throws {
        let (_, instance) = try instance()
        XCTAssertEqual(try call(instance, "load", [.i32(65_528 - 8)]), [.i32(0)])
        for (name, args) in [("load", [Value.i32(65_533 - 8)]), ("store", [.i32(65_533 - 8), .i32(1)]),
                             ("load64", [.i32(65_529 - 8)]), ("loadSum8", [.i32(65_535), .i32(1)]),
                             ("storeSum", [.i32(65_536), .i32(0), .i32(1)])] {
            XCTAssertThrowsError(try call(instance, name, args), name) { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess, name)
            }
        }
    }
}
