import Foundation
import XCTest
@testable import KptFn

/// Issue 3: the same Go KRM function built twice — js/wasm (run by our engine with
/// `--allow-alpha-wasm --exec X.wasm`) and native (run by kpt as a plain `--exec` binary) — must
/// leave byte-identical package trees and print the same console text (modulo the function's
/// name, the `WASM ` marker and durations). Each test also checks the expected effect, so both
/// sides being wrong the same way still fails.
final class WasmNativeOracleTests: XCTestCase {

    // MARK: the docs' example function (annotation processed-by / k=v pairs)

    func testSetAnnotationOnEveryShape() throws {
        for shape in [OraclePackages.comments, OraclePackages.documentComments, OraclePackages.multiDoc,
                      OraclePackages.subpackages] {
            let run = try OracleRun.compare(function: "set-annotation", args: ["owner=team-a"], package: shape)
            XCTAssertEqual(run.wasm.status, 0, run.context)
            for (path, text) in run.wasmTree where path.hasSuffix(".yaml") || path.hasSuffix("Kptfile") {
                let documents = text.components(separatedBy: "\n---\n").count
                XCTAssertEqual(text.components(separatedBy: "    owner: team-a\n").count - 1, documents,
                               "every resource of \(path) gets the annotation, \(run.context)")
            }
            for (path, before) in shape.files {   // comments survive the round trip
                for comment in OraclePackages.comments(in: before) {
                    XCTAssertTrue(run.wasmTree[path]?.contains(comment) == true, "\(path) keeps \(comment), \(run.context)")
                }
            }
        }
    }

    func testSetAnnotationOnAThousandResources() throws {
        let shape = OraclePackages.generated(files: 10, perFile: 100)
        let run = try OracleRun.compare(function: "set-annotation", args: ["processed-by=oracle"], package: shape)
        XCTAssertEqual(run.wasm.status, 0, run.context)
        let annotated = run.wasmTree.values.map { $0.components(separatedBy: "processed-by: oracle\n").count - 1 }.reduce(0, +)
        XCTAssertEqual(annotated, 1000, run.context)
    }

    // MARK: error results, panics, goroutines, deletes and adds

    func testErrorResults() throws {
        for shape in [OraclePackages.comments, OraclePackages.subpackages] {
            let run = try OracleRun.compare(function: "error-results", args: [], package: shape)
            // Every resource without label `app` gets one error result line, on both sides.
            let unlabelled = shape.resourceNames.filter { !shape.labelledApp.contains($0) }
            for name in unlabelled {
                XCTAssertTrue(run.wasmConsole.contains("[error] \(name): "), "result for \(name), \(run.context)")
            }
            XCTAssertFalse(unlabelled.isEmpty)
        }
    }

    func testFunctionThatFailsWithAGoError() throws {
        let run = try OracleRun.compare(function: "error-results", args: ["fail=true"], package: OraclePackages.multiDoc,
                                        compareConsole: false)
        XCTAssertEqual(run.wasm.status, 1, run.context)
        XCTAssertEqual(run.wasmTree, OraclePackages.multiDoc.files, "a failed run leaves the package as it was, \(run.context)")
        XCTAssertTrue(run.wasm.stderr.contains("asked to fail by functionConfig"), run.context)
        XCTAssertTrue(run.native.stderr.contains("asked to fail by functionConfig"), run.context)
    }

    /// The console differs by design here: a native panic is an exec failure (`Stderr:` block and
    /// `Exit code: 2`), a wasm panic is a runtime error line; the Go panic text appears in both.
    func testPanic() throws {
        let shape = OraclePackages.multiDoc
        let run = try OracleRun.compare(function: "panic-fn", args: [], package: shape, compareConsole: false)
        XCTAssertEqual(run.wasm.status, 1, run.context)
        XCTAssertEqual(run.native.status, 1, run.context)
        XCTAssertEqual(run.wasmTree, shape.files, "a panicking function changes nothing, \(run.context)")
        let panicLine = "panic: panic-fn: refusing \(shape.resourceNames.count) items"
        XCTAssertTrue(run.wasm.stderr.contains(panicLine), run.context)
        XCTAssertTrue(run.native.stderr.contains(panicLine), run.context)
        XCTAssertTrue(run.wasm.stderr.contains("[FAIL]"), run.context)
    }

    func testGoroutinesAndSleep() throws {
        for shape in [OraclePackages.multiDoc, OraclePackages.subpackages] {
            let run = try OracleRun.compare(function: "sleep-goroutines", args: [], package: shape)
            XCTAssertEqual(run.wasm.status, 0, run.context)
            let all = run.wasmTree.values.joined()
            for i in 0..<shape.resourceNames.count {
                XCTAssertTrue(all.contains("example.com/worker: worker-\(i)\n"), "worker-\(i), \(run.context)")
            }
        }
    }

    func testDeleteAndAdd() throws {
        for shape in [OraclePackages.comments, OraclePackages.subpackages] {
            let run = try OracleRun.compare(function: "add-delete", args: ["delete-kind=Secret"], package: shape)
            XCTAssertEqual(run.wasm.status, 0, run.context)
            XCTAssertFalse(run.wasmTree.values.contains { $0.contains("kind: Secret") }, "secrets deleted, \(run.context)")
            let inventory = run.wasmTree["inventory.yaml"] ?? ""
            XCTAssertTrue(inventory.contains("name: inventory"), "inventory added, \(run.context)")
            for name in shape.resourceNames where !shape.secrets.contains(name) {
                XCTAssertTrue(inventory.contains("/" + name), "inventory lists \(name), \(run.context)")
            }
            // A file holding only secrets is deleted on both sides.
            for (path, text) in shape.files where text.contains("kind: Secret") && !text.contains("---") {
                XCTAssertNil(run.wasmTree[path], "\(path) deleted, \(run.context)")
            }
        }
    }
}

/// One function run twice through the `kpt` binary, wasm and native, on fresh copies of a package.
struct OracleRun {
    struct Output { var status: Int32; var stdout: String; var stderr: String }
    var wasm: Output
    var native: Output
    var wasmTree: [String: String]
    var nativeTree: [String: String]
    var wasmConsole: String
    var context: String

    static func compare(function: String, args: [String], package: OraclePackages.Shape, compareConsole: Bool = true,
                        file: StaticString = #filePath, line: UInt = #line) throws -> OracleRun {
        let kpt = try E2E.kptBinary()
        let wasmPath = try wasmFunction(function)
        let nativePath = try Fixtures.nativeGoFunction(function)
        let wasmDir = try package.materialize(), nativeDir = try package.materialize()
        let wasm = try runKpt(kpt, ["fn", "eval", wasmDir, "--truncate-output=false", "--allow-alpha-wasm", "--exec", wasmPath, "--"] + args)
        let native = try runKpt(kpt, ["fn", "eval", nativeDir, "--truncate-output=false", "--exec", nativePath, "--"] + args)
        let wasmTree = try E2E.snapshot(wasmDir), nativeTree = try E2E.snapshot(nativeDir)
        let wasmConsole = normalize(wasm.stderr, function: wasmPath, dir: wasmDir)
        let nativeConsole = normalize(native.stderr, function: nativePath, dir: nativeDir)
        let context = "\(function) on \(package.name)\n--- wasm (\(wasm.status)):\n\(wasm.stderr)\n--- native (\(native.status)):\n\(native.stderr)"
        XCTAssertEqual(wasmTree.keys.sorted(), nativeTree.keys.sorted(), "files, \(context)", file: file, line: line)
        for (path, text) in nativeTree.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(wasmTree[path], text, "\(path) differs between wasm and native, \(context)", file: file, line: line)
        }
        if compareConsole {
            XCTAssertEqual(wasm.status, native.status, "exit code, \(context)", file: file, line: line)
            XCTAssertEqual(wasm.stdout, native.stdout, "stdout, \(context)", file: file, line: line)
            XCTAssertEqual(wasmConsole, nativeConsole, "stderr, \(context)", file: file, line: line)
        }
        return OracleRun(wasm: wasm, native: native, wasmTree: wasmTree, nativeTree: nativeTree,
                         wasmConsole: wasmConsole, context: context)
    }

    static func wasmFunction(_ name: String) throws -> String {
        _ = Fixtures.goFixturesBuilt
        let path = Fixtures.root + "/bin/wasm/" + name + ".wasm"
        if !FileSystem.exists(path) {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("missing \(path): run scripts/build-go-fixtures.sh") }
            throw XCTSkip("\(path) not built (scripts/build-go-fixtures.sh)")
        }
        return path
    }

    /// The function name and timing are the only expected differences in `[RUNNING]`/`[PASS]` lines.
    static func normalize(_ text: String, function: String, dir: String) -> String {
        E2E.normalize(text.replacingOccurrences(of: "\"" + function + "\"", with: "\"FN\""), tmp: dir)
            .replacingOccurrences(of: "[RUNNING] WASM ", with: "[RUNNING] ")
    }

    /// Runs the `kpt` binary to completion; every KptFn e2e test starts it here.
    static func runKpt(_ kpt: String, _ arguments: [String], cwd: String? = nil,
                       environment: [String: String] = [:], stdin: FileHandle = .nullDevice) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kpt)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = stdin
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let collector = PipeCollector(stdout: out.fileHandleForReading, stderr: err.fileHandleForReading)
        process.waitUntilExit()
        collector.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: collector.stdoutData, as: UTF8.self),
                      stderr: String(decoding: collector.stderrData, as: UTF8.self))
    }
}
