import XCTest
import WasmParser
@testable import WasmInterpreter

/// The embedder-facing handles: functions as values, tables, globals, memories, linking errors.
final class StoreAPITests: XCTestCase {
    func testFunctionsAreEqualByStoreEntityAndRoundTripThroughTables() throws {
        let store = Store()
        var b = ModuleBuilder()
        let t = b.type([], [ModuleBuilder.i32])
        b.function("seven", type: t, Op.i32Const(7))
        let a = try b.instantiate(store), c = try b.instantiate(store)
        let f1 = try XCTUnwrap(a.exportedFunction("seven")), f2 = try XCTUnwrap(c.exportedFunction("seven"))
        XCTAssertEqual(f1, a.exportedFunction("seven"))
        XCTAssertNotEqual(f1, f2)
        XCTAssertEqual(Set([f1, f2, f1]).count, 2)

        let table = try store.createTable(TableType(elementType: .funcRef, limits: Limits(min: 2)), initialValue: .funcRef(nil))
        try table.set(1, .funcRef(f2))
        XCTAssertEqual(try table.get(0), .funcRef(nil))
        guard case .funcRef(let back?) = try table.get(1) else { return XCTFail("expected a function") }
        XCTAssertEqual(back, f2)
        XCTAssertEqual(try back.invoke([]), [.i32(7)])
        XCTAssertThrowsError(try table.get(2)) { XCTAssertEqual(($0 as? Trap)?.kind, .outOfBoundsTableAccess) }
        XCTAssertEqual(table.grow(by: 3, initialValue: .funcRef(f1)), 2)
        XCTAssertEqual(try table.get(4), .funcRef(f1))
    }

    func testGlobalsAndMemories() throws {
        let store = Store()
        let g = try store.createGlobal(GlobalType(valueType: .i64, isMutable: true), value: .i64(5))
        try g.set(.i64(UInt64.max))
        XCTAssertEqual(g.value, .i64(UInt64.max))
        XCTAssertThrowsError(try g.set(.i32(1)))
        let constant = try store.createGlobal(GlobalType(valueType: .i32, isMutable: false), value: .i32(1))
        XCTAssertThrowsError(try constant.set(.i32(2)))

        let m = try store.createMemory(MemoryType(limits: Limits(min: 1, max: 3)))
        try m.write([1, 2, 3], at: 65533)
        XCTAssertEqual(try m.read(at: 65533, count: 3), [1, 2, 3])
        XCTAssertThrowsError(try m.write([1, 2], at: 65535))
        XCTAssertEqual(m.grow(by: 2), 1)
        XCTAssertNil(m.grow(by: 1))
        XCTAssertEqual(m.byteCount, 3 * 65536)
        XCTAssertEqual(try m.read(at: 65536, count: 2), [0, 0])
    }

    func testLinkErrorsNameTheImport() throws {
        let store = Store()
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [])
        b.functionImports.append(("env", "log", t))
        b.function(nil, type: t, Op.localGet(0) + Op.call(0))
        XCTAssertThrowsError(try b.instantiate(store)) {
            XCTAssertEqual(($0 as? LinkError)?.message, "unknown import: env.log")
        }
        var imports = Imports()
        imports.define(module: "env", name: "log", .function(store.hostFunction(type: FunctionType(params: [.i64], results: [])) { _, _ in [] }))
        XCTAssertThrowsError(try b.instantiate(store, imports: imports)) {
            XCTAssertEqual(($0 as? LinkError)?.message, "incompatible import type: env.log")
        }
    }

    func testHostErrorsPropagateUnchanged() throws {
        struct Boom: Error {}
        let store = Store()
        var b = ModuleBuilder()
        let t = b.type([], [])
        b.functionImports.append(("env", "boom", t))
        b.function("run", type: t, Op.call(0))
        var imports = Imports()
        imports.define(module: "env", name: "boom", .function(store.hostFunction(type: FunctionType(params: [], results: [])) { _, _ in throw Boom() }))
        let run = try XCTUnwrap(b.instantiate(store, imports: imports).exportedFunction("run"))
        XCTAssertThrowsError(try run.invoke([])) { XCTAssertTrue($0 is Boom) }
        XCTAssertEqual(store.callDepth, 0)
    }
}
