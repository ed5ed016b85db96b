import XCTest
import WasmParser
@testable import WasmInterpreter

/// Host functions calling back into wasm through `Function.invoke`.
final class ReentrancyTests: XCTestCase {
    /// "down"(n) = n == 0 ? 0 : env.back(n - 1) + 1, where the host's env.back calls "down" again.
    func makeInstance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        let t = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        b.functionImports.append(("env", "back", t))
        b.function("down", type: t,
                   Op.localGet(0) + Op.i32Eqz + Op.ifI32 + Op.i32Const(0) + Op.else
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.call(0) + Op.i32Const(1) + Op.i32Add + Op.end)
        final class Box { var instance: Instance? }
        let box = Box()
        var imports = Imports()
        let back = store.hostFunction(type: FunctionType(params: [.i32], results: [.i32])) { context, args in
            XCTAssertTrue(context.instance === box.instance)
            return try box.instance!.exportedFunction("down")!.invoke(args)
        }
        imports.define(module: "env", name: "back", .function(back))
        let instance = try b.instantiate(store, imports: imports)
        box.instance = instance
        return instance
    }

    func testHostCallsBackIntoWasm() throws {
        let store = Store()
        let down = try makeInstance(store).exportedFunction("down")!
        XCTAssertEqual(try down.invoke([.i32(200)]), [.i32(200)])
        // Depth bookkeeping unwinds fully after a nested run.
        XCTAssertEqual(store.callDepth, 0)
        XCTAssertEqual(store.stackTop, 0)
    }

    func testCallDepthAccumulatesAcrossReentry() throws {
        let store = Store(configuration: EngineConfiguration(maxCallDepth: 100))
        let down = try makeInstance(store).exportedFunction("down")!
        XCTAssertEqual(try down.invoke([.i32(20)]), [.i32(20)])
        // Each level is a wasm frame plus a host frame: 60 levels need 120 > 100.
        do {
            _ = try down.invoke([.i32(60)])
            XCTFail("expected call stack exhaustion")
        } catch let trap as Trap {
            XCTAssertEqual(trap.kind, .callStackExhausted)
        }
        XCTAssertEqual(store.callDepth, 0)
        XCTAssertEqual(try down.invoke([.i32(10)]), [.i32(10)])
    }

    func testDeepReentryTrapsInsteadOfOverflowingTheNativeStack() throws {
        let store = Store()
        let down = try makeInstance(store).exportedFunction("down")!
        do {
            _ = try down.invoke([.i32(1_000_000)])
            XCTFail("expected call stack exhaustion")
        } catch let trap as Trap {
            XCTAssertEqual(trap.kind, .callStackExhausted)
        }
        XCTAssertEqual(store.callDepth, 0)
    }
}
