import XCTest

/// `kpt alpha wasm run` cases (KRM function on stdin, --invoke, --program).
final class FunctionWasmRunE2ETests: XCTestCase {
    func testWasmRunCases() throws { try E2E.runGroup("wasm-run") }
}
