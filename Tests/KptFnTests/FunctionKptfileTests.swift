import XCTest
@testable import KptFn

final class FunctionKptfileTests: XCTestCase {
    private func decode(_ text: String) throws -> Kptfile {
        try KptfileDecoder.decode(try XCTUnwrap(YAML.parseDocument(text)), path: "Kptfile")
    }

    func testPipelineFieldsDecode() throws {
        let k = try decode("""
        apiVersion: kpt.dev/v1
        kind: Kptfile
        metadata:
          name: app
        pipeline:
          mutators:
            - image: set-namespace:v0.4
              configMap:
                namespace: staging
              selectors:
                - kind: Deployment
                  labels: {tier: web}
              exclude:
                - name: skip-me
            - exec: ./fn.wasm
              name: local
              configPath: fn-config.yaml
          validators:
            - image: kubeval
        """)
        XCTAssertEqual(k.name, "app")
        XCTAssertEqual(k.mutators.count, 2)
        XCTAssertEqual(k.mutators[0].reference, .image("set-namespace:v0.4"))
        XCTAssertEqual(k.mutators[0].configMap?.map(\.key), ["namespace"])
        XCTAssertEqual(k.mutators[0].selectors, [ResourceSelector(kind: "Deployment", labels: ["tier": "web"])])
        XCTAssertEqual(k.mutators[0].exclusions, [ResourceSelector(name: "skip-me")])
        XCTAssertEqual(k.mutators[1].reference, .exec("./fn.wasm"))
        XCTAssertEqual(k.mutators[1].configPath, "fn-config.yaml")
        XCTAssertEqual(k.mutators[1].name, "local")
        XCTAssertEqual(k.validators.count, 1)
    }

    func testValidationMessagesMatchKpt() {
        func message(_ body: String) -> String {
            do { _ = try decode("apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: x\npipeline:\n" + body); return "" }
            catch { return "\(error)" }
        }
        XCTAssertEqual(message("  mutators:\n    - configMap: {a: b}\n"),
                       "Kptfile is invalid:\nField: `pipeline.mutators[0]`\nReason: must specify a functon (`image` or `exec`) to execute")
        XCTAssertEqual(message("  mutators:\n    - image: a\n      exec: b\n"),
                       "Kptfile is invalid:\nField: `pipeline.mutators[0]`\nReason: must not specify both `image` and `exec` at the same time")
        XCTAssertEqual(message("  validators:\n    - image: a\n      configPath: /abs.yaml\n"),
                       "Kptfile is invalid:\nField: `pipeline.validators[0].configPath`\nValue: \"/abs.yaml\"\nReason: path must be relative")
        XCTAssertEqual(message("  mutators:\n    - image: a\n      configPath: ../x.yaml\n"),
                       "Kptfile is invalid:\nField: `pipeline.mutators[0].configPath`\nValue: \"../x.yaml\"\nReason: path must not be outside the package")
        XCTAssertTrue(message("  mutators:\n    - image: a\n      bogus: 1\n").contains("field bogus not found in type v1.Function"))
    }

    func testOldKptfileVersionIsRejected() {
        XCTAssertThrowsError(try decode("apiVersion: kpt.dev/v1alpha2\nkind: Kptfile\nmetadata:\n  name: x\n")) {
            XCTAssertTrue("\($0)".hasPrefix("Kptfile at \"Kptfile\" has an old version (\"v1alpha2\") of the Kptfile schema."))
        }
    }
}
