import XCTest
@testable import KptFn

final class FunctionRuntimeTests: XCTestCase {
    func testGoDurationParsesGoSyntax() {
        XCTAssertEqual(GoDuration.parse("30s"), .seconds(30))
        XCTAssertEqual(GoDuration.parse("2m"), .seconds(120))
        XCTAssertEqual(GoDuration.parse("1m30s"), .seconds(90))
        XCTAssertEqual(GoDuration.parse("250ms"), .milliseconds(250))
        XCTAssertEqual(GoDuration.parse("1.5s"), .milliseconds(1500))
        XCTAssertNil(GoDuration.parse("30"))
        XCTAssertNil(GoDuration.parse("abc"))
        XCTAssertNil(GoDuration.parse(""))
    }

    func testGoDurationFormatsLikeGoTruncatedToMilliseconds() {
        XCTAssertEqual(GoDuration.format(.zero), "0s")
        XCTAssertEqual(GoDuration.format(.microseconds(900)), "0s")
        XCTAssertEqual(GoDuration.format(.milliseconds(12)), "12ms")
        XCTAssertEqual(GoDuration.format(.milliseconds(1234)), "1.234s")
        XCTAssertEqual(GoDuration.format(.milliseconds(1200)), "1.2s")
        XCTAssertEqual(GoDuration.format(.milliseconds(123_400)), "2m3.4s")
        XCTAssertEqual(GoDuration.format(.seconds(3600)), "1h0m0s")
        XCTAssertEqual(GoDuration.format(nanoseconds: 1500), "1.5µs")
    }

    func testByteSizesAndLimits() throws {
        XCTAssertEqual(ByteSize.parse("512Mi"), 512 << 20)
        XCTAssertEqual(ByteSize.parse("2Gi"), 2 << 30)
        XCTAssertEqual(ByteSize.parse("1G"), 1_000_000_000)
        XCTAssertEqual(ByteSize.parse("4096"), 4096)
        XCTAssertNil(ByteSize.parse("lots"))
        let limits = try RunLimits.parse(timeout: "2m", memoryLimit: nil)
        XCTAssertEqual(limits.timeout, .seconds(120))
        XCTAssertEqual(limits.memoryLimit, 2 << 30)
        XCTAssertEqual(limits.timeoutError().message, "function exceeded the time limit of 2m (--timeout)")
        XCTAssertEqual(limits.memoryError().message, "function exceeded the memory limit of 2Gi (--memory-limit)")
        XCTAssertThrowsError(try RunLimits.parse(timeout: "soon", memoryLimit: nil)) {
            XCTAssertTrue("\($0)".contains("--timeout"))
        }
        XCTAssertThrowsError(try RunLimits.parse(timeout: nil, memoryLimit: "0"))
    }

    func testShellWordsSplitLikeShlex() throws {
        XCTAssertEqual(try ShellWords.split("sed -e 's/foo/bar/'"), ["sed", "-e", "s/foo/bar/"])
        XCTAssertEqual(try ShellWords.split(#"fn "a b" c\ d"#), ["fn", "a b", "c d"])
        XCTAssertEqual(try ShellWords.split("  ./fn.wasm  "), ["./fn.wasm"])
        XCTAssertThrowsError(try ShellWords.split("fn 'open"))
    }

    func testKindSelectionFollowsTheFlags() throws {
        let never: (String) -> Bool = { _ in false }
        XCTAssertEqual(try FunctionKindSelector.kind(of: .exec("./fn.wasm"), command: .eval, allowWasm: true, isWasmFile: never),
                       .wasmFile(path: "./fn.wasm"))
        // Without the flag a .wasm path is just an executable (kpt has no dedicated error).
        XCTAssertEqual(try FunctionKindSelector.kind(of: .exec("./fn.wasm"), command: .eval, allowWasm: false, isWasmFile: never),
                       .nativeExec(path: "./fn.wasm", arguments: []))
        XCTAssertEqual(try FunctionKindSelector.kind(of: .exec("./fn a b"), command: .eval, allowWasm: true, isWasmFile: never),
                       .nativeExec(path: "./fn", arguments: ["a", "b"]))
        // Wasm magic counts too.
        XCTAssertEqual(try FunctionKindSelector.kind(of: .exec("./module"), command: .eval, allowWasm: true, isWasmFile: { _ in true }),
                       .wasmFile(path: "./module"))
        XCTAssertEqual(try FunctionKindSelector.kind(of: .image("ghcr.io/a/b:v1"), command: .eval, allowWasm: true),
                       .wasmImage(image: "ghcr.io/a/b:v1"))
        XCTAssertEqual(try FunctionKindSelector.kind(of: .image("ghcr.io/a/b:v1"), command: .render, allowWasm: false),
                       .containerImage(image: "ghcr.io/a/b:v1"))
    }

    func testContainerImagesAreRefusedWithAClearMessage() {
        let factory = FunctionRunnerFactory()
        XCTAssertThrowsError(try factory.makeRunner(.containerImage(image: "ghcr.io/x/y:v1"))) { error in
            XCTAssertTrue("\(error)".contains("container functions need a container runtime"), "\(error)")
            XCTAssertTrue("\(error)".contains("--allow-alpha-wasm"))
        }
    }

    func testImageNames() throws {
        XCTAssertEqual(ImageNames.withPrefix("set-namespace:v0.4", prefix: ImageNames.defaultPrefix),
                       "ghcr.io/kptdev/krm-functions-catalog/set-namespace:v0.4")
        XCTAssertEqual(ImageNames.withPrefix("example.com/fn:v1", prefix: ImageNames.defaultPrefix), "example.com/fn:v1")
        XCTAssertEqual(ImageNames.withDefaultTag("ghcr.io/a/b"), "ghcr.io/a/b:latest")
        XCTAssertEqual(ImageNames.withDefaultTag("localhost:5000/b"), "localhost:5000/b:latest")
        XCTAssertEqual(ImageNames.withDefaultTag("ghcr.io/a/b@sha256:00"), "ghcr.io/a/b@sha256:00")
        XCTAssertEqual(try ImageNames.validatedPrefix(nil, environment: ["KPT_IMAGE_PREFIX": "example.com/fns/"]),
                       "example.com/fns")
        XCTAssertThrowsError(try ImageNames.validatedPrefix("https://example.com", environment: [:]))
        XCTAssertThrowsError(try ImageNames.validate("ghcr.io/Upper/fn:v1"))
        XCTAssertNoThrow(try ImageNames.validate("localhost:5000/fn:v1"))
        let noListing: (String) throws -> [String] = { XCTFail("unexpected tag listing of \($0)"); return [] }
        XCTAssertEqual(try ImageNames.applyingTag("v0.5.1", to: "ghcr.io/a/fn", listTags: noListing), "ghcr.io/a/fn:v0.5.1")
        XCTAssertEqual(try ImageNames.applyingTag("latest", to: "localhost:5000/fn:v1", listTags: noListing), "localhost:5000/fn:latest")
        XCTAssertEqual(try ImageNames.applyingTag(nil, to: "ghcr.io/a/fn:v1", listTags: noListing), "ghcr.io/a/fn:v1")
        let tags = ["v0.4.0", "v0.4.3", "v0.5.0", "v0.5.1-rc.1", "v1.0.0", "latest", "v0.10.2"]
        XCTAssertEqual(try ImageNames.applyingTag("~v0.4", to: "ghcr.io/a/fn", listTags: { _ in tags }), "ghcr.io/a/fn:v0.4.3")
        XCTAssertEqual(try ImageNames.applyingTag("v0.5.x", to: "ghcr.io/a/fn", listTags: { _ in tags }), "ghcr.io/a/fn:v0.5.0")
        XCTAssertThrowsError(try ImageNames.applyingTag(">=v2", to: "ghcr.io/a/fn", listTags: { _ in tags }))
    }

    func testSemverConstraintsFollowMastermindsRules() throws {
        func best(_ c: String, _ tags: [String]) -> String? { SemverConstraint(c)?.best(of: tags) }
        let tags = ["v0.1.0", "v0.2.3", "v0.2.9", "v0.3.0", "v1.2.3", "v1.2.9", "v1.3.0", "v1.4.0-beta.1", "v2.0.0", "junk"]
        XCTAssertEqual(best("~1.2.3", tags), "v1.2.9")
        XCTAssertEqual(best("~1", tags), "v1.3.0")
        XCTAssertEqual(best("^1.2", tags), "v1.3.0")
        XCTAssertEqual(best("^0.2.3", tags), "v0.2.9")
        XCTAssertEqual(best(">=1.2.4, <1.3", tags), "v1.2.9")
        XCTAssertEqual(best("<0.2 || >=2", tags), "v2.0.0")
        XCTAssertEqual(best("1.2", tags), "v1.2.9")
        XCTAssertEqual(best("1.x", tags), "v1.3.0")
        XCTAssertEqual(best(">1.2", tags), "v2.0.0")
        XCTAssertEqual(best(">=1.4.0-alpha", tags), "v2.0.0")
        XCTAssertEqual(best("1.4.0-beta.1", tags), "v1.4.0-beta.1")
        XCTAssertNil(best("~3", tags))
        XCTAssertNil(SemverConstraint("latest"))
        XCTAssertTrue(SemanticVersion("1.0.0-alpha")! < SemanticVersion("1.0.0-alpha.1")!)
        XCTAssertTrue(SemanticVersion("1.0.0-alpha.beta")! < SemanticVersion("1.0.0-beta")!)
        XCTAssertTrue(SemanticVersion("1.0.0-rc.1")! < SemanticVersion("1.0.0")!)
        XCTAssertTrue(SemanticVersion("1.0.0-2")! < SemanticVersion("1.0.0-11")!)
    }

    func testExecRunnerPassesStdinAndCapturesStderr() throws {
        let runner = ExecFunctionRunner(path: "/bin/sh", arguments: ["-c", "echo warn >&2; tr a-z A-Z"])
        let out = try runner.run(input: Array("hello\n".utf8))
        XCTAssertEqual(String(decoding: out.output, as: UTF8.self), "HELLO\n")
        XCTAssertEqual(out.stderr, "warn\n")
    }

    func testExecRunnerSurvivesAFunctionThatIgnoresStdin() throws {
        // The CLI runs with SIGPIPE's default action (terminate); the runner must protect itself.
        signal(SIGPIPE, SIG_DFL)
        let runner = ExecFunctionRunner(path: "/bin/sh", arguments: ["-c", "echo done"])
        let out = try runner.run(input: [UInt8](repeating: 0x61, count: 4 << 20))
        XCTAssertEqual(String(decoding: out.output, as: UTF8.self), "done\n")
    }

    func testExecRunnerReportsExitCode() {
        let runner = ExecFunctionRunner(path: "/bin/sh", arguments: ["-c", "echo bad >&2; exit 3"])
        XCTAssertThrowsError(try runner.run(input: [])) { error in
            let exit = error as? FunctionExitError
            XCTAssertEqual(exit?.exitCode, 3)
            XCTAssertEqual(exit?.stderr, "bad\n")
        }
    }

    func testExecRunnerEnforcesTimeout() throws {
        let limits = try RunLimits.parse(timeout: "200ms", memoryLimit: nil)
        let runner = ExecFunctionRunner(path: "/bin/sh", arguments: ["-c", "exec sleep 20"], limits: limits)
        let start = ContinuousClock.now
        XCTAssertThrowsError(try runner.run(input: [])) { error in
            XCTAssertEqual(error as? FunctionError, limits.timeoutError())
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }

    func testExecRunnerMissingBinary() {
        let runner = ExecFunctionRunner(path: "./does-not-exist", arguments: [])
        XCTAssertThrowsError(try runner.run(input: [])) { error in
            XCTAssertEqual("\(error)", "unexpected function error: fork/exec ./does-not-exist: no such file or directory")
        }
    }

    func testWasmRunnerTurnsNonResourceListIntoKptsError() {
        final class Fake: WasmFunctionRuntime {
            let result: String
            init(_ r: String) { result = r }
            func run(module: [UInt8], input: [UInt8], limits: RunLimits) throws -> WasmFunctionOutput {
                WasmFunctionOutput(result: result, errors: { "missing label app" })
            }
        }
        let bad = WasmFunctionRunner(module: [], runtime: Fake("unable to process: boom"), limits: RunLimits())
        XCTAssertThrowsError(try bad.run(input: [])) { error in
            XCTAssertEqual("\(error)", "invalid resource list output from wasm library; got \"unable to process: boom\"\nmissing label app")
        }
        let good = WasmFunctionRunner(module: [], runtime: Fake("apiVersion: v1\nkind: ResourceList\nitems: []\n"),
                                      limits: RunLimits())
        XCTAssertEqual(try good.run(input: []).output, Array("apiVersion: v1\nkind: ResourceList\nitems: []\n".utf8))
    }
}
