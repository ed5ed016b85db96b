import Foundation
import XCTest

/// Finds external test prerequisites. Missing ones skip locally but fail loudly in CI (CI=true).
enum ToolCheck {
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func path(of tool: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/sbin:/bin"
        return dirs.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The tool's path; if missing, a test failure in CI (CI=true) and a skip elsewhere, naming the Debian package.
    static func require(_ tool: String, package: String) throws -> String {
        if let p = path(of: tool) { return p }
        let message = "\(tool) not found: install the Debian package \(package)"
        if inCI { throw MissingPrerequisite(description: "CI=true and a test prerequisite is missing: " + message) }
        throw XCTSkip(message)
    }
}

/// Runs a command and returns (status, stdout, stderr).
@discardableResult
func runTool(_ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil,
             currentDirectory: String? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    if let input { inp.fileHandleForWriting.write(input) }
    try? inp.fileHandleForWriting.close()
    // Read stderr on another thread so neither pipe can fill up and block the child.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, stdout, String(decoding: errBox.data, as: UTF8.self))
}

struct MissingPrerequisite: Error, CustomStringConvertible {
    let description: String
}

final class DataBox: @unchecked Sendable { var data = Data() }

/// A fresh temp directory removed by the caller.
func makeTempDir(_ name: String = "oci-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
