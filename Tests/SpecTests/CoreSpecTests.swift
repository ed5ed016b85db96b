import Foundation
import WasmParser
import XCTest

/// The official WebAssembly 2.0 core suite (`core/` of the suite folder), run command by command.
final class CoreSpecTests: XCTestCase {
    func testCoreSuite() throws {
        let location = SpecSuiteLocation()
        guard location.exists else {
            XCTFail("WebAssembly spec suite not found at \(location.suiteRoot.path); set WASM_SPEC_TESTS or provide ../shared/wasm-spec-tests")
            return
        }
        let tally = try SpecSuiteRun.run(suite: "core", location: location, features: .wasm2)
        XCTAssertEqual(tally.failed, 0, "spec core: \(tally.failed) commands failed")
        XCTAssertGreaterThan(tally.passed, 0, "spec core ran no command")
    }
}

/// Runs every script of one suite folder and prints the suite line.
enum SpecSuiteRun {
    static func run(suite: String, location: SpecSuiteLocation, features: WasmFeatures,
                    overriddenBy overlay: Set<String> = [], label: String? = nil) throws -> SpecTally {
        let total = try runFiles(suite: suite, location: location, features: features, overriddenBy: overlay)
        print("spec \(label ?? suite.split(separator: "/").last.map(String.init) ?? suite): \(total.passed) passed, \(total.failed) failed, \(total.skipped) skipped")
        return total
    }

    /// Runs the scripts of `suite` whose names are not in `overlay`, printing only failing files.
    static func runFiles(suite: String, location: SpecSuiteLocation, features: WasmFeatures,
                         overriddenBy overlay: Set<String> = []) throws -> SpecTally {
        let skipList = try location.skipList()
        var total = SpecTally()
        let only = ProcessInfo.processInfo.environment["SPEC_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
        for script in try location.scripts(in: suite) {
            let name = script.deletingPathExtension().lastPathComponent
            if overlay.contains(name) { continue }
            if let only, !only.contains(name) { continue }
            if skipList.skipsFile(name) {
                total.skipped += try commandCount(script)
                continue
            }
            var fileTally: SpecTally
            do {
                fileTally = try SpecScriptRunner(scriptURL: script, features: features, skipList: skipList).run()
            } catch {
                fileTally = SpecTally(passed: 0, failed: 1, skipped: 0, failures: ["\(name): \(error)"])
            }
            if fileTally.failed > 0 {
                print("  \(name): \(fileTally.passed) passed, \(fileTally.failed) failed, \(fileTally.skipped) skipped")
                for failure in fileTally.failures.prefix(8) { print("    \(failure)") }
            }
            total.add(fileTally)
        }
        return total
    }

    /// Commands a skipped file would have run (register is not a command of its own).
    static func commandCount(_ script: URL) throws -> Int {
        let commands = try SpecJSON.load(script)["commands"] as? [[String: Any]] ?? []
        return commands.filter { $0["type"] as? String != "register" }.count
    }
}
