import XCTest
import WasmParser
@testable import WasmInterpreter

/// FloatStoreFusion.swift: an f64 subtraction stored straight to memory runs as one f64SubStore, and a
/// load-add-store of one address as one f64AddToMemory, with the store's bounds check.
final class FloatStoreFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, f64: UInt8 = 0x7C
    let load8: [UInt8] = [0x2B, 0x03, 0x08], store8: [UInt8] = [0x39, 0x03, 0x08], store16: [UInt8] = [0x39, 0x03, 0x10]

    /// All (p: i32, x: f64, y: f64) -> f64, returning m[p+8] afterwards: sub m[p+8] = x - y; accumulate
    /// m[p+8] += x * y; elsewhere m[p+16] = m[p+8] + x (another address: only the add fuses with the load);
    /// put m[p+8] = x; get.
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, f64, f64], [f64])
        let p = Op.localGet(0), x = Op.localGet(1), y = Op.localGet(2), after = p + load8
        b.function("sub", type: t, p + x + y + [0xA1] + store8 + after)
        b.function("accumulate", type: t, p + x + y + [0xA2] + p + load8 + [0xA0] + store8 + after)
        b.function("elsewhere", type: t, p + p + load8 + x + [0xA0] + store16 + p + [0x2B, 0x03, 0x10])
        b.function("put", type: t, p + x + store8 + after)
        b.function("get", type: t, after)
        return try b.instantiate(store)
    }

    func call(_ instance: Instance, _ name: String, _ p: Int32, _ x: Double, _ y: Double = 0) throws -> Double {
        try callF64(instance, name, [.i32(UInt32(bitPattern: p)), .f64(x.bitPattern), .f64(y.bitPattern)])
    }

    func testFusedStoresMatchTheSeparateInstructions() throws {
        let store = Store()
        let instance = try instance(store)
        XCTAssertTrue(try ir(store, instance, 0).contains { $0.hasPrefix("f64SubStore(") })
        XCTAssertTrue(try ir(store, instance, 1).contains { $0.hasPrefix("f64AddToMemory(") })
        XCTAssertFalse(try ir(store, instance, 2).joined().contains("AddToMemory"))
        XCTAssertEqual(try call(instance, "sub", 100, 5, 1.5), 3.5)
        XCTAssertEqual(try call(instance, "accumulate", 100, 2, 3), 9.5)
        XCTAssertEqual(try call(instance, "accumulate", 100, -1, 0.5), 9)
        XCTAssertEqual(try call(instance, "elsewhere", 100, 1), 10)
        XCTAssertEqual(try call(instance, "put", 65_520, 2.25), 2.25, "the last 8 bytes are in bounds")
        XCTAssertEqual(try call(instance, "accumulate", 65_520, 1, 1), 3.25)
        XCTAssertEqual(try call(instance, "sub", 65_520, 1, 1), 0)
    }

    func testOutOfBoundsStoreTrapsAndWritesNothing() throws {
        let store = Store()
        let instance = try instance(store)
        XCTAssertEqual(try call(instance, "put", 65_520, 7), 7)
        for (name, p) in [("sub", Int32(65_521)), ("accumulate", 65_521), ("sub", -8), ("accumulate", -4)] {
            XCTAssertThrowsError(try call(instance, name, p, 1, 1), "\(name)(\(p))") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
        XCTAssertEqual(try call(instance, "get", 65_520, 0), 7, "the trapping stores left the last bytes alone")
    }
}
