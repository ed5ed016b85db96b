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
        XCTAssertEqual(try ImageNames.applyingTag("v0.5.1", to: "ghcr.io/a/fn"), "ghcr.io/a/fn:v0.5.1")
        XCTAssertEqual(try ImageNames.applyingTag("v2", to: "localhost:5000/fn:v1"), "localhost:5000/fn:v2")
        XCTAssertEqual(try ImageNames.applyingTag(nil, to: "ghcr.io/a/fn:v1"), "ghcr.io/a/fn:v1")
        XCTAssertThrowsError(try ImageNames.applyingTag("~v0.5", to: "ghcr.io/a/fn"))
    }

    func testExecRunnerPassesStdinAndCapturesStderr() throws {
        let runner = ExecFunctionRunner(path: "/bin/sh", arguments: ["-c", "echo warn >&2; tr a-z A-Z"])
        let out = try runner.run(input: Array("hello\n".utf8))
        XCTAssertEqual(String(decoding: out.output, as: UTF8.self), "HELLO\n")
        XCTAssertEqual(out.stderr, "warn\n")
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

    func testGoQuote() {
        XCTAssertEqual(GoQuote.quote("a \"b\"\n\tc\\"), #""a \"b\"\n\tc\\""#)
    }
}
