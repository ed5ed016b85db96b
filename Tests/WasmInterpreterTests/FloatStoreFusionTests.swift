import XCTest
import WasmParser
@testable import WasmInterpreter

/// FloatStoreFusion.swift: an f64 subtraction stored straight to memory runs as one f64SubStore, a
/// load-add-store of one address as one f64AddToMemory, and a load-subtract-store of one address around a
/// product as the product and one f64SubFromMemory, with the store's bounds check. PairFusion then joins the
/// product with the memory update (f64MulMulAddToMemory, f64MulMulSubFromMemory).
final class FloatStoreFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32, f64: UInt8 = 0x7C
    let load8: [UInt8] = [0x2B, 0x03, 0x08], store8: [UInt8] = [0x39, 0x03, 0x08], store16: [UInt8] = [0x39, 0x03, 0x10]

    /// All (p: i32, x: f64, y: f64) -> f64, returning m[p+8] afterwards: sub m[p+8] = x - y; accumulate
    /// m[p+8] += x * y; elsewhere m[p+16] = m[p+8] + x (another address: only the add fuses with the load);
    /// put m[p+8] = x; get; subtractFrom m[p+8] -= x * y * y; addTo m[p+8] += x * y * y; subtractOther
    /// m[p+8] = m[p+16] - x * y * y (another address: stays a load and an f64SubStore).
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
        let product: [UInt8] = x + y + [0xA2] + y + [0xA2]
        b.function("subtractFrom", type: t, p + p + load8 + product + [0xA1] + store8 + after)
        b.function("addTo", type: t, p + product + p + load8 + [0xA0] + store8 + after)
        b.function("subtractOther", type: t, p + p + [0x2B, 0x03, 0x10] + product + [0xA1] + store8 + after)
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

    func testProductsAddedToAndSubtractedFromMemory() throws {
        let store = Store()
        let instance = try instance(store)
        let subtractFrom = try ir(store, instance, 5), addTo = try ir(store, instance, 6)
        XCTAssertTrue(subtractFrom.contains { $0.hasPrefix("f64MulMulSubFromMemory(") }, "\(subtractFrom)")
        XCTAssertEqual(subtractFrom.filter { $0.hasPrefix("i64Load") }.count, 1, "only the read-back: \(subtractFrom)")
        XCTAssertTrue(addTo.contains { $0.hasPrefix("f64MulMulAddToMemory(") }, "\(addTo)")
        XCTAssertFalse(try ir(store, instance, 7).joined().contains("FromMemory"))
        XCTAssertEqual(try call(instance, "put", 100, 10), 10)
        XCTAssertEqual(try call(instance, "subtractFrom", 100, 2, 1.5), 5.5)
        XCTAssertEqual(try call(instance, "addTo", 100, 2, 0.5), 6)
        XCTAssertEqual(try call(instance, "put", 108, 1), 1) // m[116]
        XCTAssertEqual(try call(instance, "subtractOther", 100, 2, 1), -1)
        XCTAssertEqual(try call(instance, "put", 65_520, 1), 1)
        XCTAssertEqual(try call(instance, "subtractFrom", 65_520, 1, 2), -3, "the last 8 bytes are in bounds")
        for (name, p) in [("subtractFrom", Int32(65_521)), ("addTo", 65_521), ("subtractFrom", -4), ("addTo", -8)] {
            expectTrap(.outOfBoundsMemoryAccess) { _ = try call(instance, name, p, 1, 1) }
        }
        XCTAssertEqual(try call(instance, "get", 65_520, 0), -3)
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
