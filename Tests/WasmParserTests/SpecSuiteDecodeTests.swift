import Foundation
import XCTest
@testable import WasmParser

/// Runs every binary module of the core spec suite through the decoder and validator:
/// valid modules must load, `assert_malformed` must fail as malformed, `assert_invalid` as invalid.
final class SpecSuiteDecodeTests: XCTestCase {
    struct Tally {
        var passed = 0
        var failed: [String] = []
        var textMismatches: [String] = []
        var skippedText = 0
    }

    func testCoreSuiteDecodeAndValidate() throws {
        try runSuite(proposal: nil, features: .wasm2)
    }

    func testExtendedConstOverlay() throws {
        try runSuite(proposal: "extended-const", features: .extendedConst)
    }

    func testMultiMemoryOverlay() throws {
        try runSuite(proposal: "multi-memory", features: .multiMemory)
    }

    func testMemory64Overlay() throws {
        try runSuite(proposal: "memory64", features: .memory64)
    }

    func testTailCallOverlay() throws {
        try runSuite(proposal: "tail-call", features: .tailCall)
    }

    /// try_table.wast uses `return_call`, so tail calls are on too.
    func testExceptionHandlingOverlay() throws {
        try runSuite(proposal: "exception-handling", features: [.exceptions, .tailCall])
    }

    func testFunctionReferencesOverlay() throws {
        try runSuite(proposal: "function-references", features: [.functionReferences, .tailCall])
    }

    /// Runs the core files, or a proposal's own files with only its feature (plus the 2.0 set) on. (The full
    /// overlay would also rerun every core file the proposal leaves unchanged; they pass too, but
    /// that doubles the run time for each proposal.)
    private func runSuite(proposal: String?, features: WasmFeatures) throws {
        guard let core = SpecSuiteLocator.coreDirectory() else {
            XCTFail("spec suite not found: set WASM_SPEC_TESTS or provide ../shared/wasm-spec-tests (CI=\(ProcessInfo.processInfo.environment["CI"] ?? "unset"))")
            return
        }
        let fm = FileManager.default
        var directories: [(URL, String)] = []
        var replaced = Set<String>()
        if let proposal {
            let root = core.deletingLastPathComponent().appendingPathComponent("proposals/\(proposal)")
            for name in try fm.contentsOfDirectory(atPath: root.path).sorted() {
                directories.append((root.appendingPathComponent(name), name))
                replaced.insert(name)
            }
        }
        if proposal == nil {
            let coreNames = try fm.contentsOfDirectory(atPath: core.path).sorted()
            XCTAssertGreaterThan(coreNames.count, 50, "suite at \(core.path) looks incomplete")
            for name in coreNames where !replaced.contains(name) {
                directories.append((core.appendingPathComponent(name), name))
            }
        } else {
            XCTAssertFalse(directories.isEmpty, "proposal \(proposal ?? "") has no test files")
        }
        var tally = Tally()
        for (directory, name) in directories {
            try run(directory: directory, name: name, features: features.union(.wasm2), tally: &tally)
        }
        let label = proposal ?? "core"
        print("spec-decode \(label): \(tally.passed) passed, \(tally.failed.count) failed, "
              + "\(tally.skippedText) text-only skipped, \(tally.textMismatches.count) message-text mismatches")
        for line in tally.textMismatches.prefix(40) { print("  text: \(line)") }
        for line in tally.failed.prefix(60) { print("  FAIL: \(line)") }
        XCTAssertTrue(tally.failed.isEmpty, "\(label): \(tally.failed.count) spec decode/validate mismatches")
    }

    private func run(directory: URL, name: String, features: WasmFeatures, tally: inout Tally) throws {
        let json = directory.appendingPathComponent("\(name).json")
        let data = try Data(contentsOf: json)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let commands = root["commands"] as? [[String: Any]] else {
            XCTFail("\(json.path): not a spec JSON file")
            return
        }
        for command in commands {
            guard let type = command["type"] as? String,
                  let filename = command["filename"] as? String else { continue }
            let line = command["line"] as? Int ?? 0
            let location = "\(name).wast:\(line)"
            guard command["module_type"] as? String == "binary" else {
                tally.skippedText += 1
                continue
            }
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(filename)))
            var outcome: Result<Module, WasmError>
            do {
                outcome = .success(try parseModule(bytes, options: ParseOptions(features: features)))
            } catch let error as WasmError {
                outcome = .failure(error)
            }
            let expectedText = command["text"] as? String ?? ""
            switch type {
            case "assert_malformed", "assert_invalid":
                let phase: WasmError.Phase = type == "assert_malformed" ? .malformed : .invalid
                switch outcome {
                case .success:
                    tally.failed.append("\(location) \(type) accepted, expected \"\(expectedText)\"")
                case .failure(let error) where error.phase != phase:
                    tally.failed.append("\(location) \(type) wrong phase: got \"\(error)\", expected \"\(expectedText)\"")
                case .failure(let error):
                    tally.passed += 1
                    if !error.message.hasPrefix(expectedText) {
                        tally.textMismatches.append("\(location) expected \"\(expectedText)\", got \"\(error.message)\"")
                    }
                }
            default:  // module, assert_unlinkable, assert_uninstantiable: the binary itself is valid
                switch outcome {
                case .success: tally.passed += 1
                case .failure(let error): tally.failed.append("\(location) \(type) rejected: \(error)")
                }
            }
        }
    }
}
