import Foundation
import XCTest
@testable import KptFn

/// Issue 5: `kpt fn render` pipelines of Go wasm functions, run through the `kpt` binary, with
/// exact files and console output (kpt.md §5).
final class RenderPipelineTests: XCTestCase {
    private func fn(_ name: String) throws -> String { try OracleRun.wasmFunction(name) }

    private func render(_ package: OraclePackages.Shape, environment: [String: String] = [:]) throws
        -> (status: Int32, stderr: String, before: [String: String], after: [String: String]) {
        let kpt = try E2E.kptBinary()
        let dir = try package.materialize()
        let before = try E2E.snapshot(dir)
        let out = try OracleRun.runKpt(kpt, ["fn", "render", package.name, "--allow-alpha-wasm", "--allow-exec"],
                                       cwd: (dir as NSString).deletingLastPathComponent, environment: environment)
        XCTAssertEqual(out.stdout, "")
        return (out.status, E2E.normalize(out.stderr, tmp: dir).replacingOccurrences(of: Fixtures.root, with: "@FIXTURES@"),
                before, try E2E.snapshot(dir))
    }

    private func kptfile(_ name: String, _ pipeline: String) -> String {
        "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: \(name)\npipeline:\n" + pipeline
    }

    private func running(_ fn: String, on count: Int? = nil) -> String {
        "[RUNNING] WASM \"@FIXTURES@/bin/wasm/\(fn).wasm\"" + (count.map { " on \($0) resource(s)" } ?? "") + "\n"
            + "[PASS] \"@FIXTURES@/bin/wasm/\(fn).wasm\" in 0s\n"
    }

    // MARK: multi-step pipeline

    func testMultiStepPipelineFeedsEachStepThePreviousOutput() throws {
        let set = try fn("set-annotation"), addDelete = try fn("add-delete")
        let shape = OraclePackages.Shape(name: "steps", files: [
            "Kptfile": kptfile("steps", """
                  mutators:
                  - exec: \(set)
                    configMap:
                      step: one
                  - exec: \(addDelete)
                  - exec: \(set)
                    configMap:
                      step: three

                """),
            "app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  k: v\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: pw\n",
        ], resourceNames: [])
        let run = try render(shape)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "Package \"steps\":\n" + running("set-annotation") + running("add-delete") + running("set-annotation")
                       + "Successfully executed 3 function(s) in 1 package(s).\n")
        XCTAssertEqual(run.after.keys.sorted(), ["Kptfile", "app.yaml", "inventory.yaml"])
        // Step 1 annotated app and the Kptfile, step 2 dropped the Secret and generated the inventory
        // (listing step 1's survivors), step 3 overwrote `step` on everything, inventory included.
        XCTAssertEqual(run.after["app.yaml"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  annotations:\n    step: three\ndata:\n  k: v\n")
        XCTAssertEqual(run.after["inventory.yaml"], """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: inventory
              annotations:
                step: three
            data:
              resources: Kptfile/steps,ConfigMap/app

            """)
        XCTAssertTrue(run.after["Kptfile"]?.contains("  annotations:\n    step: three\n") == true, run.after["Kptfile"] ?? "")
    }

    // MARK: selectors and exclude

    func testSelectorsAndExclude() throws {
        let set = try fn("set-annotation")
        let shape = OraclePackages.Shape(name: "select", files: [
            "Kptfile": kptfile("select", """
                  mutators:
                  - exec: \(set)
                    configMap:
                      picked: "yes"
                    selectors:
                    - kind: ConfigMap
                    - name: web
                    exclude:
                    - name: skip-me

                """),
            "r.yaml": """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: skip-me
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: other

                """,
        ], resourceNames: [])
        let run = try render(shape)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "Package \"select\":\n" + running("set-annotation", on: 2)
                       + "Successfully executed 1 function(s) in 1 package(s).\n")
        // The Go function writes `yes` plain (a string to yaml.v3) and kpt keeps scalar styles.
        XCTAssertEqual(run.after["r.yaml"], """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
              annotations:
                picked: yes
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: skip-me
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              annotations:
                picked: yes
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: other

            """)
        XCTAssertEqual(run.after["Kptfile"], run.before["Kptfile"])
    }

    // MARK: configPath

    func testConfigPathIsTheFunctionConfigAndStaysAnInputItem() throws {
        let set = try fn("set-annotation")
        let shape = OraclePackages.Shape(name: "config", files: [
            "Kptfile": kptfile("config", "  mutators:\n  - exec: \(set)\n    configPath: fn-config.yaml\n"),
            "fn-config.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fn-config\ndata:\n  team: blue\n",
            "app.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n",
        ], resourceNames: [])
        let run = try render(shape)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.after["app.yaml"], "apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n  annotations:\n    team: blue\n")
        XCTAssertEqual(run.after["fn-config.yaml"],
                       "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fn-config\n  annotations:\n    team: blue\ndata:\n  team: blue\n")
        XCTAssertFalse(run.after.values.contains { $0.contains("processed-by") }, "the configPath data was used, not the default")
    }

    // MARK: nested subpackages (and one module used in three steps)

    private func nestedTree() throws -> OraclePackages.Shape {
        let set = try fn("set-annotation")
        func step(_ key: String) -> String { "  mutators:\n  - exec: \(set)\n    configMap:\n      \(key): \"yes\"\n" }
        return OraclePackages.Shape(name: "root", files: [
            "Kptfile": kptfile("root", step("seen-by-root")),
            "root.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r\n",
            "mid/Kptfile": kptfile("mid", step("seen-by-mid")),
            "mid/mid.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n",
            "mid/leaf/Kptfile": kptfile("leaf", step("seen-by-leaf")),
            "mid/leaf/leaf.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l\n",
        ], resourceNames: [])
    }

    func testNestedSubpackagesRenderChildrenFirstAndAncestorsSeeDescendants() throws {
        let run = try render(try nestedTree())
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "Package \"root/mid/leaf\":\n" + running("set-annotation")
                       + "Package \"root/mid\":\n" + running("set-annotation")
                       + "Package \"root\":\n" + running("set-annotation")
                       + "Successfully executed 3 function(s) in 3 package(s).\n")
        func annotated(_ name: String, _ keys: [String]) -> String {
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n  annotations:\n"
                + keys.map { "    \($0): yes\n" }.joined()
        }
        XCTAssertEqual(run.after["mid/leaf/leaf.yaml"], annotated("l", ["seen-by-leaf", "seen-by-mid", "seen-by-root"]))
        XCTAssertEqual(run.after["mid/mid.yaml"], annotated("m", ["seen-by-mid", "seen-by-root"]))
        XCTAssertEqual(run.after["root.yaml"], annotated("r", ["seen-by-root"]))
    }

    func testOneModuleInThreeStepsIsDecodedAndTranslatedOnce() throws {
        let run = try render(try nestedTree(), environment: ["KPT_WASM_CACHE_TRACE": "1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("[PASS]") }.count, 3, run.stderr)
        XCTAssertEqual(lines.filter { $0.hasPrefix("wasm-cache: parse module") }.count, 1, run.stderr)
        XCTAssertEqual(lines.filter { $0.hasPrefix("wasm-cache: start module") }.count, 1, run.stderr)
    }

    // MARK: validators

    func testFailingValidatorFailsTheRenderAndWritesNothing() throws {
        let set = try fn("set-annotation"), validate = try fn("error-results")
        let shape = OraclePackages.Shape(name: "invalid", files: [
            "Kptfile": kptfile("invalid", """
                  mutators:
                  - exec: \(set)
                  validators:
                  - exec: \(validate)
                    configMap:
                      fail: "true"

                """),
            "app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n",
        ], resourceNames: [])
        let run = try render(shape)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.after, run.before, "a failed render changes no file (the mutator's output is dropped)")
        XCTAssertTrue(run.stderr.hasPrefix("Package \"invalid\":\n" + running("set-annotation")
                                           + "[RUNNING] WASM \"@FIXTURES@/bin/wasm/error-results.wasm\"\n"
                                           + "[FAIL] \"@FIXTURES@/bin/wasm/error-results.wasm\" in 0s\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("asked to fail by functionConfig"), run.stderr)
        XCTAssertFalse(run.stderr.contains("Successfully executed"), run.stderr)
    }

    /// kpt.md §5.3: validators get deep copies and their output is discarded.
    func testValidatorThatMutatesChangesNothing() throws {
        let set = try fn("set-annotation"), addDelete = try fn("add-delete")
        let files = [
            "Kptfile": kptfile("validated", "  validators:\n  - exec: \(set)\n  - exec: \(addDelete)\n"),
            "app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app # keep\ndata:\n  k: v\n",
            "secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: pw\n",
        ]
        let run = try render(OraclePackages.Shape(name: "validated", files: files, resourceNames: []))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "Package \"validated\":\n" + running("set-annotation") + running("add-delete")
                       + "Successfully executed 2 function(s) in 1 package(s).\n")
        XCTAssertEqual(run.after, files, "the validators' annotations, deletion and new inventory are all discarded")
    }

    // MARK: identity

    func testIdentityPipelineLeavesEveryFileByteIdentical() throws {
        let identity = try fn("identity")
        var files = IdentityPackage.files
        files["Kptfile"] = IdentityPackage.kptfile(identity: identity)
        files["sub/Kptfile"] = "# A subpackage.\napiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: sub\npipeline:\n  mutators:\n  - exec: \(identity)\n"
        let run = try render(OraclePackages.Shape(name: "identity", files: files, resourceNames: []))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "Package \"identity/sub\":\n" + running("identity")
                       + "Package \"identity\":\n" + running("identity") + running("identity") + running("identity")
                       + "Successfully executed 4 function(s) in 2 package(s).\n")
        XCTAssertEqual(run.after.keys.sorted(), files.keys.sorted())
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(run.after[path], text, "\(path) must stay byte-identical")
        }
    }
}
