import XCTest
@testable import KptFn

final class ResultsTests: XCTestCase {
    func testResultLineFormat() {
        XCTAssertEqual(ResultLine.format(ResultItem(message: "updated")), "[info]: updated")
        let full = ResultItem(message: "too many", severity: "error",
                              resourceRef: .init(apiVersion: "apps/v1", kind: "Deployment", name: "nginx", namespace: "prod"),
                              field: .init(path: "spec.replicas"))
        XCTAssertEqual(ResultLine.format(full), "[error] apps/v1/Deployment/prod/nginx spec.replicas: too many")
    }

    func testReporterPrintsKptBlocksAndTruncates() {
        var out = ""
        let reporter = ConsoleReporter(truncate: true) { out += $0 }
        reporter.running("ghcr.io/org/fn:v1", wasm: true, selectedCount: 2)
        let result = FunctionResult(reference: .image("ghcr.io/org/fn:v1"), stderr: "l1\nl2\nl3\nl4\nl5\nl6\n",
                                    exitCode: 1, results: [ResultItem(message: "bad", severity: "error")])
        reporter.finished("ghcr.io/org/fn:v1", passed: false, duration: .milliseconds(12), result: result, showExitCode: true)
        XCTAssertEqual(out, """
        [RUNNING] WASM "ghcr.io/org/fn:v1" on 2 resource(s)
        [FAIL] "ghcr.io/org/fn:v1" in 12ms
          [Results]:
            [error]: bad
          Stderr:
            l1
            l2
            l3
            l4
            ...(2 line(s) truncated, use '--truncate-output=false' to disable)
          Exit code: 1


        """)
    }

    func testReporterWithoutTruncation() {
        var out = ""
        let reporter = ConsoleReporter(truncate: false) { out += $0 }
        let result = FunctionResult(reference: .exec("./fn"), stderr: "1\n2\n3\n4\n5")
        reporter.finished("./fn", passed: true, duration: .zero, result: result)
        XCTAssertEqual(out, "[PASS] \"./fn\" in 0s\n  Stderr:\n    1\n    2\n    3\n    4\n    5\n")
    }

    func testResultsFileReadsBackAsTheSameData() throws {
        var list = FunctionResultList()
        list.items.append(FunctionResult(reference: .image("ghcr.io/a/b:v1"), stderr: "line one\nline: two\n", exitCode: 1, results: [
            ResultItem(message: "needs 'quotes': yes", severity: "error",
                       resourceRef: .init(apiVersion: "v1", kind: "ConfigMap", name: "true"),
                       field: .init(path: "data.x", currentValue: "3", proposedValue: "null"),
                       file: .init(path: "cm.yaml", index: 0), tags: [("team", "no")]),
        ]))
        list.items.append(FunctionResult(reference: .exec("./fn.wasm")))
        list.exitCode = 1
        let text = ResultsFileWriter.yaml(list)
        XCTAssertTrue(text.hasPrefix("apiVersion: kpt.dev/v1\nkind: FunctionResultList\nmetadata:\n  name: fnresults\nexitCode: 1\nitems:\n  - image: ghcr.io/a/b:v1\n"), text)
        // Oracle: the YAML parser reads every value back unchanged and with string type.
        let root = try XCTUnwrap(YAML.parseDocument(text)).fnRoot
        let items = try XCTUnwrap(root.fnValue("items"))
        XCTAssertEqual(items.content.count, 2)
        let first = items.content[0]
        XCTAssertEqual(first.fnString("stderr"), "line one\nline: two\n")
        XCTAssertEqual(first.fnString("exitCode"), "1")
        let r = try XCTUnwrap(first.fnValue("results")?.content.first)
        XCTAssertEqual(r.fnString("message"), "needs 'quotes': yes")
        XCTAssertEqual(r.fnValue(path: ["resourceRef", "name"])?.tag, "!!str")
        XCTAssertEqual(r.fnString("resourceRef", "name"), "true")
        XCTAssertEqual(r.fnValue(path: ["field", "currentValue"])?.tag, "!!str")
        XCTAssertEqual(r.fnValue(path: ["field", "proposedValue"])?.tag, "!!str")
        XCTAssertEqual(r.fnString("file", "index"), "0")
        XCTAssertEqual(r.fnValue(path: ["tags", "team"])?.tag, "!!str")
        XCTAssertEqual(items.content[1].fnString("exec"), "./fn.wasm")
        XCTAssertNil(items.content[1].fnValue("results"))
    }

    func testResultsParserAcceptsListAndLegacyForms() throws {
        let list = try XCTUnwrap(YAML.parseDocument("""
        - message: m1
          severity: warning
          resourceRef: {apiVersion: v1, kind: Pod, name: p, namespace: ns}
          field: {path: a.b, proposedValue: x}
        """)).fnRoot
        XCTAssertEqual(ResultsParser.parse(list), [ResultItem(message: "m1", severity: "warning",
            resourceRef: .init(apiVersion: "v1", kind: "Pod", name: "p", namespace: "ns"),
            field: .init(path: "a.b", proposedValue: "x"))])
        let legacy = try XCTUnwrap(YAML.parseDocument("""
        items:
          - message: old
            resourceRef: {kind: Pod, metadata: {name: p}}
            field: {path: x, suggestedValue: y}
        """)).fnRoot
        XCTAssertEqual(ResultsParser.parse(legacy), [ResultItem(message: "old",
            resourceRef: .init(kind: "Pod", name: "p"), field: .init(path: "x", proposedValue: "y"))])
    }
}
