import XCTest
import WasmParser
@testable import WasmInterpreter

/// function-references through the embedder API: the type representation, typed calls, non-null checks at
/// the host boundary and link-time equivalence of type indices across modules. (The spec overlay in
/// SpecTests is the main oracle; these pin the parts it cannot see.)
final class FunctionReferencesTests: XCTestCase {
    private let features: WasmFeatures = WasmFeatures.wasm2.union([.functionReferences, .tailCall])

    func testFuncrefIsTheNullableAbstractFunctionReference() {
        let spelled = ValueType.ref(RefType(nullable: true, heapType: .func))
        XCTAssertEqual(ValueType.funcRef, spelled)
        XCTAssertEqual(Set([ValueType.funcRef, spelled, .externRef]).count, 2)
        XCTAssertEqual(ValueType.funcRef.description, "funcref")
        let typed = ValueType.ref(RefType(nullable: false, heapType: .concrete(3)))
        XCTAssertEqual(typed.description, "(ref 3)")
        XCTAssertTrue(typed.isSubtype(of: .ref(RefType(nullable: true, heapType: .concrete(3)))))
        XCTAssertTrue(typed.isSubtype(of: .funcRef))
        XCTAssertFalse(ValueType.funcRef.isSubtype(of: typed))
        XCTAssertFalse(typed.isSubtype(of: .externRef))
        XCTAssertFalse(typed.isDefaultable)
    }

    /// apply(x) = call_ref (ref.func $double) x; null() = call_ref of a null reference.
    func testCallRefCallsTheReferencedFunctionAndTrapsOnNull() throws {
        let bytes = Wasm.module([
            Wasm.section(1, [[0x60, 1, 0x7F, 1, 0x7F], [0x60, 0, 1, 0x7F]]),
            Wasm.section(3, [[0], [0], [1]]),
            Wasm.section(7, [Wasm.name("apply") + [0, 1], Wasm.name("null") + [0, 2]]),
            Wasm.section(9, [[0x03, 0x00, 1, 0]]),  // declare func 0 for ref.func
            Wasm.section(10, [
                Wasm.body([0x20, 0, 0x41, 2, 0x6C, 0x0B]),
                Wasm.body([0x20, 0, 0xD2, 0, 0x14, 0, 0x0B]),
                Wasm.body([0x41, 5, 0xD0, 0, 0x14, 0, 0x0B]),
            ]),
        ])
        let instance = try Store().instantiate(try parseModule(bytes, options: ParseOptions(features: features)))
        XCTAssertEqual(try instance.exportedFunction("apply")?.invoke([.i32(21)]), [.i32(42)])
        XCTAssertThrowsError(try instance.exportedFunction("null")?.invoke([])) {
            XCTAssertEqual(($0 as? Trap)?.kind, .nullReference)
            XCTAssertEqual(($0 as? Trap)?.message, "null function reference")
        }
        // Without the feature the same bytes do not decode (call_ref is not an opcode of 2.0).
        XCTAssertThrowsError(try parseModule(bytes))
    }

    /// A `(ref func)` parameter, table or global accepts a function but not null from the embedder.
    func testHostBoundaryRejectsNullForNonNullTypes() throws {
        let bytes = Wasm.module([
            Wasm.section(1, [[0x60, 1, 0x64, 0x70, 0]]),
            Wasm.section(3, [[0]]),
            Wasm.section(7, [Wasm.name("take") + [0, 0]]),
            Wasm.section(10, [Wasm.body([0x0B])]),
        ])
        let store = Store()
        let instance = try store.instantiate(try parseModule(bytes, options: ParseOptions(features: features)))
        let take = try XCTUnwrap(instance.exportedFunction("take"))
        XCTAssertEqual(take.type.params, [.ref(RefType(nullable: false, heapType: .func))])
        XCTAssertEqual(try take.invoke([.funcRef(take)]), [])
        XCTAssertThrowsError(try take.invoke([.funcRef(nil)])) { XCTAssertEqual(($0 as? Trap)?.kind, .host) }
        XCTAssertThrowsError(try take.invoke([.externRef(1)])) { XCTAssertEqual(($0 as? Trap)?.kind, .host) }

        let nonNull = ValueType.ref(RefType(nullable: false, heapType: .func))
        XCTAssertThrowsError(try store.createTable(TableType(elementType: nonNull, limits: Limits(min: 1)),
                                                   initialValue: .funcRef(nil)))
        let table = try store.createTable(TableType(elementType: nonNull, limits: Limits(min: 1)),
                                          initialValue: .funcRef(take))
        XCTAssertNil(table.grow(by: 1, initialValue: .funcRef(nil)))
        XCTAssertThrowsError(try table.set(0, .funcRef(nil)))
        XCTAssertThrowsError(try store.createGlobal(GlobalType(valueType: nonNull, isMutable: false), value: .funcRef(nil)))
        XCTAssertThrowsError(try store.createGlobal(GlobalType(valueType: .i32, isMutable: false), value: .i64(1)))
    }

    /// `(func (param (ref $t)))` imported under a structurally equal type at another index links; under a
    /// type whose `$t` differs it does not.
    /// A host function for an import whose type names a module type index links once its type is put in
    /// store terms (`storeType(_:of:)`); the module-relative type names another store type.
    func testHostImportTypesAreConvertedToStoreTerms() throws {
        let store = Store()
        // Registers store type IDs 0 = (func (param i32)) and 1 = (func) ahead of the importer's types.
        _ = try store.instantiate(try parseModule(Wasm.module([Wasm.section(1, [[0x60, 1, 0x7F, 0], [0x60, 0, 0]])])))
        // Importer: $t = (func) at index 0, env.h : (func (param (ref $t))) at index 1.
        let importer = try parseModule(Wasm.module([
            Wasm.section(1, [[0x60, 0, 0], [0x60, 1, 0x64, 0, 0]]),
            Wasm.section(2, [Wasm.name("env") + Wasm.name("h") + [0, 1]]),
        ]), options: ParseOptions(features: features))
        func link(_ type: FunctionType) throws {
            var imports = Imports()
            imports.define(module: "env", name: "h", .function(store.hostFunction(type: type) { _, _ in [] }))
            _ = try store.instantiate(importer, imports: imports)
        }
        XCTAssertNoThrow(try link(store.storeType(importer.types[1], of: importer)))
        XCTAssertThrowsError(try link(importer.types[1]))
    }

    func testImportMatchesTypeIndicesByStructureAcrossModules() throws {
        let store = Store()
        let exporter = Wasm.module([
            Wasm.section(1, [[0x60, 0, 0], [0x60, 1, 0x64, 0, 0]]),  // $t = (func); (func (param (ref $t)))
            Wasm.section(3, [[1]]),
            Wasm.section(7, [Wasm.name("f") + [0, 0]]),
            Wasm.section(10, [Wasm.body([0x0B])]),
        ])
        var imports = Imports()
        imports.register(try store.instantiate(try parseModule(exporter, options: ParseOptions(features: features))),
                         as: Name("A"))

        func importer(_ types: [[UInt8]], importType: UInt8) -> [UInt8] {
            Wasm.module([
                Wasm.section(1, types),
                Wasm.section(2, [Wasm.name("A") + Wasm.name("f") + [0, importType]]),
            ])
        }
        // Same structure, different indices: (func (param i32)) first, then $t = (func) at 1.
        let same = importer([[0x60, 1, 0x7F, 0], [0x60, 0, 0], [0x60, 1, 0x64, 1, 0]], importType: 2)
        XCTAssertNoThrow(try store.instantiate(try parseModule(same, options: ParseOptions(features: features)),
                                               imports: imports))
        // $t = (func (param i32)): a different function type behind the reference.
        let different = importer([[0x60, 1, 0x7F, 0], [0x60, 1, 0x64, 0, 0]], importType: 1)
        XCTAssertThrowsError(try store.instantiate(try parseModule(different, options: ParseOptions(features: features)),
                                                   imports: imports)) {
            XCTAssertTrue(($0 as? LinkError)?.message.hasPrefix("incompatible import type") ?? false, "\($0)")
        }
    }
}

/// Just enough binary encoding for the modules above.
private enum Wasm {
    static func module(_ sections: [[UInt8]]) -> [UInt8] { [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00] + sections.flatMap { $0 } }
    static func section(_ id: UInt8, _ items: [[UInt8]]) -> [UInt8] {
        let payload = [UInt8(items.count)] + items.flatMap { $0 }
        return [id, UInt8(payload.count)] + payload
    }
    static func name(_ s: String) -> [UInt8] { [UInt8(s.utf8.count)] + Array(s.utf8) }
    /// A body without locals.
    static func body(_ code: [UInt8]) -> [UInt8] { [UInt8(code.count + 1), 0] + code }
}
