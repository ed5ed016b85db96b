import XCTest
import WasmParser
@testable import WasmInterpreter

/// Exception handling at the embedder boundary: exceptions crossing host functions in both directions,
/// uncaught exceptions and exnref values reaching the embedder, throw_ref of null. (The wasm-level
/// semantics are covered by the spec suite's exception-handling overlay.)
final class ExceptionTests: XCTestCase {
    static let exnRef: UInt8 = 0x69

    /// Tag 0 of type [i32] -> [] is imported from env.e when `importTag`, else defined and exported as "e".
    /// env.h: [] -> [] is function 0. Exports:
    ///   catcher: [] -> [i32]   try_table (catch 0) around `call env.h`; returns the payload, or -1 if none
    ///   thrower: [i32] -> []   throw 0 (local 0)
    ///   catchRef: [] -> [exnref]   catch_all_ref around `thrower(5)`
    ///   rethrow: [exnref] -> []    throw_ref (local 0)
    ///   throwNull: [] -> []        throw_ref (ref.null exn)
    ///   catchMany: [i32] -> []     n times: throw 0 (1), catch it, call env.h
    ///   tailCallHost: [] -> []     try_table (catch_all) around `return_call env.h`
    func makeModule(importTag: Bool) -> ModuleBuilder {
        var b = ModuleBuilder()
        let tagType = b.type([ModuleBuilder.i32], [])
        let toI32 = b.type([], [ModuleBuilder.i32])
        let void = b.type([], [])
        let toExn = b.type([], [Self.exnRef])
        let fromExn = b.type([Self.exnRef], [])
        b.functionImports.append(("env", "h", void))
        if importTag { b.tagImports.append(("env", "e", tagType)) } else { b.tags.append(tagType) }
        b.function("catcher", type: toI32,
                   [0x02, 0x7F, 0x1F, 0x40, 0x01, 0x00, 0x00, 0x00] + Op.call(0) + Op.end
                   + Op.i32Const(-1) + [0x0F] + Op.end)
        let thrower = b.function("thrower", type: tagType, Op.localGet(0) + [0x08, 0x00])
        b.function("catchRef", type: toExn,
                   [0x02, Self.exnRef, 0x1F, 0x40, 0x01, 0x03, 0x00] + Op.i32Const(5) + Op.call(thrower)
                   + Op.end + [0x00] + Op.end)
        b.function("rethrow", type: fromExn, Op.localGet(0) + [0x0A])
        b.function("throwNull", type: void, [0xD0, Self.exnRef, 0x0A])
        b.function("catchMany", type: tagType,
                   Op.loop + [0x02, 0x7F, 0x1F, 0x40, 0x01, 0x00, 0x00, 0x00] + Op.i32Const(1) + [0x08, 0x00] + Op.end
                   + Op.i32Const(0) + Op.end + Op.drop + Op.call(0)
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.localTee(0) + Op.brIf(0) + Op.end)
        b.function("tailCallHost", type: void, Op.block + [0x1F, 0x40, 0x01, 0x02, 0x00, 0x12, 0x00] + Op.end + Op.end)
        if !importTag { b.exports.append(("e", 4, 0)) }
        return b
    }

    func instantiate(_ store: Store, importTag: Tag? = nil,
                     host: @escaping (Instance?) throws -> Void) throws -> Instance {
        final class Box { var instance: Instance? }
        let box = Box()
        var imports = Imports()
        imports.define(module: "env", name: "h", .function(store.hostFunction(type: FunctionType(params: [], results: [])) { _, _ in
            try host(box.instance)
            return []
        }))
        if let importTag { imports.define(module: "env", name: "e", .tag(importTag)) }
        let instance = try makeModule(importTag: importTag != nil).instantiate(store, imports: imports, features: [.exceptions, .tailCall])
        box.instance = instance
        return instance
    }

    func testExceptionFromANestedInvocationPropagatesThroughTheHostFunction() throws {
        let store = Store()
        let instance = try instantiate(store) { instance in
            _ = try instance!.exportedFunction("thrower")!.invoke([.i32(42)])
        }
        XCTAssertEqual(try instance.exportedFunction("catcher")!.invoke([]), [.i32(42)])
        XCTAssertEqual(store.callDepth, 0)
        XCTAssertEqual(store.stackTop, 0)
        XCTAssertTrue(store.exceptions.isEmpty, "exception objects are reclaimed after the outermost call")
    }

    func testHostFunctionThrowsIntoWasm() throws {
        let store = Store()
        let tag = try store.createTag(type: FunctionType(params: [.i32], results: []))
        let instance = try instantiate(store, importTag: tag) { _ in
            throw UncaughtException(Exception(tag: tag, payload: [.i32(9)]))
        }
        XCTAssertEqual(try instance.exportedFunction("catcher")!.invoke([]), [.i32(9)])
    }

    /// return_call replaces the frame (and leaves its try_table), even when the callee is a host function.
    func testTailCalledHostFunctionIsOutsideTheCallersHandlers() throws {
        let store = Store()
        let instance = try instantiate(store) { instance in
            throw UncaughtException(Exception(tag: instance!.exportedTag("e")!, payload: [.i32(1)]))
        }
        XCTAssertEqual(try instance.exportedFunction("catcher")!.invoke([]), [.i32(1)])
        XCTAssertThrowsError(try instance.exportedFunction("tailCallHost")!.invoke([])) { error in
            XCTAssertTrue(error is UncaughtException, "\(error)")
        }
    }

    func testOtherHostErrorsAreNotCaught() throws {
        let store = Store()
        let instance = try instantiate(store) { _ in throw Trap(.host, "boom") }
        XCTAssertThrowsError(try instance.exportedFunction("catcher")!.invoke([])) { error in
            XCTAssertEqual((error as? Trap)?.message, "boom")
        }
    }

    func testUncaughtExceptionReachesTheEmbedderWithItsTagAndPayload() throws {
        let store = Store()
        let instance = try instantiate(store) { _ in }
        XCTAssertEqual(try instance.exportedFunction("catcher")!.invoke([]), [.i32(UInt32.max)], "nothing thrown: -1")
        XCTAssertThrowsError(try instance.exportedFunction("thrower")!.invoke([.i32(7)])) { error in
            guard let uncaught = error as? UncaughtException else { return XCTFail("not an exception: \(error)") }
            XCTAssertEqual(uncaught.exception.tag, instance.exportedTag("e"))
            XCTAssertEqual(uncaught.exception.payload, [.i32(7)])
        }
    }

    func testExnRefRoundTripsThroughTheEmbedder() throws {
        let store = Store()
        let instance = try instantiate(store) { _ in }
        let results = try instance.exportedFunction("catchRef")!.invoke([])
        guard case .exnRef(let exception?)? = results.first else { return XCTFail("expected an exnref, got \(results)") }
        XCTAssertEqual(exception.payload, [.i32(5)])
        XCTAssertThrowsError(try instance.exportedFunction("rethrow")!.invoke([.exnRef(exception)])) { error in
            XCTAssertEqual((error as? UncaughtException)?.exception, exception)
        }
        XCTAssertThrowsError(try instance.exportedFunction("rethrow")!.invoke([.exnRef(Exception(tag: exception.tag, payload: []))])) { error in
            XCTAssertEqual((error as? Trap)?.kind, .host, "a payload that does not match the tag is refused")
        }
    }

    /// A plain catch ends an exception's life: a throw/catch loop reuses one arena slot.
    func testCaughtExceptionsAreFreedWithinAnInvocation() throws {
        let store = Store()
        final class Counts { var live: [Int] = [] }
        let counts = Counts()
        let instance = try instantiate(store) { _ in counts.live.append(store.exceptions.count - store.freeExceptionSlots.count) }
        XCTAssertEqual(try instance.exportedFunction("catchMany")!.invoke([.i32(1000)]), [])
        XCTAssertEqual(counts.live.count, 1000)
        XCTAssertEqual(counts.live.max(), 0)
        XCTAssertLessThanOrEqual(store.exceptions.count, 1)
    }

    /// Exceptions that escape (catch_all_ref) stay alive until the invocation ends; their payloads count
    /// against a cap, so big tags can't exhaust host memory. After the trap the store holds none of them.
    func testHugePayloadsHitTheExceptionSpaceLimitAndAreReclaimed() throws {
        var b = ModuleBuilder()
        let params = 4000
        let big = b.type(Array(repeating: ModuleBuilder.i32, count: params), [])
        let count = b.type([ModuleBuilder.i32], [])
        b.tags.append(big)
        let pushPayload = Array(repeating: Op.i32Const(0), count: params).flatMap { $0 }
        b.function("hoard", type: count,
                   Op.loop + [0x02, Self.exnRef, 0x1F, 0x40, 0x01, 0x03, 0x00] + pushPayload + [0x08, 0x00]
                   + Op.end + [0x00] + Op.end + Op.drop
                   + Op.localGet(0) + Op.i32Const(1) + Op.i32Sub + Op.localTee(0) + Op.brIf(0) + Op.end)
        let store = Store()
        let hoard = try b.instantiate(store, features: [.exceptions]).exportedFunction("hoard")!
        XCTAssertEqual(try hoard.invoke([.i32(100)]), [])
        let limitInThrows = Store.exceptionPayloadLimit / params
        XCTAssertThrowsError(try hoard.invoke([.i32(UInt32(limitInThrows + 10))])) { error in
            XCTAssertTrue("\(error)".contains("exception space exhausted"), "\(error)")
        }
        XCTAssertEqual(store.exceptions.count, 0)
        XCTAssertEqual(store.exceptionPayloadCells, 0)
        XCTAssertEqual(try hoard.invoke([.i32(100)]), [])
    }

    func testThrowRefOfNullTraps() throws {
        let store = Store()
        let instance = try instantiate(store) { _ in }
        XCTAssertThrowsError(try instance.exportedFunction("throwNull")!.invoke([])) { error in
            XCTAssertEqual((error as? Trap)?.kind, .nullReference)
            XCTAssertEqual((error as? Trap)?.message, "null exception reference")
        }
    }

    func testTagSectionAndExnRefNeedTheFeature() throws {
        var b = ModuleBuilder()
        b.tags.append(b.type([ModuleBuilder.i32], []))
        XCTAssertNoThrow(try parseModule(b.bytes(), options: ParseOptions(features: [.exceptions])))
        XCTAssertThrowsError(try parseModule(b.bytes())) { error in
            XCTAssertEqual((error as? WasmError)?.message, "malformed section id")
        }
        XCTAssertThrowsError(try parseModule(makeModule(importTag: false).bytes())) { error in
            XCTAssertEqual((error as? WasmError)?.message, "malformed value type")
        }
    }

    func testTagImportsMatchByTypeAndKeepIdentity() throws {
        let store = Store()
        let wrongType = try store.createTag(type: FunctionType(params: [.i64], results: []))
        XCTAssertThrowsError(try instantiate(store, importTag: wrongType) { _ in }) { error in
            XCTAssertTrue(error is LinkError, "\(error)")
        }
        XCTAssertThrowsError(try store.createTag(type: FunctionType(params: [], results: [.i32]))) { error in
            XCTAssertEqual((error as? Trap)?.kind, .host)
        }
        // An exception thrown with the exporting instance's tag is caught by the importing instance.
        let exporter = try instantiate(store) { _ in }
        let tag = try XCTUnwrap(exporter.exportedTag("e"))
        let importer = try instantiate(store, importTag: tag) { _ in
            _ = try exporter.exportedFunction("thrower")!.invoke([.i32(3)])
        }
        XCTAssertEqual(try importer.exportedFunction("catcher")!.invoke([]), [.i32(3)])
        // A tag declared alike is a different tag: not caught.
        let lookalike = try instantiate(store) { _ in
            _ = try exporter.exportedFunction("thrower")!.invoke([.i32(3)])
        }
        XCTAssertThrowsError(try lookalike.exportedFunction("catcher")!.invoke([])) { error in
            XCTAssertEqual((error as? UncaughtException)?.exception.tag, tag)
        }
    }
}
