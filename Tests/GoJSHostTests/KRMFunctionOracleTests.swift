import XCTest
import GoJSHost
import WasmParser

/// The KRM test functions run three ways: on this host, under Node the way
/// kpt's node glue runs them (Go's wasm_exec.js), and natively as filters.
/// Outputs must be byte-identical.
final class KRMFunctionOracleTests: XCTestCase {
    static let input = """
    apiVersion: config.kubernetes.io/v1
    kind: ResourceList
    items:
    # the first item
    - apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cm-one # trailing comment
        labels:
          app: web
        annotations:
          config.kubernetes.io/path: cm.yaml
      data:
        key: value
    - apiVersion: v1
      kind: Secret
      metadata:
        name: s1
    - apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
    functionConfig:
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: fn-config
      data:
        owner: team-a
        tier: "3"

    """

    private func function(_ name: String) throws -> KRMFunction {
        KRMFunction(module: try GoProgramOracleTests.module(name), limits: GoHostLimits(timeout: .seconds(120)))
    }

    /// Runs on this host like the node runner: processResourceList, then processResourceListErrors.
    private func callBoth(_ name: String, input: String) throws -> (result: String, errors: String) {
        let program = try GoProgram.start(module: try GoProgramOracleTests.module(name), arguments: ["krm-fn-wasm"])
        let started = ContinuousClock.now
        let result = try program.call(global: "processResourceList", arguments: [.string(input)])
        print("[timing] \(name) processResourceList: \(ContinuousClock.now - started)")
        let errors = try program.call(global: "processResourceListErrors", arguments: [.string(input)])
        return (result.jsString, errors.jsString)
    }

    private func checkAgainstOracles(_ name: String, input: String = input,
                                     file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let node = try Fixtures.nodeKRM(name, input: input).report
        let native = try Fixtures.native(name, input: input)
        let ours = try callBoth(name, input: input)
        XCTAssertEqual(ours.result, node.result, "result vs node (\(name))", file: file, line: line)
        XCTAssertEqual(ours.errors, node.errors, "errors vs node (\(name))", file: file, line: line)
        XCTAssertEqual(native.status, 0, native.stderrText, file: file, line: line)
        XCTAssertEqual(ours.result, native.stdoutText, "result vs native (\(name))", file: file, line: line)
        let run = try function(name).run(resourceList: input)
        XCTAssertEqual(run.output, ours.result, file: file, line: line)
        return run.output
    }

    func testSetAnnotationFromConfig() throws {
        let out = try checkAgainstOracles("set-annotation")
        XCTAssertTrue(out.contains("owner: team-a"))
        XCTAssertTrue(out.contains("# trailing comment"))
    }

    func testSetAnnotationDefaultProcessedBy() throws {
        let input = Self.input.components(separatedBy: "functionConfig:")[0]
        let out = try checkAgainstOracles("set-annotation", input: input)
        XCTAssertTrue(out.contains("processed-by: set-annotation"))
    }

    func testErrorResultsAreAResourceList() throws {
        let out = try checkAgainstOracles("error-results")
        XCTAssertTrue(out.contains("severity: error"))
        XCTAssertEqual(try callBoth("error-results", input: Self.input).errors,
                       "Secret \"s1\" is missing label app\nDeployment \"web\" is missing label app")
    }

    func testAddAndDeleteResources() throws {
        let out = try checkAgainstOracles("add-delete")
        XCTAssertFalse(out.contains("kind: Secret"))
        XCTAssertTrue(out.contains("resources: ConfigMap/cm-one,Deployment/web"))
    }

    func testGoroutinesAndSleepInsideHandler() throws {
        let out = try checkAgainstOracles("sleep-goroutines")
        XCTAssertTrue(out.contains("example.com/worker: worker-2"))
    }

    /// A function error: not a ResourceList, so the details come from
    /// processResourceListErrors, as kpt does it.
    func testFunctionFailureIsMappedLikeKpt() throws {
        let input = Self.input.replacingOccurrences(of: "tier: \"3\"", with: "fail: \"true\"")
        let node = try Fixtures.nodeKRM("error-results", input: input).report
        let native = try Fixtures.native("error-results", input: input)
        XCTAssertEqual(native.status, 1)
        XCTAssertEqual(native.stderrText, "asked to fail by functionConfig\n")
        XCTAssertThrowsError(try function("error-results").run(resourceList: input)) { error in
            guard case KRMFunctionError.invalidOutput(let output, let errors) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(output, node.result)
            XCTAssertEqual(errors, node.errors)
            XCTAssertEqual("\(error)", """
            invalid resource list output from wasm library; got "unable to process resource list: asked to fail by functionConfig"
            asked to fail by functionConfig
            """)
        }
    }

    func testInputThatIsNotAResourceList() throws {
        let input = "kind: Nope\n"
        let node = try Fixtures.nodeKRM("set-annotation", input: input).report
        XCTAssertThrowsError(try function("set-annotation").run(resourceList: input)) { error in
            guard case KRMFunctionError.invalidOutput(let output, let errors) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(output, node.result)
            XCTAssertEqual(errors, node.errors)
            XCTAssertEqual(errors, "input kind is not ResourceList")
        }
    }

    /// A panic inside the handler: Go exits with 2 and the error carries the trace.
    func testPanicInsideHandler() throws {
        let (node, nodeRun) = try Fixtures.nodeKRM("panic-fn", input: Self.input)
        XCTAssertEqual(node.exitCode, 2)
        XCTAssertNil(node.result)
        let native = try Fixtures.native("panic-fn", input: Self.input)
        XCTAssertEqual(native.status, 2)
        let output = GuestOutput()
        XCTAssertThrowsError(try function("panic-fn").run(resourceList: Self.input, output: output)) { error in
            guard case KRMFunctionError.host(.exited(let code, let stderr)) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, 2)
            XCTAssertEqual(stderr, nodeRun.stderrText, "same trace as under node")
            XCTAssertTrue("\(error)".hasPrefix("the Go program exited with code 2:\npanic: panic-fn: refusing 3 items\n"), "\(error)")
            let firstLine = native.stderrText.split(separator: "\n").first.map(String.init)
            XCTAssertEqual(stderr.split(separator: "\n").first.map(String.init), firstLine)
        }
    }

    /// The parsed module is reused across runs; each run is independent.
    func testModuleReuseAcrossRuns() throws {
        let fn = try function("set-annotation")
        let first = try fn.run(resourceList: Self.input).output
        let second = try fn.run(resourceList: Self.input).output
        XCTAssertEqual(first, second)
    }

    /// One instance serves many calls (render-style reuse of a started program).
    func testManyCallsOnOneInstance() throws {
        let program = try GoProgram.start(module: try GoProgramOracleTests.module("set-annotation"))
        let expected = try Fixtures.native("set-annotation", input: Self.input).stdoutText
        let started = ContinuousClock.now
        for _ in 0..<20 {
            XCTAssertEqual(try program.call(global: "processResourceList", arguments: [.string(Self.input)]).jsString, expected)
        }
        print("[timing] set-annotation 20 calls on one instance: \(ContinuousClock.now - started), \(program.importCallCount) imports")
    }

    func testMissingEntryPoint() throws {
        XCTAssertThrowsError(try KRMFunction(module: try GoProgramOracleTests.module("hello")).run(resourceList: Self.input)) { error in
            // hello returns from main without registering anything (kpt reports the failed lookup).
            XCTAssertEqual("\(error)", "unable to invoke processResourceList: processResourceList: not found")
        }
        let program = try GoProgram.start(module: try GoProgramOracleTests.module("js-callback"))
        XCTAssertThrowsError(try program.call(global: "processResourceList")) { error in
            XCTAssertTrue("\(error)".contains("already exited") || "\(error)".contains("not found"), "\(error)")
        }
    }
}
