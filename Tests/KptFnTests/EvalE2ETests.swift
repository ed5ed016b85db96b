import Foundation
import XCTest
@testable import KptFn

/// Runs the folder-per-case end-to-end tests of Tests/e2e (see its README) against the built `kpt`.
enum E2E {
    static let casesRoot = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().appendingPathComponent("e2e").path

    /// `$KPT_BINARY`, else the `kpt` that `swift build` put next to the test bundle.
    static func kptBinary() throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["KPT_BINARY"] { candidates.append(env) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kpt").path)
        candidates.append(URL(fileURLWithPath: Bundle.main.bundlePath).deletingLastPathComponent().appendingPathComponent("kpt").path)
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("the kpt binary was not found (looked at \(candidates)); build it with `swift build`")
        }
        throw XCTSkip("kpt binary not built (looked at \(candidates))")
    }

    static func cases(in group: String) -> [String] {
        let dir = casesRoot + "/" + group
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { FileSystem.exists(dir + "/" + $0 + "/args") }.sorted().map { dir + "/" + $0 }
    }

    /// Runs every case of a group, reporting each failure with the case name.
    static func runGroup(_ group: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let kpt = try kptBinary()
        let cases = cases(in: group)
        XCTAssertFalse(cases.isEmpty, "no cases under \(casesRoot)/\(group)", file: file, line: line)
        var skipped: [String] = []
        for c in cases {
            if let missing = missingRequirement(c) { skipped.append("\(c): \(missing)"); continue }
            try runCase(c, kpt: kpt, file: file, line: line)
        }
        if !skipped.isEmpty {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("e2e prerequisites missing (run scripts/build-go-fixtures.sh):\n" + skipped.joined(separator: "\n"),
                        file: file, line: line)
            } else {
                throw XCTSkip("skipped (fixtures not built): " + skipped.joined(separator: "; "))
            }
        }
    }

    static func missingRequirement(_ caseDir: String) -> String? {
        let text = Fixtures.read(caseDir + "/requires")
        guard text != "<missing>" else { return nil }
        _ = Fixtures.goFixturesBuilt
        for rel in text.split(separator: "\n") where !FileSystem.exists(Fixtures.root + "/" + rel) {
            return "missing Tests/Fixtures/\(rel)"
        }
        return nil
    }

    static func runCase(_ caseDir: String, kpt: String, file: StaticString, line: UInt) throws {
        let name = caseDir.replacingOccurrences(of: casesRoot + "/", with: "")
        let tmp = URL(fileURLWithPath: try Fixtures.temporaryDirectory()).resolvingSymlinksInPath().path
        let hasPackage = FileSystem.exists(caseDir + "/pkg")
        if hasPackage {
            try FileManager.default.copyItem(atPath: caseDir + "/pkg", toPath: tmp + "/pkg")
            try substituteInKptfiles(tmp + "/pkg", caseDir: caseDir)
        }
        let before = hasPackage ? try snapshot(tmp + "/pkg") : [:]
        let argsText = substitute(Fixtures.read(caseDir + "/args").trimmingCharacters(in: .whitespacesAndNewlines), caseDir: caseDir)
        let args = try ShellWords.split(argsText)
        if argsText.contains("results") { try? FileManager.default.createDirectory(atPath: tmp + "/results", withIntermediateDirectories: true) }

        let stdinPath = caseDir + "/stdin"
        let stdin = FileSystem.exists(stdinPath) ? try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinPath))
                                                 : FileHandle.nullDevice
        let run = try OracleRun.runKpt(kpt, args, cwd: tmp, stdin: stdin)
        let stdout = normalize(run.stdout, tmp: tmp)
        let stderr = normalize(run.stderr, tmp: tmp)
        let context = "case \(name)\n--- stderr:\n\(stderr)\n--- stdout:\n\(stdout)"

        let expectedDir = caseDir + "/expected"
        let exitText = Fixtures.read(expectedDir + "/exit-code")
        let expectedExit = Int32(exitText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        XCTAssertEqual(run.status, expectedExit, "exit code, \(context)", file: file, line: line)
        if let s = optional(expectedDir + "/stderr", caseDir) {
            XCTAssertTrue(stderr.contains(s), "stderr should contain:\n\(s)\n\(context)", file: file, line: line)
        }
        if let s = optional(expectedDir + "/stdout", caseDir) {
            XCTAssertTrue(stdout.contains(s), "stdout should contain:\n\(s)\n\(context)", file: file, line: line)
        }
        if let s = optional(expectedDir + "/stdout-exact", caseDir) {
            XCTAssertEqual(stdout, s, "stdout, \(context)", file: file, line: line)
        }
        if let s = optional(expectedDir + "/results.yaml", caseDir) {
            XCTAssertEqual(normalize(Fixtures.read(tmp + "/results/results.yaml"), tmp: tmp), s, "results.yaml, \(context)", file: file, line: line)
        }
        if hasPackage {
            let after = try snapshot(tmp + "/pkg")
            if FileSystem.exists(expectedDir + "/pkg") {
                var expected = try snapshot(expectedDir + "/pkg")
                for (k, v) in expected { expected[k] = substitute(v, caseDir: caseDir) }
                XCTAssertEqual(after.keys.sorted(), expected.keys.sorted(), "package files, \(context)", file: file, line: line)
                for (path, text) in expected.sorted(by: { $0.key < $1.key }) {
                    XCTAssertEqual(after[path], text, "pkg/\(path), \(context)", file: file, line: line)
                }
            } else if expectedExit != 0 {
                XCTAssertEqual(after, before, "a failed run must leave the package untouched, \(context)", file: file, line: line)
            }
        }
    }

    /// Expected console text is compared after normalisation, so @FIXTURES@ stays a placeholder there.
    private static func optional(_ path: String, _ caseDir: String) -> String? {
        let text = Fixtures.read(path)
        return text == "<missing>" ? nil : substitute(text, caseDir: caseDir, fixtures: "@FIXTURES@")
    }

    static func substitute(_ text: String, caseDir: String, fixtures: String = Fixtures.root) -> String {
        text.replacingOccurrences(of: "@FIXTURES@", with: fixtures)
            .replacingOccurrences(of: "@PKG@", with: "pkg")
            .replacingOccurrences(of: "@RESULTS@", with: "results")
            .replacingOccurrences(of: "@CASE@", with: caseDir)
    }

    private static func substituteInKptfiles(_ root: String, caseDir: String) throws {
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            guard rel.hasSuffix("Kptfile") else { continue }
            let path = root + "/" + rel
            let text = Fixtures.read(path).replacingOccurrences(of: "@FIXTURES@", with: Fixtures.root)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// Durations to `in 0s`; absolute fixture and temp paths to placeholders.
    static func normalize(_ text: String, tmp: String) -> String {
        text.replacingOccurrences(of: #" in [0-9.]+(ms|s|µs|ns|m[0-9.]+s)"#, with: " in 0s", options: .regularExpression)
            .replacingOccurrences(of: Fixtures.root, with: "@FIXTURES@")
            .replacingOccurrences(of: tmp, with: "@TMP@")
    }

    static func snapshot(_ root: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            if !FileSystem.isDirectory(root + "/" + rel) { out[rel] = Fixtures.read(root + "/" + rel) }
        }
        return out
    }
}

final class EvalE2ETests: XCTestCase {
    func testFnEvalCases() throws { try E2E.runGroup("fn-eval") }
}
