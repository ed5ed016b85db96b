import Foundation
import XCTest

/// A guest that never ends, never stops allocating, recurses without end or floods its output:
/// each run ends with an error that names the limit, exit 1, within bounded time, and the
/// package is left byte-for-byte as it was.
final class LimitTests: XCTestCase {
    // MARK: plain modules (`kpt alpha wasm run --invoke`), hand-written in bombs.wat

    func testInfiniteLoopStopsAtTimeout() throws {
        let r = try KptProcess.run(["alpha", "wasm", "run", try RobustnessFixtures.wasm("bombs"), "--invoke", "spin",
                                    "--timeout", "300ms"], in: NSTemporaryDirectory())
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertEqual(r.stderr, "error: function exceeded the time limit of 300ms (--timeout)\n")
        XCTAssertLessThan(r.seconds, 20, "the deadline is checked at loop back-edges")
    }

    func testRecursionBombTrapsWithCallStackExhausted() throws {
        let r = try KptProcess.run(["alpha", "wasm", "run", try RobustnessFixtures.wasm("bombs"), "--invoke", "recurse", "0"],
                                   in: NSTemporaryDirectory())
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertEqual(r.stderr, "error: wasm trap: call stack exhausted\n")
    }

    /// memory.grow to the whole 4 GiB of a 32-bit memory: refused (-1), so the store at the top traps,
    /// and the error says the memory limit was the reason.
    func testGrowTo4GiBIsRefusedAndNamesTheLimit() throws {
        for (flags, text) in [([String](), "2Gi"), (["--memory-limit", "64Mi"], "64Mi")] {
            let r = try KptProcess.run(["alpha", "wasm", "run", try RobustnessFixtures.wasm("bombs"), "--invoke", "grow4g"] + flags,
                                       in: NSTemporaryDirectory())
            XCTAssertEqual(r.exitCode, 1, r.stderr)
            XCTAssertEqual(r.stderr, "error: function exceeded the memory limit of \(text) (--memory-limit): out of bounds memory access\n")
        }
    }

    /// A guest that checks memory.grow's -1 is not an error: it stops at the cap. 64Mi = 1024 pages;
    /// from 1 page in steps of 16 the last grow that fits ends at 1 + 16 * 63 = 1009 pages.
    func testGrowLoopStopsAtTheCap() throws {
        let r = try KptProcess.run(["alpha", "wasm", "run", try RobustnessFixtures.wasm("bombs"), "--invoke", "growloop",
                                    "--memory-limit", "64Mi"], in: NSTemporaryDirectory())
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdoutText, "\(1 + 16 * ((1024 - 1) / 16))\n")
    }

    // MARK: KRM functions (`kpt fn eval`), robust-fn in Go

    func testFunctionInfiniteLoopStopsAtTimeout() throws {
        try expectLimitFailure(mode: "spin", flags: ["--timeout", "3s"],
                               message: "error: function exceeded the time limit of 3s (--timeout)")
    }

    func testFunctionMemoryBombStopsAtMemoryLimit() throws {
        try expectLimitFailure(mode: "memory", flags: ["--memory-limit", "128Mi"],
                               message: "error: function exceeded the memory limit of 128Mi (--memory-limit)")
    }

    func testFunctionRecursionBombTraps() throws {
        try expectLimitFailure(mode: "recurse", flags: ["--timeout", "100s"], message: "error: wasm trap: call stack exhausted")
    }

    /// 10 MiB on the guest's stderr, then a failure: the error is shown, the flood is not replayed.
    func testFunctionFloodingItsConsoleFailsCleanly() throws {
        let r = try expectLimitFailure(mode: "flood", flags: [],
                                       message: "error: invalid resource list output from wasm library; got \"unable to process resource list: flooded\"")
        XCTAssertLessThan(r.stderr.utf8.count, 64 << 10, "the console must not be flooded")
    }

    /// A Go program writing 10 MiB to stdout: every byte arrives, in order.
    func testProgramWriting10MiBToStdout() throws {
        let r = try KptProcess.run(["alpha", "wasm", "run", try RobustnessFixtures.wasm("flood-program"), "--program"],
                                   in: NSTemporaryDirectory())
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout.count, 10 << 20)
        let line = Data((String(repeating: "y", count: 1023) + "\n").utf8)
        XCTAssertEqual(r.stdout.prefix(1024), line)
        XCTAssertEqual(r.stdout.suffix(1024), line)
        XCTAssertEqual(r.stdout.filter { $0 == UInt8(ascii: "\n") }.count, 10 << 10)
    }

    @discardableResult
    private func expectLimitFailure(mode: String, flags: [String], message: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws -> KptResult {
        let fn = try RobustnessFixtures.wasm("robust-fn")
        let package = try TestPackage.make()
        defer { package.remove() }
        let before = try package.snapshot()
        let r = try KptProcess.run(["fn", "eval", "pkg", "--allow-alpha-wasm", "--exec", fn] + flags + ["--", "mode=" + mode],
                                   in: package.workdir)
        XCTAssertFalse(r.timedOut, "kpt hung", file: file, line: line)
        XCTAssertEqual(r.exitCode, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(message), "stderr should contain \(message):\n\(r.stderr.prefix(2000))",
                      file: file, line: line)
        XCTAssertUnchanged(package, before, "mode=\(mode)", file: file, line: line)
        return r
    }
}
