import XCTest
import WasmParser
@testable import WasmInterpreter

/// The ownership rule of docs/engine-api.md: a `Store`, an `Instance` and every export handle each keep the
/// store alive; the store owns its entities but nothing that owns it, so it is freed with the last of those.
/// Each scenario builds its objects inside a closure, so only what the closure returns outlives it.
final class StoreLifetimeTests: XCTestCase {
    final class Weak<T: AnyObject> {
        weak var object: T?
        init(_ object: T) { self.object = object }
    }

    /// (func (export "f") (result i32) i32.const 7) (table (export "t") 1 funcref) (memory (export "m") 1)
    /// (global (export "g") (mut i32) (i32.const 5)) (elem (i32.const 0) func 0)
    static let allKinds: [UInt8] = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,                   // type 0: () -> i32
        0x03, 0x02, 0x01, 0x00,                                     // func 0: type 0
        0x04, 0x04, 0x01, 0x70, 0x00, 0x01,                         // table: funcref, min 1
        0x05, 0x03, 0x01, 0x00, 0x01,                               // memory: min 1
        0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x05, 0x0b,             // global: mut i32 = 5
        0x07, 0x11, 0x04, 0x01, 0x66, 0x00, 0x00, 0x01, 0x74, 0x01, 0x00,
        0x01, 0x6d, 0x02, 0x00, 0x01, 0x67, 0x03, 0x00,             // exports f, t, m, g
        0x09, 0x07, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x01, 0x00,       // elem: table[0] = func 0
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b,             // code: i32.const 7
    ]

    /// (import "env" "h" (func (result i32))) (memory (export "m") 1) (func (export "run") (result i32) call 0)
    static let callsHost: [UInt8] = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
        0x02, 0x09, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x68, 0x00, 0x00,
        0x03, 0x02, 0x01, 0x00,
        0x05, 0x03, 0x01, 0x00, 0x01,
        0x07, 0x0b, 0x02, 0x01, 0x6d, 0x02, 0x00, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x01,
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x10, 0x00, 0x0b,
    ]

    static let empty: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]

    func testStoreIsFreedWithItsExportingInstance() throws {
        let module = try parseModule(Self.allKinds)
        let (store, instance) = try { () throws -> (Weak<Store>, Weak<Instance>) in
            let store = Store()
            let instance = try store.instantiate(module)
            XCTAssertEqual(instance.exports.map(\.name.string), ["f", "t", "m", "g"])
            XCTAssertEqual(try instance.exportedFunction("f")?.invoke([]), [.i32(7)])
            return (Weak(store), Weak(instance))
        }()
        XCTAssertNil(instance.object, "the instance outlived every reference to it")
        XCTAssertNil(store.object, "the store outlived its instance: something it owns points back to it")
    }

    func testInstanceAloneKeepsItsStore() throws {
        for bytes in [Self.allKinds, Self.empty] {
            let module = try parseModule(bytes)
            let (instance, store) = try { () throws -> (Instance, Weak<Store>) in
                let store = Store()
                return (try store.instantiate(module), Weak(store))
            }()
            guard let kept = store.object else { XCTFail("the store was freed under an instance still held"); continue }
            XCTAssertTrue(instance.store === kept)
            if bytes == Self.allKinds {
                XCTAssertEqual(try instance.exportedFunction("f")?.invoke([]), [.i32(7)])
                XCTAssertEqual(instance.exportedGlobal("g")?.value, .i32(5))
            }
        }
    }

    func testExportHandlesOutliveTheirInstance() throws {
        let module = try parseModule(Self.allKinds)
        let store = try { () throws -> Weak<Store> in
            let (f, t, m, g, store, instance) = try { () throws -> (Function, Table, Memory, Global, Weak<Store>,
                                                                     Weak<Instance>) in
                let store = Store()
                let i = try store.instantiate(module)
                return (i.exportedFunction("f")!, i.exportedTable("t")!, i.exportedMemory("m")!,
                        i.exportedGlobal("g")!, Weak(store), Weak(i))
            }()
            XCTAssertNil(instance.object, "no one holds the instance handle any more")
            XCTAssertNotNil(store.object, "the store was freed under handles still held")
            XCTAssertEqual(try f.invoke([]), [.i32(7)])
            XCTAssertEqual(try t.get(0), .funcRef(f))
            guard case .funcRef(let g0?) = try t.get(0) else { XCTFail("table slot 0 is null"); return store }
            XCTAssertEqual(try g0.invoke([]), [.i32(7)])
            try m.write([42], at: 65535)
            XCTAssertEqual(m.grow(by: 1), 1)
            XCTAssertEqual(try m.read(at: 65535, count: 2), [42, 0])
            try g.set(.i32(9))
            XCTAssertEqual(g.value, .i32(9))
            return store
        }()
        XCTAssertNil(store.object, "the store outlived the last handle")
    }

    /// A host function sees its caller as an `Instance` even after the embedder dropped its own handle, and
    /// that view does not keep the store alive afterwards.
    func testHostContextInstanceOutlivesNothing() throws {
        let module = try parseModule(Self.callsHost)
        let store = try { () throws -> Weak<Store> in
            let (run, store) = try { () throws -> (Function, Weak<Store>) in
                let store = Store()
                var imports = Imports()
                let h = store.hostFunction(type: FunctionType(params: [], results: [.i32])) { context, _ in
                    guard let memory = context.instance?.exportedMemory("m") else { throw Trap(.host, "no caller") }
                    XCTAssertEqual(memory, context.memory)
                    return [.i32(UInt32(try memory.read(at: 8, count: 1)[0]))]
                }
                imports.define(module: "env", name: "h", .function(h))
                let instance = try store.instantiate(module, imports: imports)
                try instance.exportedMemory("m")!.write([77], at: 8)
                return (instance.exportedFunction("run")!, Weak(store))
            }()
            XCTAssertEqual(try run.invoke([]), [.i32(77)])
            XCTAssertEqual(try run.invoke([]), [.i32(77)])
            return store
        }()
        XCTAssertNil(store.object, "a host call's view of its caller kept the store alive")
    }
}
