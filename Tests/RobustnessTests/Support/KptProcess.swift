import Foundation
import XCTest

/// Runs the built `kpt` binary as a user would, with a wall-clock guard so a hang is a test
/// failure instead of a stuck suite.
struct KptResult {
    var exitCode: Int32
    var stdout: Data
    var stderr: String
    var seconds: Double
    var timedOut: Bool
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

enum KptProcess {
    /// `$KPT_BINARY`, else the `kpt` that `swift build` put next to the test bundle.
    static func binary() throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["KPT_BINARY"] { candidates.append(env) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kpt").path)
        candidates.append(URL(fileURLWithPath: Bundle.main.bundlePath).deletingLastPathComponent().appendingPathComponent("kpt").path)
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
        try Prerequisite.missing("the kpt binary was not found (looked at \(candidates)); build it with `swift build`")
    }

    /// Runs `kpt ARGS` in `directory`. `asUser` runs it through setpriv as that uid/gid (so
    /// file permissions apply even when the tests run as root).
    static func run(_ arguments: [String], in directory: String, stdin: Data? = nil,
                    asUser uid: UInt32? = nil, binary explicitBinary: String? = nil, limit: Double = 120) throws -> KptResult {
        let kpt = try explicitBinary ?? binary()
        let process = Process()
        if let uid {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", kpt] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: kpt)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        // Readers on their own threads: a guest writing megabytes must not block on a full pipe.
        let stdoutBox = DataBox(), stderrBox = DataBox()
        let group = DispatchGroup()
        for (handle, box) in [(out.fileHandleForReading, stdoutBox), (err.fileHandleForReading, stderrBox)] {
            group.enter()
            DispatchQueue.global().async { box.data = handle.readDataToEndOfFile(); group.leave() }
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > limit {
                timedOut = true
                process.terminate()
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        group.wait()
        return KptResult(exitCode: process.terminationStatus, stdout: stdoutBox.data,
                         stderr: String(decoding: stderrBox.data, as: UTF8.self),
                         seconds: Date().timeIntervalSince(start), timedOut: timedOut)
    }
}

final class DataBox: @unchecked Sendable { var data = Data() }
