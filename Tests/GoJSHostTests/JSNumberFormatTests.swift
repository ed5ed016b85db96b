import XCTest
@testable import GoJSHost

/// Number formatting against V8's `String(number)` as the oracle.
final class JSNumberFormatTests: XCTestCase {
    static let samples: [Double] = [
        1, -1, 1.5, 100, 1e21, 1e20, 1.2345678901234568e20, 1e-7, 1e-6, 0.000001234, 2.5e-5, 0.1, 0.30000000000000004,
        -0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, 4294967296, 9007199254740992, 123.456, -98765.4321, 1e100, 3.14159e-10,
        .nan, .infinity, -.infinity,
    ]

    func testMatchesNode() throws {
        let node = try Fixtures.requireNode()
        let literals = Self.samples.map { d -> String in
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return d == 0 && d.sign == .minus ? "-0" : "\(d)"
        }
        let script = "for (const x of [\(literals.joined(separator: ","))]) console.log(String(x));"
        let run = Run.process(node, ["-e", script])
        XCTAssertEqual(run.status, 0, run.stderrText)
        let expected = run.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertEqual(expected.count, Self.samples.count)
        for (d, want) in zip(Self.samples, expected) {
            XCTAssertEqual(JSNumberFormat.string(d), want, "formatting \(d)")
        }
    }
}
