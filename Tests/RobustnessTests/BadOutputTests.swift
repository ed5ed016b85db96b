import Foundation
import XCTest

/// A function that answers with something that is not a ResourceList, and a package that is
/// not valid YAML: clear messages, exit 1, nothing written.
final class BadOutputTests: XCTestCase {
    func testFunctionReturningInvalidYAML() throws {
        try expectFailure(mode: "badyaml", messages: ["error: parsing output resource list with content:",
                                                      "did not find expected ',' or ']'"])
    }

    func testFunctionReturningANonResourceList() throws {
        try expectFailure(mode: "notrl", messages: [
            "error: invalid resource list output from wasm library; got \"apiVersion: v1\\nkind: ConfigMap\\n"])
    }

    func testInvalidYAMLInThePackage() throws {
        try expectFailure(mode: "edit", extra: ["bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n"],
                          messages: ["error: bad.yaml: MalformedYAMLError: yaml: line", "did not find expected ',' or ']'"])
    }

    /// A valid 10 MiB answer is written whole (the function replaced every resource with one ConfigMap).
    func testFunctionReturningTenMiB() throws {
        let fn = try RobustnessFixtures.wasm("robust-fn")
        let package = try TestPackage.make()
        defer { package.remove() }
        let r = try KptProcess.run(["fn", "eval", "pkg", "--allow-alpha-wasm", "--exec", fn, "--", "mode=big"],
                                   in: package.workdir, limit: 170)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let big = try String(contentsOfFile: package.path + "/big.yaml", encoding: .utf8)
        XCTAssertTrue(big.contains("  blob: " + String(repeating: "x", count: 10 << 20) + "\n"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: package.path).sorted(), ["big.yaml"])
    }

    private func expectFailure(mode: String, extra: [String: String] = [:], messages: [String],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let fn = try RobustnessFixtures.wasm("robust-fn")
        let package = try TestPackage.make(extra: extra)
        defer { package.remove() }
        let before = try package.snapshot()
        let r = try KptProcess.run(["fn", "eval", "pkg", "--allow-alpha-wasm", "--exec", fn, "--", "mode=" + mode],
                                   in: package.workdir)
        XCTAssertEqual(r.exitCode, 1, r.stderr, file: file, line: line)
        for m in messages { XCTAssertTrue(r.stderr.contains(m), "stderr should contain \(m):\n\(r.stderr)", file: file, line: line) }
        XCTAssertUnchanged(package, before, "mode=\(mode)", file: file, line: line)
    }
}
