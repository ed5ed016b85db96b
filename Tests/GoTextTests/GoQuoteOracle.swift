import Foundation
import XCTest

/// Go itself as the oracle: the native `quote` fixture (Tests/Fixtures/go/quote, built by
/// scripts/build-go-fixtures.sh) prints strconv.Quote and json.Marshal of each input.
/// Without `go` the tests skip, except under CI=true where they fail.
enum GoQuoteOracle {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var tool: String { repositoryRoot + "/Tests/Fixtures/bin/native/quote" }

    /// (strconv.Quote, json.Marshal) of every sample, as Go prints them.
    static func quotes(_ samples: [[UInt8]]) throws -> [(strconv: String, json: String)] {
        try ensureBuilt()
        let input = samples.map { $0.map { String(format: "%02x", $0) }.joined() + "\n" }.joined()
        let stdout = try run(tool, [], stdin: Array(input.utf8))
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    private static func ensureBuilt() throws {
        if FileManager.default.isExecutableFile(atPath: tool) { return }
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        do {
            _ = try run("/bin/bash", [repositoryRoot + "/scripts/build-go-fixtures.sh"], stdin: [])
        } catch where !ci {
            throw XCTSkip("Go fixtures cannot be built (\(error)); the strconv.Quote oracle is missing")
        }
    }

    private static func run(_ program: String, _ arguments: [String], stdin: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Small inputs and outputs: the pipes' buffers hold them, so write, close, then read.
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError("\(program) exited \(process.terminationStatus): \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct OracleError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
