import XCTest
import GoJSHost

/// Bigger and deeper inputs than the oracle tests: many items, non-ASCII
/// text and deep nesting (deep Go recursion in yaml.v3 uses the engine's
/// call stack). The native build of the same function is the oracle.
final class KRMStressTests: XCTestCase {
    static func input(items: Int, depth: Int) -> String {
        var lines = ["apiVersion: config.kubernetes.io/v1", "kind: ResourceList", "items:"]
        for i in 0..<items {
            lines += ["- apiVersion: v1", "  kind: ConfigMap", "  metadata:", "    name: cm-\(i) # cømment ✓",
                      "  data:", "    text: \"ünïcødé 日本語 😀 line \(i)\"", "    multi: |", "      first line", "      second line"]
        }
        lines += ["- apiVersion: v1", "  kind: ConfigMap", "  metadata:", "    name: deep", "  data:"]
        var indent = "    "
        for level in 0..<depth {
            lines.append(indent + "level\(level):")
            indent += "  "
        }
        lines.append(indent + "leaf: x")
        return lines.joined(separator: "\n") + "\n"
    }

    func testManyItemsUnicodeAndDeepNesting() throws {
        let input = Self.input(items: 30, depth: 100)
        let native = try Fixtures.native("set-annotation", input: input)
        XCTAssertEqual(native.status, 0, native.stderrText)
        let started = ContinuousClock.now
        let ours = try KRMFunction(module: try GoProgramOracleTests.module("set-annotation"),
                                   limits: GoHostLimits(timeout: .seconds(300))).run(resourceList: input)
        print("[timing] set-annotation, \(input.utf8.count) bytes, 31 items, 100 deep: \(ContinuousClock.now - started)")
        XCTAssertEqual(ours.output, native.stdoutText)
        XCTAssertTrue(ours.output.contains("ünïcødé 日本語"))
    }
}
