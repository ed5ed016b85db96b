import XCTest
@testable import WasmParser

/// `validateBodies: false` only slices bodies; `validateFunction` checks one later.
final class LazyValidationTests: XCTestCase {
    // Body 0 is valid; body 1 adds with an empty stack (`i32.add` at its second byte).
    private let bytes = ModuleBytes.module(
        ModuleBytes.typeSection(),
        ModuleBytes.functionSection(count: 2),
        ModuleBytes.codeSection([[0x01, 0x0B], [0x6A, 0x1A, 0x0B]]))

    func testEagerParseRejectsInvalidBody() {
        XCTAssertThrowsError(try parseModule(bytes)) { error in
            let e = error as? WasmError
            XCTAssertEqual(e?.phase, .invalid)
            XCTAssertTrue(e?.message.hasPrefix("type mismatch") == true, "\(error)")
        }
    }

    func testLazyParseDefersBodies() throws {
        let module = try parseModule(bytes, options: ParseOptions(validateBodies: false))
        XCTAssertEqual(module.bodies.count, 2)
        XCTAssertNoThrow(try module.validateFunction(0))
        XCTAssertThrowsError(try module.validateFunction(1)) { error in
            let e = error as? WasmError
            XCTAssertEqual(e?.phase, .invalid)
            XCTAssertTrue(e?.message.hasPrefix("type mismatch") == true, "\(error)")
            XCTAssertEqual(e?.offset, module.bodies[1].code.lowerBound)
        }
        XCTAssertThrowsError(try module.validateFunction(2))
    }

    func testBodyRangesEndWithEnd() throws {
        let module = try parseModule(bytes, options: ParseOptions(validateBodies: false))
        for body in module.bodies {
            XCTAssertEqual(module.bytes[body.code.upperBound - 1], 0x0B)
            XCTAssertLessThan(body.offset, body.code.lowerBound)
        }
    }
}
