import XCTest
@testable import KptFn

final class RenderTests: XCTestCase {
    private func render(_ pkg: String, configure: (inout RenderRequest) -> Void = { _ in }) -> (error: Error?, io: CapturedIO) {
        var request = RenderRequest(packagePath: pkg)
        request.allowExec = true
        configure(&request)
        let capture = CapturedIO()
        do {
            try Renderer(request: request, runners: FunctionRunnerFactory(), io: capture.io).run()
            return (nil, capture)
        } catch {
            return (error, capture)
        }
    }

    private var echo: String { Fixtures.function("config-echo.sh") }

    /// Normalises `in <duration>` so console output can be compared exactly.
    private func stable(_ s: String) -> String {
        s.replacingOccurrences(of: #" in [0-9.]+(ms|s|µs)"#, with: " in 0s", options: .regularExpression)
    }

    func testSubpackagesRenderFirstAndParentsSeeEverything() throws {
        let pkg = try Fixtures.copyPackage("tree")
        let (error, io) = render(pkg)
        XCTAssertNil(error, io.stderr)
        XCTAssertEqual(stable(io.stderr), """
        Package "tree/db/cache":
        [RUNNING] "\(echo)" on 1 resource(s)
        [PASS] "\(echo)" in 0s
        Package "tree/db":
        [RUNNING] "\(echo)"
        [PASS] "\(echo)" in 0s
        Package "tree/web":
        Package "tree":
        [RUNNING] "\(echo)"
        [PASS] "\(echo)" in 0s
        [RUNNING] "\(Fixtures.function("annotate.sh"))"
        [PASS] "\(Fixtures.function("annotate.sh"))" in 0s
        Successfully executed 4 function(s) in 4 package(s).

        """)
        XCTAssertEqual(Fixtures.read(pkg + "/db/cache/cache.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cache
          annotations:
            config/stage-root: "true"
            config/stage-db: "true"
            config/stage-cache: "true"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: cache
          annotations:
            config/stage-root: "true"
            config/stage-db: "true"

        """)
        XCTAssertEqual(Fixtures.read(pkg + "/web/web.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            config/stage-root: "true"

        """)
        let app = Fixtures.read(pkg + "/app.yaml")
        XCTAssertTrue(app.contains("config/stage-root"), app)
        XCTAssertFalse(app.contains("config/stage-db"), app)
        // The validator's output is discarded.
        XCTAssertFalse(app.contains("fixture.kpt.dev/seen"), app)
        // configPath: the db config reached db's function.
        XCTAssertTrue(Fixtures.read(pkg + "/db/statefulset.yaml").contains("config/stage-db"))
    }

    func testExecNeedsAllowExec() throws {
        let pkg = try Fixtures.copyPackage("tree")
        let before = Fixtures.read(pkg + "/app.yaml")
        let (error, io) = render(pkg) { $0.allowExec = false }
        XCTAssertEqual("\(error!)", "must run with `--allow-exec` option to allow running function binaries")
        XCTAssertEqual(Fixtures.read(pkg + "/app.yaml"), before)
        XCTAssertTrue(io.stderr.hasSuffix("Failed to execute any functions in 1 package(s).\n"), io.stderr)
    }

    func testFailureInAParentWritesNothing() throws {
        let pkg = try Fixtures.copyPackage("tree")
        let kptfile = pkg + "/Kptfile"
        try Fixtures.read(kptfile).replacingOccurrences(of: "annotate.sh", with: "fail.sh")
            .write(toFile: kptfile, atomically: true, encoding: .utf8)
        let snapshot = try snapshotTree(pkg)
        let resultsDir = try Fixtures.temporaryDirectory()
        let (error, io) = render(pkg) { $0.resultsDir = resultsDir }
        XCTAssertNotNil(error as? KptFailure)
        XCTAssertEqual(try snapshotTree(pkg), snapshot, "all or nothing")
        XCTAssertTrue(io.stderr.contains("Partially executed 3 function(s) in 4 package(s).\nFor complete results, see \(resultsDir)/results.yaml\n"), io.stderr)
        let results = Fixtures.read(resultsDir + "/results.yaml")
        XCTAssertEqual(results.components(separatedBy: "  - exec: ").count, 5, results)
        XCTAssertTrue(results.hasPrefix("apiVersion: kpt.dev/v1\nkind: FunctionResultList\nmetadata:\n  name: fnresults\nexitCode: 1\n"))
    }

    func testMissingKptfile() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (error, _) = render(dir)
        XCTAssertEqual("\(error!)", "No Kptfile found at \"\(URL(fileURLWithPath: dir).resolvingSymlinksInPath().path)\".")
    }

    func testOutputToStdoutLeavesPackageAlone() throws {
        let pkg = try Fixtures.copyPackage("tree")
        let snapshot = try snapshotTree(pkg)
        let (error, io) = render(pkg) { $0.output = .stdout }
        XCTAssertNil(error)
        XCTAssertEqual(try snapshotTree(pkg), snapshot)
        XCTAssertTrue(io.stdout.hasPrefix("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"))
        XCTAssertTrue(io.stdout.contains("config.kubernetes.io/path: 'db/cache/cache.yaml'"), io.stdout)
        XCTAssertFalse(io.stdout.contains("package-path"))
        XCTAssertFalse(io.stderr.contains("Successfully executed"))
    }

    func testWasmExecStepRunsWithAllowWasmAlone() throws {
        final class Recorder: WasmFunctionRuntime {
            var calls = 0
            func run(module: [UInt8], input: [UInt8], limits: RunLimits) throws -> WasmFunctionOutput {
                calls += 1
                return WasmFunctionOutput(result: String(decoding: input, as: UTF8.self))
            }
        }
        let pkg = try Fixtures.copyPackage("tree")
        let module = try Fixtures.temporaryDirectory() + "/fn.wasm"
        try Data(WasmMagic.bytes + [1, 0, 0, 0]).write(to: URL(fileURLWithPath: module))
        for kptfile in [pkg + "/Kptfile", pkg + "/db/Kptfile", pkg + "/db/cache/Kptfile"] {
            let text = Fixtures.read(kptfile).replacingOccurrences(of: echo, with: module)
                .replacingOccurrences(of: Fixtures.function("annotate.sh"), with: module)
            try text.write(toFile: kptfile, atomically: true, encoding: .utf8)
        }
        let recorder = Recorder()
        var request = RenderRequest(packagePath: pkg)
        request.allowWasm = true
        let capture = CapturedIO()
        try Renderer(request: request, runners: FunctionRunnerFactory(wasmRuntime: recorder), io: capture.io).run()
        XCTAssertEqual(recorder.calls, 4)
        XCTAssertTrue(capture.stderr.contains("[RUNNING] WASM \"\(module)\"\n"), capture.stderr)
    }

    private func snapshotTree(_ root: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            if !FileSystem.isDirectory(root + "/" + rel) { out[rel] = Fixtures.read(root + "/" + rel) }
        }
        return out
    }
}
