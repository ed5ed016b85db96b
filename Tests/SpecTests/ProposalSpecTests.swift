import Foundation
import WasmParser
import XCTest

/// The Wasm 3.0 proposals, each run as an overlay on the 2.0 core suite the way the suite README says:
/// every `core/` file whose name is not in `proposals/P/`, then `proposals/P/`'s files, with the 2.0
/// features plus only P's flags (and what P needs) on. Every test always prints its `spec P:` line;
/// it asserts only for proposals listed in `implementedProposals`, so unfinished ones don't turn the run red.
final class ProposalSpecTests: XCTestCase {
    /// Proposals the engine (parser AND interpreter) implements: their overlay must pass completely.
    static let implementedProposals: Set<String> = [
        "exception-handling", "extended-const", "function-references", "memory64", "multi-memory", "tail-call",
    ]

    func testTailCall() throws { try runOverlay("tail-call", features: .tailCall) }
    func testExtendedConst() throws { try runOverlay("extended-const", features: .extendedConst) }
    func testMultiMemory() throws { try runOverlay("multi-memory", features: .multiMemory) }
    func testMemory64() throws { try runOverlay("memory64", features: .memory64) }
    /// exception-handling's try_table.wast uses `return_call` inside try_table, so it needs tail calls.
    func testExceptionHandling() throws { try runOverlay("exception-handling", features: [.exceptions, .tailCall]) }
    /// function-references carries the tail-call files because `return_call_ref` needs them.
    func testFunctionReferences() throws {
        try runOverlay("function-references", features: [.functionReferences, .tailCall])
    }

    private func runOverlay(_ proposal: String, features: WasmFeatures,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let location = SpecSuiteLocation()
        guard location.exists else {
            XCTFail("WebAssembly spec suite not found at \(location.suiteRoot.path); set WASM_SPEC_TESTS or provide ../shared/wasm-spec-tests",
                    file: file, line: line)
            return
        }
        let suite = "proposals/\(proposal)"
        let own = Set(try location.scripts(in: suite).map { $0.deletingPathExtension().lastPathComponent })
        XCTAssertFalse(own.isEmpty, "\(suite) has no test files", file: file, line: line)
        let all = WasmFeatures.wasm2.union(features)
        var tally = try SpecSuiteRun.runFiles(suite: "core", location: location, features: all, overriddenBy: own)
        tally.add(try SpecSuiteRun.runFiles(suite: suite, location: location, features: all))
        print("spec \(proposal): \(tally.passed) passed, \(tally.failed) failed, \(tally.skipped) skipped")
        guard Self.implementedProposals.contains(proposal) else { return }
        XCTAssertEqual(tally.failed, 0, "spec \(proposal): \(tally.failed) commands failed", file: file, line: line)
        XCTAssertGreaterThan(tally.passed, 0, "spec \(proposal) ran no command", file: file, line: line)
    }
}
