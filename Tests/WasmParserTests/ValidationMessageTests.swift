import XCTest
@testable import WasmParser

/// Validation errors keep the spec's wording as a prefix and point at the offending bytes.
final class ValidationMessageTests: XCTestCase {
    private func invalidError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> WasmError? {
        do {
            _ = try parseModule(bytes)
            XCTFail("module was accepted", file: file, line: line)
        } catch let error as WasmError {
            XCTAssertEqual(error.phase, .invalid, "\(error)", file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    func testExportOfUnknownFunctionPointsAtTheExport() {
        let types = ModuleBytes.typeSection()
        let functions = ModuleBytes.functionSection(count: 1)
        let exports = ModuleBytes.section(7, [0x01] + ModuleBytes.name("f") + [0x00, 0x05])
        let bytes = ModuleBytes.module(types, functions, exports, ModuleBytes.codeSection([[0x0B]]))
        let exportEntry = ModuleBytes.header.count + types.count + functions.count + 3  // id, size, count
        let error = invalidError(bytes)
        XCTAssertEqual(error?.message, "unknown function 5")
        XCTAssertEqual(error?.offset, exportEntry)
    }

    func testDuplicateExportName() {
        let exports = ModuleBytes.section(7, [0x02] + ModuleBytes.name("f") + [0x00, 0x00] + ModuleBytes.name("f") + [0x00, 0x00])
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1), exports,
                                       ModuleBytes.codeSection([[0x0B]]))
        XCTAssertEqual(invalidError(bytes)?.message, "duplicate export name")
    }

    func testTypeMismatchNamesBothTypes() {
        // Function returning i32 whose body leaves an f32.
        let body: [UInt8] = [0x43, 0x00, 0x00, 0x80, 0x3F, 0x0B]
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(results: [0x7F]), ModuleBytes.functionSection(count: 1),
                                       ModuleBytes.codeSection([body]))
        let error = invalidError(bytes)
        XCTAssertEqual(error?.message, "type mismatch: expected i32, found f32")
    }

    func testImmutableGlobalSet() {
        let globals = ModuleBytes.section(6, [0x01, 0x7F, 0x00, 0x41, 0x00, 0x0B])
        let body: [UInt8] = [0x41, 0x01, 0x24, 0x00, 0x0B]
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1), globals,
                                       ModuleBytes.codeSection([body]))
        XCTAssertEqual(invalidError(bytes)?.message, "global is immutable")
    }

    func testPolymorphicStackAfterUnreachable() throws {
        // `unreachable; i32.add; drop` is valid: operands after `unreachable` are of unknown type.
        let body: [UInt8] = [0x00, 0x6A, 0x1A, 0x0B]
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1),
                                       ModuleBytes.codeSection([body]))
        XCTAssertNoThrow(try parseModule(bytes))
    }
}
