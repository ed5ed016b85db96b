import Foundation
import XCTest

/// Builds the Go fixtures once per test process (scripts/build-go-fixtures.sh)
/// and runs the oracles: Node with Go's own wasm_exec.js, and native builds.
/// Without `go` or `node` the tests skip, except under CI=true where they fail.
enum Fixtures {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let binDirectory = repositoryRoot.appendingPathComponent("Tests/Fixtures/bin")
    static let nodeRunners = repositoryRoot.appendingPathComponent("Tests/Fixtures/go/node")
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    private static let buildResult: Result<Void, Error> = {
        guard let bash = which("bash"), which("go") != nil else {
            return .failure(FixtureError.missingTool("go"))
        }
        let script = repositoryRoot.appendingPathComponent("scripts/build-go-fixtures.sh").path
        let result = Run.process(bash, [script, binDirectory.path])
        guard result.status == 0 else {
            return .failure(FixtureError.buildFailed(result.stderrText))
        }
        return .success(())
    }()

    /// Ensures fixtures are built; skips (or fails under CI) without `go`.
    static func require(file: StaticString = #filePath, line: UInt = #line) throws {
        do {
            try buildResult.get()
        } catch FixtureError.missingTool(let tool) where !isCI {
            throw XCTSkip("\(tool) is not installed; Go fixtures cannot be built")
        }
    }

    static func requireNode() throws -> String {
        if let node = which("node") { return node }
        if isCI { throw FixtureError.missingTool("node") }
        throw XCTSkip("node is not installed; the wasm_exec.js oracle cannot run")
    }

    static func wasm(_ name: String) throws -> [UInt8] {
        try require()
        return [UInt8](try Data(contentsOf: binDirectory.appendingPathComponent("wasm/\(name).wasm")))
    }

    static func nativePath(_ name: String) -> String {
        binDirectory.appendingPathComponent("native/\(name)").path
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program under Node with Go's wasm_exec.js (explicit argv/env).
    /// `flavor` "" is the current Go; "-go1.19" the optional Go 1.19 builds with their own glue.
    static func nodeProgram(_ name: String, arguments: [String], environment: [(String, String)] = [],
                            stdin: [UInt8] = [], flavor: String = "") throws -> Run.Result {
        let node = try requireNode()
        try require()
        var args = [nodeRunners.appendingPathComponent("run-program.js").path,
                    binDirectory.appendingPathComponent("wasm_exec\(flavor).js").path,
                    binDirectory.appendingPathComponent("wasm\(flavor)/\(name).wasm").path]
        for (k, v) in environment { args += ["--env", "\(k)=\(v)"] }
        args += ["--"] + arguments
        return Run.process(node, args, stdin: stdin)
    }

    struct KRMReport: Decodable, Equatable {
        let result: String?
        let errors: String?
        let exitCode: Int32?
    }

    /// Runs a KRM function under Node the way kpt's node glue does.
    static func nodeKRM(_ name: String, input: String) throws -> (report: KRMReport, run: Run.Result) {
        let node = try requireNode()
        try require()
        let reportURL = FileManager.default.temporaryDirectory.appendingPathComponent("gojs-krm-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: reportURL) }
        let run = Run.process(node, [nodeRunners.appendingPathComponent("run-krm.js").path,
                                     binDirectory.appendingPathComponent("wasm_exec.js").path,
                                     binDirectory.appendingPathComponent("wasm/\(name).wasm").path,
                                     reportURL.path], stdin: Array(input.utf8))
        guard run.status == 0 else { throw FixtureError.oracleFailed(run.stderrText) }
        let report = try JSONDecoder().decode(KRMReport.self, from: Data(contentsOf: reportURL))
        return (report, run)
    }

    /// Runs the native build of a KRM function as a stdin → stdout filter.
    static func native(_ name: String, input: String) throws -> Run.Result {
        try require()
        return Run.process(nativePath(name), [], stdin: Array(input.utf8))
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case missingTool(String)
    case buildFailed(String)
    case oracleFailed(String)

    var description: String {
        switch self {
        case .missingTool(let t): return "\(t) is required for the GoJSHost tests (CI=true)"
        case .buildFailed(let e): return "scripts/build-go-fixtures.sh failed:\n\(e)"
        case .oracleFailed(let e): return "the node oracle failed:\n\(e)"
        }
    }
}

/// Subprocess helper.
enum Run {
    struct Result {
        let status: Int32
        let stdout: [UInt8]
        let stderr: [UInt8]
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    static func process(_ executable: String, _ arguments: [String], stdin: [UInt8] = []) -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let (inPipe, outPipe, errPipe) = (Pipe(), Pipe(), Pipe())
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        do { try p.run() } catch {
            return Result(status: -1, stdout: [], stderr: Array("cannot run \(executable): \(error)".utf8))
        }
        let writer = Thread {
            inPipe.fileHandleForWriting.write(Data(stdin))
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        final class Box: @unchecked Sendable { var data = Data() }
        let err = Box()
        let errDone = DispatchSemaphore(value: 0)
        Thread {
            err.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }.start()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        let errData = err.data
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: [UInt8](outData), stderr: [UInt8](errData))
    }
}
