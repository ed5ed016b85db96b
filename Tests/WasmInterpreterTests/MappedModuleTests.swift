import Foundation
import XCTest
import WasmParser
@testable import WasmInterpreter

/// A module mapped from its file (`ModuleBinary(contentsOfFile:)`) decodes and runs exactly like the
/// same bytes read into an array, also after its resident pages were released.
final class MappedModuleTests: XCTestCase {
    /// Two functions, a memory, an active segment at i32.const 16, a passive one, an active one at 40.
    private func moduleBytes() -> [UInt8] {
        var b = ModuleBuilder()
        b.memory = (1, nil)
        let load = b.type([ModuleBuilder.i32], [ModuleBuilder.i32])
        b.function("load", type: load, [0x20, 0x00, 0x2D, 0x00, 0x00])           // i32.load8_u
        b.function("twice", type: load, locals: [ModuleBuilder.i64], [0x20, 0x00, 0x20, 0x00, 0x6A]) // i32.add
        let segments: [[UInt8]] = [
            [0x00, 0x41, 0x10, 0x0B] + ModuleBuilder.leb(3) + [7, 8, 9],
            [0x01] + ModuleBuilder.leb(2) + [0xAA, 0xBB],
            [0x00, 0x41, 0x28, 0x0B] + ModuleBuilder.leb(1) + [42],
        ]
        return b.bytes() + ModuleBuilder.section(11, segments)
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "mapped-module-\(UUID().uuidString).wasm"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testMappedFileDecodesLikeTheArray() throws {
        let bytes = moduleBytes()
        let mapped = try ModuleBinary(contentsOfFile: try temporaryFile(bytes), mappingThreshold: 0)
        XCTAssertTrue(mapped.isMapped)
        XCTAssertEqual(mapped.count, bytes.count)
        XCTAssertEqual(mapped.allBytes, bytes)

        let fromArray = try parseModule(bytes)
        let fromFile = try parseModule(mapped)   // releases the pages it read on the way out
        XCTAssertEqual(fromFile.types, fromArray.types)
        XCTAssertEqual(fromFile.functionTypeIndices, fromArray.functionTypeIndices)
        XCTAssertEqual(fromFile.bodies.map(\.code), fromArray.bodies.map(\.code))
        XCTAssertEqual(fromFile.bodies.map { $0.localDeclarations.map(\.count) },
                       fromArray.bodies.map { $0.localDeclarations.map(\.count) })
        XCTAssertEqual(fromFile.exports.map(\.name), fromArray.exports.map(\.name))
        XCTAssertEqual(Array(fromFile.data), Array(fromArray.data))
        XCTAssertEqual(fromFile.data.map(\.bytes), [[7, 8, 9], [0xAA, 0xBB], [42]])
        XCTAssertEqual(fromFile.data.map(\.range), fromArray.data.map(\.range))
        if case .passive = fromFile.data[1].mode {} else { XCTFail("segment 1 should be passive") }
        XCTAssertEqual(fromFile.data.passiveIndices, [1])
        guard case .active(0, let offset) = fromFile.data[2].mode else { return XCTFail("segment 2 should be active") }
        XCTAssertEqual(offset.instructions, [.i32Const(40)])
    }

    func testMappedModuleRunsAfterItsPagesAreReleased() throws {
        let mapped = try ModuleBinary(contentsOfFile: try temporaryFile(moduleBytes()), mappingThreshold: 0)
        let store = Store()
        let instance = try store.instantiate(try parseModule(mapped), imports: Imports())
        mapped.releaseResidentPages()
        let load = try XCTUnwrap(instance.exportedFunction("load"))
        let read = try [16, 17, 18, 19, 40].map { try load.invoke([.i32($0)]) }
        XCTAssertEqual(read, [[.i32(7)], [.i32(8)], [.i32(9)], [.i32(0)], [.i32(42)]])
        XCTAssertEqual(try XCTUnwrap(instance.exportedFunction("twice")).invoke([.i32(21)]), [.i32(42)])
    }

    func testSmallFilesAreRead() throws {
        let bytes = moduleBytes()
        let read = try ModuleBinary(contentsOfFile: try temporaryFile(bytes))
        XCTAssertFalse(read.isMapped)
        XCTAssertEqual(read.allBytes, bytes)
        read.releaseResidentPages()   // nothing to release: the array stays
        XCTAssertEqual(read.allBytes, bytes)
    }

    func testMissingFileNamesPathAndCall() {
        let path = NSTemporaryDirectory() + "no-such-module-\(UUID().uuidString).wasm"
        XCTAssertThrowsError(try ModuleBinary(contentsOfFile: path)) { error in
            XCTAssertEqual("\(error)", "open \(path): no such file or directory")
        }
    }

    func testActiveSegmentOutOfBoundsTrapsAtInstantiation() throws {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        // 2 bytes at 65535: one past the end.
        let bytes = b.bytes() + ModuleBuilder.section(11, [[0x00, 0x41] + ModuleBuilder.sleb(65535) + [0x0B, 0x02, 1, 2]])
        let mapped = try ModuleBinary(contentsOfFile: try temporaryFile(bytes), mappingThreshold: 0)
        XCTAssertThrowsError(try Store().instantiate(try parseModule(mapped), imports: Imports())) { error in
            XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
        }
    }
}
