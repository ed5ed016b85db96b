import XCTest
@testable import KptFn

final class EvalTests: XCTestCase {
    private func evaluate(_ target: String, _ function: FunctionReference, capture: CapturedIO = CapturedIO(),
                          configure: (inout EvalRequest) -> Void = { _ in }) -> (error: Error?, io: CapturedIO) {
        var request = EvalRequest(target: target, function: function)
        configure(&request)
        do {
            try Evaluator(request: request, runners: FunctionRunnerFactory(), io: capture.io).run()
            return (nil, capture)
        } catch {
            return (error, capture)
        }
    }

    func testExecFunctionMutatesInPlaceKeepingCommentsAndStyle() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let (error, io) = evaluate(pkg, .exec(Fixtures.function("annotate.sh")))
        XCTAssertNil(error)
        XCTAssertEqual(io.stderr, "[RUNNING] \"\(Fixtures.function("annotate.sh"))\"\n[PASS] \"\(Fixtures.function("annotate.sh"))\" in " +
                       io.stderr.components(separatedBy: " in ").last!)
        XCTAssertEqual(Fixtures.read(pkg + "/resources.yaml"), """
        # The app's deployment.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx # the name
          labels:
            app: nginx
          annotations:
            fixture.kpt.dev/seen: "yes"
        spec:
          replicas: 3
          template:
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          annotations:
            fixture.kpt.dev/seen: "yes"
        spec:
          ports:
            - port: 80

        """)
        // eval includes subpackages.
        XCTAssertTrue(Fixtures.read(pkg + "/sub/config.yaml").contains("fixture.kpt.dev/seen: \"yes\""))
    }

    func testFailingFunctionLeavesPackageUntouchedAndRecordsResults() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let before = Fixtures.read(pkg + "/resources.yaml")
        let resultsDir = try Fixtures.temporaryDirectory()
        let fn = Fixtures.function("fail.sh")
        let (error, io) = evaluate(pkg, .exec(fn)) { $0.resultsDir = resultsDir }
        XCTAssertNotNil(error as? KptFailure)
        XCTAssertNil((error as? KptFailure)?.message, "exec failures print no extra error line")
        XCTAssertEqual(Fixtures.read(pkg + "/resources.yaml"), before)
        XCTAssertTrue(io.stderr.contains("[FAIL] \"\(fn)\" in "), io.stderr)
        XCTAssertTrue(io.stderr.contains("""
          [Results]:
            [error]: the function failed on purpose
          Stderr:
            something went wrong
          Exit code: 1

        """), io.stderr)
        XCTAssertTrue(io.stderr.hasSuffix("\nFor complete results, see \(resultsDir)/results.yaml\n"), io.stderr)
        let results = Fixtures.read(resultsDir + "/results.yaml")
        XCTAssertTrue(results.contains("exitCode: 1\nitems:\n  - exec: \(fn)\n    stderr: |\n      something went wrong\n    exitCode: 1\n"), results)
    }

    func testErrorResultFailsTheRunEvenWithExitZero() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let before = Fixtures.read(pkg + "/resources.yaml")
        let (error, io) = evaluate(pkg, .exec(Fixtures.function("error-result.sh")))
        XCTAssertNotNil(error)
        XCTAssertEqual(Fixtures.read(pkg + "/resources.yaml"), before)
        XCTAssertTrue(io.stderr.contains("    [error] apps/v1/Deployment/nginx spec.replicas: replicas must be at most 2\n    [info]: looked at everything\n"), io.stderr)
    }

    func testFunctionArgumentsBecomeConfigMapData() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let (error, _) = evaluate(pkg, .exec(Fixtures.function("config-echo.sh"))) {
            $0.functionArguments = ["color=red", "replicas=3"]
        }
        XCTAssertNil(error)
        let text = Fixtures.read(pkg + "/resources.yaml")
        XCTAssertTrue(text.contains("config/color-red: \"true\""), text)
        XCTAssertTrue(text.contains("config/replicas-3: \"true\""), text)
    }

    func testConfigMapArgumentsShape() throws {
        let node = try ConfigMapArguments.functionConfig(["namespace=staging", "replicas=3"])
        XCTAssertEqual(YAML.serialize(node), """
        metadata:
          name: function-input
        data: {namespace: staging, replicas: "3"}
        kind: ConfigMap
        apiVersion: v1

        """)
        XCTAssertEqual(try ConfigMapArguments.functionConfig(["SetNamespace", "a=b"]).fnString("kind"), "SetNamespace")
        XCTAssertThrowsError(try ConfigMapArguments.functionConfig(["a=b", "oops"])) {
            XCTAssertEqual("\($0)", "args must have keys and values separated by =")
        }
    }

    func testSelectorsLimitTheFunctionAndMergeBack() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let (error, io) = evaluate(pkg, .exec(Fixtures.function("annotate.sh"))) {
            $0.selector = ResourceSelector(kind: "Service")
        }
        XCTAssertNil(error)
        XCTAssertTrue(io.stderr.hasPrefix("[RUNNING] \"\(Fixtures.function("annotate.sh"))\" on 1 resource(s)\n"), io.stderr)
        let text = Fixtures.read(pkg + "/resources.yaml")
        XCTAssertEqual(text.components(separatedBy: "fixture.kpt.dev/seen").count, 2, text)
        XCTAssertTrue(text.hasPrefix("# The app's deployment.\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx # the name\n  labels:\n    app: nginx\nspec:"), text)
        XCTAssertFalse(Fixtures.read(pkg + "/sub/config.yaml").contains("fixture"))
    }

    func testStdinToStdoutResourceList() throws {
        let capture = CapturedIO()
        capture.stdin = Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n".utf8)
        let (error, io) = evaluate("-", .exec(Fixtures.function("annotate.sh")), capture: capture)
        XCTAssertNil(error)
        XCTAssertEqual(io.stdout, """
        apiVersion: config.kubernetes.io/v1
        kind: ResourceList
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: a
            annotations:
              fixture.kpt.dev/seen: "yes"
              config.kubernetes.io/index: '0'
              internal.config.kubernetes.io/index: '0'
              internal.config.kubernetes.io/seqindent: 'compact'
              internal.config.kubernetes.io/path: 'configmap_a.yaml'
              config.kubernetes.io/path: 'configmap_a.yaml'

        """)
    }

    func testUnwrapOutputDropsBookkeeping() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let before = Fixtures.read(pkg + "/resources.yaml")
        let (error, io) = evaluate(pkg, .exec(Fixtures.function("annotate.sh"))) { $0.output = .unwrap }
        XCTAssertNil(error)
        XCTAssertEqual(Fixtures.read(pkg + "/resources.yaml"), before, "-o unwrap must not write in place")
        XCTAssertFalse(io.stdout.contains("config.kubernetes.io"), io.stdout)
        XCTAssertEqual(io.stdout.components(separatedBy: "\n---\n").count, 5, io.stdout)  // 2 Kptfiles + 3 resources
    }

    func testOutputDirectoryMustNotExist() throws {
        let dir = try Fixtures.temporaryDirectory()
        XCTAssertThrowsError(try OutputTarget(flag: dir)) {
            XCTAssertEqual("\($0)", "directory \"\(dir)\" already exists, please delete the directory and retry")
        }
        let pkg = try Fixtures.copyPackage("basic")
        let out = dir + "/out"
        let (error, _) = evaluate(pkg, .exec(Fixtures.function("annotate.sh"))) { $0.output = .directory(out) }
        XCTAssertNil(error)
        XCTAssertTrue(Fixtures.read(out + "/resources.yaml").contains("fixture.kpt.dev/seen"))
        XCTAssertTrue(Fixtures.read(out + "/sub/config.yaml").contains("fixture.kpt.dev/seen"))
    }

    func testFnConfigInsidePackageIsNotInputAndStaysUnchanged() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let configPath = pkg + "/sub/config.yaml"
        let before = Fixtures.read(configPath)
        let (error, _) = evaluate(pkg, .exec(Fixtures.function("config-echo.sh"))) { $0.fnConfigPath = configPath }
        XCTAssertNil(error)
        XCTAssertEqual(Fixtures.read(configPath), before)
        XCTAssertTrue(Fixtures.read(pkg + "/resources.yaml").contains("config/color-blue: \"true\""))
    }

    func testMissingFnConfigAndInvalidConfigs() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let (error, _) = evaluate(pkg, .exec(Fixtures.function("annotate.sh"))) { $0.fnConfigPath = "nope.yaml" }
        XCTAssertEqual("\(error!)", "missing function config file: nope.yaml")
        let two = try YAML.parse("a: 1\n---\nb: 2\n")
        XCTAssertThrowsError(try FunctionConfigFile.validate(two, path: "f.yaml")) {
            XCTAssertEqual("\($0)", "functionConfig \"f.yaml\" must not contain more than one config, got 2")
        }
        let unnamed = try YAML.parse("apiVersion: v1\nkind: ConfigMap\n")
        XCTAssertThrowsError(try FunctionConfigFile.validate(unnamed, path: "f.yaml")) {
            XCTAssertEqual("\($0)", "functionConfig \"f.yaml\": resource must have `metadata.name`")
        }
    }

    func testNonKRMInputIsRejected() throws {
        let dir = try Fixtures.temporaryDirectory()
        try "kind: Thing\nmetadata:\n  name: x\n".write(toFile: dir + "/nonkrm.yaml", atomically: true, encoding: .utf8)
        let (error, _) = evaluate(dir, .exec(Fixtures.function("annotate.sh")))
        XCTAssertEqual("\(error!)", "input resource list must contain only KRM resources: nonkrm.yaml: resource must have `apiVersion`")
    }

    func testTimeoutLeavesPackageUntouched() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let before = Fixtures.read(pkg + "/resources.yaml")
        let factory = FunctionRunnerFactory(limits: try RunLimits.parse(timeout: "300ms", memoryLimit: nil))
        let capture = CapturedIO()
        XCTAssertThrowsError(try Evaluator(request: EvalRequest(target: pkg, function: .exec(Fixtures.function("sleep.sh"))),
                                           runners: factory, io: capture.io).run()) { error in
            XCTAssertEqual((error as? KptFailure)?.message, "function exceeded the time limit of 300ms (--timeout)")
        }
        XCTAssertEqual(Fixtures.read(pkg + "/resources.yaml"), before)
    }

    func testGoNativeSetAnnotationFunction() throws {
        let fn = try Fixtures.nativeGoFunction("set-annotation")
        let pkg = try Fixtures.copyPackage("basic")
        let (error, io) = evaluate(pkg, .exec(fn)) { $0.functionArguments = ["owner=team-a"] }
        XCTAssertNil(error, io.stderr)
        let text = Fixtures.read(pkg + "/resources.yaml")
        XCTAssertTrue(text.contains("  name: nginx # the name\n"), text)
        XCTAssertEqual(text.components(separatedBy: "owner: team-a").count, 3, text)
    }

    func testWasmImageRunsThroughTheImageSource() throws {
        final class Source: WasmImageSource {
            var asked: [(String, ImagePullPolicy)] = []
            func wasmModule(image: String, pullPolicy: ImagePullPolicy) throws -> [UInt8] {
                asked.append((image, pullPolicy))
                return WasmMagic.bytes + [1, 0, 0, 0]
            }
        }
        final class Echo: WasmFunctionRuntime {
            func run(module: [UInt8], input: [UInt8], limits: RunLimits) throws -> WasmFunctionOutput {
                XCTAssertEqual(module, WasmMagic.bytes + [1, 0, 0, 0])
                return WasmFunctionOutput(result: String(decoding: input, as: UTF8.self), console: "hello from wasm\n")
            }
        }
        let pkg = try Fixtures.copyPackage("basic")
        let source = Source()
        var request = EvalRequest(target: pkg, function: .image("ghcr.io/kptdev/krm-functions-catalog/wasm/set-namespace:v0.5.1"))
        request.allowWasm = true
        request.pullPolicy = .never
        let capture = CapturedIO()
        try Evaluator(request: request, runners: FunctionRunnerFactory(wasmRuntime: Echo(), imageSource: source,
                                                                       pullPolicy: .never), io: capture.io).run()
        XCTAssertEqual(source.asked.map(\.0), ["ghcr.io/kptdev/krm-functions-catalog/wasm/set-namespace:v0.5.1"])
        XCTAssertEqual(source.asked.map(\.1), [.never])
        XCTAssertTrue(capture.stderr.hasPrefix("""
        [RUNNING] WASM "ghcr.io/kptdev/krm-functions-catalog/wasm/set-namespace:v0.5.1"
        [PASS] "ghcr.io/kptdev/krm-functions-catalog/wasm/set-namespace:v0.5.1" in
        """), capture.stderr)
        XCTAssertTrue(capture.stderr.hasSuffix("  Stderr:\n    hello from wasm\n"), capture.stderr)
    }

    func testSaveAddsThenUpdatesTheKptfileEntry() throws {
        let pkg = try Fixtures.copyPackage("basic")
        let fn = Fixtures.function("config-echo.sh")
        for _ in 0..<2 {
            let (error, _) = evaluate(pkg, .exec(fn)) {
                $0.functionArguments = ["color=red"]
                $0.selector = ResourceSelector(kind: "Service")
                $0.save = EvalRequest.Save(type: "mutator", tag: nil)
            }
            XCTAssertNil(error)
        }
        let kptfile = Fixtures.read(pkg + "/Kptfile")
        XCTAssertEqual(kptfile.components(separatedBy: "exec: ").count, 3, kptfile)   // annotate.sh + ours, once
        XCTAssertTrue(kptfile.contains("""
            - exec: \(fn)
              configMap:
                color: red
              selectors:
                - kind: Service
        """), kptfile)
        let (error, io) = evaluate(pkg, .exec(fn)) { $0.save = EvalRequest.Save(type: "validator", tag: nil) }
        XCTAssertNil(error)
        XCTAssertTrue(io.stderr.hasSuffix("Added \"\(fn)\" as validator in the Kptfile.\n"), io.stderr)
    }
}
