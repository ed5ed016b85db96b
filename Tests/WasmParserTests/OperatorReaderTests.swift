import XCTest
@testable import WasmParser

final class OperatorReaderTests: XCTestCase {
    private func decode(_ bytes: [UInt8], features: WasmFeatures = .wasm2) throws -> [Operator] {
        var reader = OperatorReader(bytes: bytes, range: 0..<bytes.count, features: features)
        var ops: [Operator] = []
        while !reader.isAtEnd { ops.append(try reader.next()) }
        return ops
    }

    func testControlAndImmediates() throws {
        let ops = try decode([
            0x02, 0x40,                   // block
            0x03, 0x7F,                   // loop (result i32)
            0x04, 0x05,                   // if (type 5)
            0x0E, 0x02, 0x00, 0x01, 0x02, // br_table 0 1 default 2
            0x11, 0x03, 0x01,             // call_indirect type 3 table 1
            0x1C, 0x01, 0x6F,             // select (result externref)
            0x41, 0x7F,                   // i32.const -1
            0x42, 0x80, 0x7F,             // i64.const -128
            0x43, 0x00, 0x00, 0x80, 0x3F, // f32.const 1.0
            0x0B,
        ])
        XCTAssertEqual(ops, [
            .block(.empty), .loop(.value(.i32)), .if(.typeIndex(5)),
            .brTable(targets: [0, 1], default: 2), .callIndirect(typeIndex: 3, table: 1),
            .typedSelect(.externRef), .i32Const(-1), .i64Const(-128), .f32Const(0x3F80_0000), .end,
        ])
    }

    func testMemoryAndNumeric() throws {
        let ops = try decode([
            0x28, 0x02, 0x10,  // i32.load align=4 offset=16
            0x3E, 0x02, 0x00,  // i64.store32
            0x3F, 0x00, 0x40, 0x00,  // memory.size, memory.grow
            0x6A, 0xA7, 0xAC, 0xBC, 0xC4, 0xB3,
        ])
        XCTAssertEqual(ops, [
            .i32Load(MemArg(align: 2, offset: 16)), .i64Store32(MemArg(align: 2, offset: 0)),
            .memorySize(0), .memoryGrow(0),
            .i32Add, .i32WrapI64, .i64ExtendI32S, .i32ReinterpretF32, .i64Extend32S, .f32ConvertI32U,
        ])
    }

    func testPrefixedOperators() throws {
        let ops = try decode([
            0xFC, 0x00, 0xFC, 0x07,             // i32.trunc_sat_f32_s, i64.trunc_sat_f64_u
            0xFC, 0x08, 0x03, 0x00,             // memory.init 3
            0xFC, 0x09, 0x03,                   // data.drop 3
            0xFC, 0x0A, 0x00, 0x00,             // memory.copy
            0xFC, 0x0B, 0x00,                   // memory.fill
            0xFC, 0x0C, 0x04, 0x01,             // table.init elem 4 table 1
            0xFC, 0x0D, 0x04,                   // elem.drop 4
            0xFC, 0x0E, 0x01, 0x02,             // table.copy 1 2
            0xFC, 0x0F, 0x01, 0xFC, 0x10, 0x01, 0xFC, 0x11, 0x01,
            0xD0, 0x70, 0xD1, 0xD2, 0x09,       // ref.null func, ref.is_null, ref.func 9
        ])
        XCTAssertEqual(ops, [
            .i32TruncSatF32S, .i64TruncSatF64U, .memoryInit(data: 3, memory: 0), .dataDrop(3),
            .memoryCopy(destination: 0, source: 0), .memoryFill(0), .tableInit(element: 4, table: 1),
            .elemDrop(4), .tableCopy(destination: 1, source: 2), .tableGrow(1), .tableSize(1), .tableFill(1),
            .refNull(.funcRef), .refIsNull, .refFunc(9),
        ])
    }

    func testIllegalOpcodeAndOffsets() throws {
        var reader = OperatorReader(bytes: [0x01, 0x01, 0x06], range: 0..<3, features: .wasm2)
        XCTAssertEqual(reader.offset, 0)
        _ = try reader.next()
        XCTAssertEqual(reader.offset, 1)
        _ = try reader.next()
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual((error as? WasmError)?.phase, .malformed)
            XCTAssertEqual((error as? WasmError)?.offset, 2)
            XCTAssertTrue((error as? WasmError)?.message.hasPrefix("illegal opcode") == true)
        }
    }
}
