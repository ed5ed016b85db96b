import XCTest
@testable import WasmInterpreter

extension XCTestCase {
    /// Asserts that `body` throws a `Trap` of exactly `kind`.
    func expectTrap(_ kind: Trap.Kind, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
        do {
            try body()
            XCTFail("expected a \(kind) trap", file: file, line: line)
        } catch let trap as Trap {
            XCTAssertEqual(trap.kind, kind, "\(trap)", file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
