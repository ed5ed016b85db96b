import XCTest
@testable import WasmParser

final class ByteReaderTests: XCTestCase {
    func testUnsignedLEB() throws {
        var r = ByteReader(bytes: [0xE5, 0x8E, 0x26, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        XCTAssertEqual(try r.readVarUInt32(), 624_485)
        XCTAssertEqual(try r.readVarUInt32(), UInt32.max)
        XCTAssertTrue(r.isAtEnd)
    }

    func testSignedLEB() throws {
        var r = ByteReader(bytes: [0x7F, 0xC0, 0xBB, 0x78, 0x80, 0x80, 0x80, 0x80, 0x78])
        XCTAssertEqual(try r.readVarInt32(), -1)
        XCTAssertEqual(try r.readVarInt32(), -123_456)
        XCTAssertEqual(try r.readVarInt32(), Int32.min)
        var r64 = ByteReader(bytes: [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F])
        XCTAssertEqual(try r64.readVarInt64(), Int64.min)
    }

    func testLEBLengthAndOverflowRules() {
        var tooLong = ByteReader(bytes: [0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        XCTAssertThrowsError(try tooLong.readVarUInt32()) { error in
            XCTAssertEqual((error as? WasmError)?.message, "integer representation too long")
            XCTAssertEqual((error as? WasmError)?.offset, 4)
        }
        var tooLarge = ByteReader(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x1F])
        XCTAssertThrowsError(try tooLarge.readVarUInt32()) { error in
            XCTAssertEqual((error as? WasmError)?.message, "integer too large")
        }
        // Signed: the unused bits of the last byte must copy the sign bit.
        var badSign = ByteReader(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x4F])
        XCTAssertThrowsError(try badSign.readVarInt32()) { error in
            XCTAssertEqual((error as? WasmError)?.message, "integer too large")
        }
        var badSign64 = ByteReader(bytes: [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02])
        XCTAssertThrowsError(try badSign64.readVarInt64()) { error in
            XCTAssertEqual((error as? WasmError)?.message, "integer too large")
        }
    }

    func testUnexpectedEnd() {
        var r = ByteReader(bytes: [0x80, 0x80])
        XCTAssertThrowsError(try r.readVarUInt32()) { error in
            XCTAssertEqual((error as? WasmError)?.phase, .malformed)
            XCTAssertEqual((error as? WasmError)?.offset, 2)
        }
    }

    func testUTF8Validation() {
        XCTAssertTrue(UTF8Validation.isValid(ArraySlice(Array("héllo, 世界 🎉".utf8))))
        XCTAssertFalse(UTF8Validation.isValid([0xC0, 0x80][...]))          // overlong NUL
        XCTAssertFalse(UTF8Validation.isValid([0xED, 0xA0, 0x80][...]))    // surrogate
        XCTAssertFalse(UTF8Validation.isValid([0xF4, 0x90, 0x80, 0x80][...]))  // above U+10FFFF
        XCTAssertFalse(UTF8Validation.isValid([0xE2, 0x82][...]))          // truncated
    }
}
