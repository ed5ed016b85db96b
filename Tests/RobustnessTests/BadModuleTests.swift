import Foundation
import XCTest

/// Modules that are not what they claim: truncated, garbage, empty, a program without the KRM
/// entry point. Each ends with a message naming the problem, exit 1, and the package unchanged.
final class BadModuleTests: XCTestCase {
    func testTruncatedFunctionModule() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: try RobustnessFixtures.wasm("robust-fn")))
        try expectEvalFailure(module: whole.prefix(1000), message: "error: unable to compile wasm module: length out of bounds at offset 0x")
    }

    func testGarbageAndEmptyFunctionModules() throws {
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }).dropFirst(0)
        let message = "error: the function is not a WebAssembly module (no \\0asm header)"
        try expectEvalFailure(module: garbage, message: message)
        try expectEvalFailure(module: Data(), message: message)
    }

    /// A Go program whose main returns without registering processResourceList.
    func testModuleWithoutProcessResourceList() throws {
        let module = try Data(contentsOf: URL(fileURLWithPath: try RobustnessFixtures.wasm("no-entry")))
        try expectEvalFailure(module: module[...],
                              message: "error: unable to invoke processResourceList: processResourceList: not found")
    }

    func testMissingModuleFile() throws {
        let package = try TestPackage.make()
        defer { package.remove() }
        let before = try package.snapshot()
        let r = try KptProcess.run(["fn", "eval", "pkg", "--allow-alpha-wasm", "--exec", "absent.wasm"], in: package.workdir)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("absent.wasm"), r.stderr)
        XCTAssertUnchanged(package, before, "missing module")
    }

    /// `--invoke` on broken modules: the decoder's spec wording and the byte offset.
    func testInvokeOnBrokenModules() throws {
        let bombs = try Data(contentsOf: URL(fileURLWithPath: try RobustnessFixtures.wasm("bombs")))
        let cases: [(Data, String)] = [
            (bombs.prefix(100), "error: length out of bounds at offset 0x4c\n"),
            (Data("not wasm at all".utf8), "error: magic header not detected at offset 0x0\n"),
            (Data(), "error: unexpected end at offset 0x0\n"),
            (Data([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]), "error: unknown binary version at offset 0x4\n"),
        ]
        let dir = NSTemporaryDirectory() + "kpt-robustness-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, (bytes, message)) in cases.enumerated() {
            try bytes.write(to: URL(fileURLWithPath: "\(dir)/m\(i).wasm"))
            let r = try KptProcess.run(["alpha", "wasm", "run", "m\(i).wasm", "--invoke", "spin"], in: dir)
            XCTAssertEqual(r.exitCode, 1, "case \(i): \(r.stderr)")
            XCTAssertEqual(r.stderr, message, "case \(i)")
        }
    }

    private func expectEvalFailure(module: Data.SubSequence, message: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let package = try TestPackage.make()
        defer { package.remove() }
        try Data(module).write(to: URL(fileURLWithPath: package.workdir + "/fn.wasm"))
        let before = try package.snapshot()
        let r = try KptProcess.run(["fn", "eval", "pkg", "--allow-alpha-wasm", "--exec", "fn.wasm"], in: package.workdir)
        XCTAssertFalse(r.timedOut, file: file, line: line)
        XCTAssertEqual(r.exitCode, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(message), "stderr should contain \(message):\n\(r.stderr)", file: file, line: line)
        XCTAssertUnchanged(package, before, message, file: file, line: line)
    }
}
