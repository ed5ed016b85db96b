import XCTest
@testable import WasmParser

/// Decoder error paths: each must fail as `.malformed` with the spec's wording and the right offset.
final class DecoderErrorTests: XCTestCase {
    private func expectMalformed(_ bytes: [UInt8], _ message: String, offset: Int? = nil,
                                 file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try parseModule(bytes)
            XCTFail("accepted; expected \"\(message)\"", file: file, line: line)
        } catch let error as WasmError {
            XCTAssertEqual(error.phase, .malformed, "\(error)", file: file, line: line)
            XCTAssertEqual(error.message, message, file: file, line: line)
            if let offset { XCTAssertEqual(error.offset, offset, "\(error)", file: file, line: line) }
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
        }
    }

    func testEmptyModuleDecodes() throws {
        let m = try parseModule(ModuleBytes.header)
        XCTAssertTrue(m.types.isEmpty)
        XCTAssertTrue(m.bodies.isEmpty)
    }

    func testTruncatedHeader() {
        expectMalformed([], "unexpected end", offset: 0)
        expectMalformed([0x00, 0x61, 0x73], "unexpected end")
        expectMalformed([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00], "unexpected end")
    }

    func testBadMagicAndVersion() {
        expectMalformed([0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00], "magic header not detected", offset: 0)
        expectMalformed([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00], "unknown binary version", offset: 4)
    }

    func testTruncatedSection() {
        // Type section claims 5 bytes; the file ends after 2.
        expectMalformed(ModuleBytes.header + [0x01, 0x05, 0x01, 0x60], "length out of bounds", offset: 9)
        // Type section of the right size whose type is cut short.
        expectMalformed(ModuleBytes.header + [0x01, 0x02, 0x01, 0x60],
                        "unexpected end of section or function", offset: 12)
    }

    func testSectionSizeMismatch() {
        // Declared size 5, but the single type [] -> [] takes 4 bytes (count + 0x60 + 0 + 0).
        let bytes = ModuleBytes.header + [0x01, 0x05, 0x01, 0x60, 0x00, 0x00, 0x00]
        expectMalformed(bytes, "section size mismatch", offset: 15)
    }

    func testMalformedSectionIdAndOrder() {
        expectMalformed(ModuleBytes.header + [0x0D, 0x00], "malformed section id", offset: 8)
        // Function section before type section.
        let bytes = ModuleBytes.module(ModuleBytes.functionSection(count: 0), ModuleBytes.typeSection())
        expectMalformed(bytes, "unexpected content after last section", offset: 11)
    }

    func testOverlongAndTooLargeLEB() {
        // Type count encoded in 6 bytes.
        expectMalformed(ModuleBytes.header + [0x01, 0x07, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00],
                        "integer representation too long", offset: 14)
        // Type count with bits beyond 32 set in the fifth byte.
        expectMalformed(ModuleBytes.header + [0x01, 0x06, 0x81, 0x80, 0x80, 0x80, 0x10, 0x00],
                        "integer too large", offset: 14)
    }

    func testFunctionAndCodeCountsMustAgree() {
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 2),
                                       ModuleBytes.codeSection([[0x0B]]))
        expectMalformed(bytes, "function and code section have inconsistent lengths")
    }

    func testMalformedUTF8Name() {
        // Export named with an overlong encoding of "/" (0xC0 0xAF).
        let exportSection = ModuleBytes.section(7, [0x01, 0x02, 0xC0, 0xAF, 0x00, 0x00])
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1),
                                       exportSection, ModuleBytes.codeSection([[0x0B]]))
        expectMalformed(bytes, "malformed UTF-8 encoding")
    }

    func testMissingEndInBody() {
        // Body `i32.const 1; drop` without `end`, at the end of the file.
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1),
                                       ModuleBytes.codeSection([[0x41, 0x01, 0x1A]]))
        expectMalformed(bytes, "unexpected end of section or function")
    }

    func testReservedMemoryByte() {
        let memory = ModuleBytes.section(5, [0x01, 0x00, 0x01])
        let body: [UInt8] = [0x3F, 0x01, 0x1A, 0x0B]  // memory.size with a non-zero reserved byte
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1), memory,
                                       ModuleBytes.codeSection([body]))
        expectMalformed(bytes, "zero byte expected")
    }

    /// SIMD is part of the 2.0 default; with `.simd` off, its prefix is an illegal opcode.
    func testSIMDFollowsItsFeatureFlag() throws {
        let body: [UInt8] = [0xFD, 0x0C] + Array(repeating: 0, count: 16) + [0x1A, 0x0B]
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1),
                                       ModuleBytes.codeSection([body]))
        XCTAssertNoThrow(try parseModule(bytes))
        var options = ParseOptions()
        options.features.remove(.simd)
        XCTAssertThrowsError(try parseModule(bytes, options: options)) { error in
            let e = error as? WasmError
            XCTAssertEqual(e?.phase, .malformed)
            XCTAssertTrue(e?.message.contains("illegal opcode 0xfd") == true, "\(error)")
        }
    }

    func testUnknownSIMDOpcodeIsMalformed() {
        let body: [UInt8] = [0xFD, 0x9A, 0x01, 0x0B]  // 0xfd 154: a gap in the opcode space
        let bytes = ModuleBytes.module(ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 1),
                                       ModuleBytes.codeSection([body]))
        expectMalformed(bytes, "illegal opcode 0xfd 154")
    }

    func testErrorDescriptionNamesOffsetInHex() {
        let e = WasmError(.invalid, "type mismatch", offset: 0x1A2B)
        XCTAssertEqual(e.description, "type mismatch at offset 0x1a2b")
    }
}
