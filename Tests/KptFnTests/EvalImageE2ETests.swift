import Foundation
import XCTest
@testable import KptFn

/// `fn eval -i` / Kptfile `image:` against a real local registry (Debian's docker-registry):
/// push with `kpt alpha wasm push`, then run the image as a wasm function.
final class EvalImageE2ETests: XCTestCase {
    private var registry: Process?
    private var port = 0
    private var work = ""

    override func setUpWithError() throws {
        let executable = "/usr/bin/docker-registry"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("docker-registry is not installed") }
            throw XCTSkip("docker-registry is not installed (apt-get install docker-registry)")
        }
        work = try Fixtures.temporaryDirectory()
        port = Int.random(in: 20000..<60000)
        let config = """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: \(work)/registry
        http:
          addr: 127.0.0.1:\(port)
          secret: kptfn-e2e

        """
        try config.write(toFile: work + "/config.yml", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", work + "/config.yml"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        registry = process
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/v2/")!)) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("docker-registry did not start on port \(port)")
    }

    override func tearDown() {
        if let r = registry, r.isRunning {
            r.terminate()
            r.waitUntilExit()
        }
        registry = nil
    }

    /// Runs kpt with its own wasm cache; returns (exit code, stdout, stderr).
    private func kpt(_ args: [String], kpt: String) throws -> (Int32, String, String) {
        let run = try OracleRun.runKpt(kpt, args, cwd: work, environment: ["XDG_CACHE_HOME": work + "/cache"])
        return (run.status, run.stdout, run.stderr)
    }

    func testEvalAndRenderRunAPushedWasmImage() throws {
        let kptPath = try E2E.kptBinary()
        _ = Fixtures.goFixturesBuilt
        let module = Fixtures.root + "/bin/wasm/set-annotation.wasm"
        guard FileSystem.exists(module) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("missing \(module)") }
            throw XCTSkip("Go fixtures not built")
        }
        let image = "127.0.0.1:\(port)/fns/set-annotation:v1"
        let push = try kpt(["alpha", "wasm", "push", module, image], kpt: kptPath)
        XCTAssertEqual(push.0, 0, push.2)

        // fn eval -i
        let pkg = work + "/pkg"
        try FileManager.default.copyItem(atPath: E2E.casesRoot + "/fn-eval/wasm-exec/pkg", toPath: pkg)
        let eval = try kpt(["fn", "eval", "pkg", "--allow-alpha-wasm", "-i", image, "--", "owner=team-a"], kpt: kptPath)
        XCTAssertEqual(eval.0, 0, eval.2)
        XCTAssertTrue(eval.2.hasPrefix("[RUNNING] WASM \"\(image)\"\n[PASS] \"\(image)\" in "), eval.2)
        XCTAssertEqual(Fixtures.read(pkg + "/resources.yaml").components(separatedBy: "owner: team-a").count, 3)

        // Without --allow-alpha-wasm the image is a container function, which needs a container runtime.
        let refused = try kpt(["fn", "eval", "pkg", "-i", image], kpt: kptPath)
        XCTAssertEqual(refused.0, 1)
        XCTAssertTrue(refused.2.contains("container functions need a container runtime"), refused.2)

        // fn render with an image: step (no --allow-exec needed).
        try """
        apiVersion: kpt.dev/v1
        kind: Kptfile
        metadata:
          name: app
        pipeline:
          mutators:
            - image: \(image)
              configMap:
                tier: web
        """.write(toFile: pkg + "/Kptfile", atomically: true, encoding: .utf8)
        let render = try kpt(["fn", "render", "pkg", "--allow-alpha-wasm"], kpt: kptPath)
        XCTAssertEqual(render.0, 0, render.2)
        XCTAssertEqual(E2E.normalize(render.2, tmp: work), """
        Package "pkg":
        [RUNNING] WASM "\(image)"
        [PASS] "\(image)" in 0s
        Successfully executed 1 function(s) in 1 package(s).

        """)
        XCTAssertTrue(Fixtures.read(pkg + "/resources.yaml").contains("tier: web"))

        // A Kptfile tag: constraint picks the highest matching tag from the registry.
        for tag in ["v0.4.0", "v0.4.3", "v0.5.0"] {
            let pushed = try kpt(["alpha", "wasm", "push", module, "127.0.0.1:\(port)/fns/set-annotation:\(tag)"], kpt: kptPath)
            XCTAssertEqual(pushed.0, 0, pushed.2)
        }
        try Fixtures.read(pkg + "/Kptfile").replacingOccurrences(of: "- image: \(image)",
            with: "- image: 127.0.0.1:\(port)/fns/set-annotation\n      tag: ~v0.4")
            .write(toFile: pkg + "/Kptfile", atomically: true, encoding: .utf8)
        let constrained = try kpt(["fn", "render", "pkg", "--allow-alpha-wasm"], kpt: kptPath)
        XCTAssertEqual(constrained.0, 0, constrained.2)
        XCTAssertTrue(constrained.2.contains("[RUNNING] WASM \"127.0.0.1:\(port)/fns/set-annotation:v0.4.3\"\n"), constrained.2)

        // An image that is not in the registry fails before anything runs.
        let missing = try kpt(["fn", "eval", "pkg", "--allow-alpha-wasm", "-i", "127.0.0.1:\(port)/fns/nope:v1"], kpt: kptPath)
        XCTAssertEqual(missing.0, 1)
        XCTAssertTrue(missing.2.hasPrefix("error: unable to load image from 127.0.0.1:\(port)/fns/nope:v1: "), missing.2)
        XCTAssertFalse(missing.2.contains("[RUNNING]"), missing.2)
    }
}
