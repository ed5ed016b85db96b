import Foundation
import XCTest
import GoJSHost
import WasmParser

/// Each ABI program runs on this host and under Node with Go's own
/// wasm_exec.js; stdout, stderr and the exit code must match byte for byte.
final class GoProgramOracleTests: XCTestCase {
    /// Modules are parsed once per test process and reused across runs.
    nonisolated(unsafe) static var modules: [String: Module] = [:]

    static func module(_ name: String) throws -> Module {
        if let m = modules[name] { return m }
        let m = try GoProgram.parseModule(try Fixtures.wasm(name))
        modules[name] = m
        return m
    }

    private func compare(_ name: String, arguments: [String] = ["js"], environment: [(String, String)] = [],
                         stdin: [UInt8] = [], compareStderr: Bool = true,
                         file: StaticString = #filePath, line: UInt = #line) throws -> (exitCode: Int32, output: GuestOutput) {
        let oracle = try Fixtures.nodeProgram(name, arguments: arguments, environment: environment, stdin: stdin)
        let started = ContinuousClock.now
        let ours = try GoProgram.run(module: try Self.module(name), arguments: arguments, environment: environment,
                                     stdin: stdin, limits: GoHostLimits(timeout: .seconds(120)))
        print("[timing] \(name) \(arguments.dropFirst().joined(separator: " ")): \(ContinuousClock.now - started) on this host")
        XCTAssertEqual(ours.exitCode, oracle.status, "exit code of \(name)", file: file, line: line)
        XCTAssertEqual(ours.output.stdoutText, oracle.stdoutText, "stdout of \(name)", file: file, line: line)
        if compareStderr {
            XCTAssertEqual(ours.output.stderrText, oracle.stderrText, "stderr of \(name)", file: file, line: line)
        }
        return ours
    }

    func testHelloWorld() throws {
        let r = try compare("hello")
        XCTAssertEqual(r.output.stdoutText, "hello, world\nunicode: héllo → wörld ✓\n")
    }

    func testExitCodes() throws {
        XCTAssertEqual(try compare("exit-code", arguments: ["exit-code", "3"]).exitCode, 3)
        XCTAssertEqual(try compare("exit-code", arguments: ["exit-code", "return"]).exitCode, 0)
        XCTAssertEqual(try compare("exit-code", arguments: ["exit-code", "0"]).exitCode, 0)
    }

    func testPanicExitsWithTwoAndTrace() throws {
        let r = try compare("exit-code", arguments: ["exit-code", "panic"])
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.output.stderrText.hasPrefix("panic: exit-code: deliberate panic\n"), r.output.stderrText)
    }

    func testDeadlockIsReportedLikeNode() throws {
        let r = try compare("deadlock")
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.output.stderrText.hasPrefix("fatal error: all goroutines are asleep - deadlock!"), r.output.stderrText)
    }

    func testArgumentsAndEnvironment() throws {
        let r = try compare("args-env", arguments: ["args-env", "one", "two words", "ünï"],
                            environment: [("FIXTURE_VAR", "v=1"), ("HOME", "/nowhere")])
        XCTAssertTrue(r.output.stdoutText.contains(#"FIXTURE_VAR="v=1" set=true"#))
    }

    func testCryptoRandom() throws {
        let r = try compare("crypto-random")
        XCTAssertTrue(r.output.stdoutText.contains("distinct true"))
    }

    func testDateAndTimers() throws {
        let r = try compare("date-time")
        XCTAssertTrue(r.output.stdoutText.contains("slept >= 30ms: true"))
    }

    /// Local time comes from Date's getTimezoneOffset(); with a non-UTC zone
    /// the Go program must name the same offset as under Node.
    func testLocalTimeZoneMatchesNode() throws {
        let saved = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", "America/New_York", 1)
        tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let r = try compare("date-time")
        XCTAssertTrue(r.output.stdoutText.contains("local: 2023-11-14 17:13:20 UTC-5 -0500"), r.output.stdoutText)
    }

    func testJSCallbacksAndValues() throws {
        let r = try compare("js-callback")
        XCTAssertTrue(r.output.stdoutText.contains("invoke: 3006"))
        // The callback recurses deeply, so Go's stack moves inside valueInvoke;
        // results must have been written at the re-read sp.
        let program = try GoProgram.start(module: try Self.module("js-callback"))
        XCTAssertEqual(try program.runToCompletion(), 0)
        XCTAssertGreaterThan(program.stackMoveCount, 0)
    }

    /// Go <= 1.20 binaries import from module `go` instead of `gojs`; the same
    /// host functions serve both. A 1.27 module renamed to `go` must behave the same.
    func testLegacyImportModuleName() throws {
        let renamed = try WasmImportRenamer.renameImportModule(try Fixtures.wasm("hello"), from: "gojs", to: "go")
        let module = try GoProgram.parseModule(renamed)
        XCTAssertTrue(module.imports.allSatisfy { $0.module.string == "go" })
        let legacy = try GoProgram.run(module: module)
        let current = try GoProgram.run(module: try Self.module("hello"))
        XCTAssertEqual(legacy.exitCode, 0)
        XCTAssertEqual(legacy.output.stdout, current.output.stdout)
        XCTAssertEqual(legacy.output.stderr, current.output.stderr)
    }

    func testStdinFilter() throws {
        let input = Array("some input\nwith two lines ✓\n".utf8)
        let r = try compare("stdin-filter", stdin: input)
        XCTAssertEqual(r.output.stderrText, "\(input.count) bytes\n")
    }

    /// No oracle: Node has real files. The sandbox must refuse the read.
    func testFileAccessIsDenied() throws {
        let r = try GoProgram.run(module: try Self.module("stdin-filter"), arguments: ["stdin-filter", "/etc/hostname"])
        XCTAssertEqual(r.exitCode, 0)
        XCTAssertTrue(r.output.stdoutText.contains("read file: open /etc/hostname: not implemented on js"), r.output.stdoutText)
    }
}
