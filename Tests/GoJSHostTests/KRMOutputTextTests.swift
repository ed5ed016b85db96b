import XCTest
@testable import GoJSHost

/// The texts KRMFunction builds its errors from.
final class KRMOutputTextTests: XCTestCase {
    /// Go's strconv.Quote (a native build) is the oracle for `%q`.
    func testQuoteMatchesGo() throws {
        try Fixtures.require()
        let samples = ["plain", "unable to process: x\n", "tab\tquote\" back\\slash", "ünïcødé ✓ 日本",
                       "\u{07}\u{08}\u{0C}\u{0B}\r\u{01}\u{7F}", "zero\u{200B}width", "emoji 😀", "", "nbsp\u{A0}x"]
        let run = Run.process(Fixtures.nativePath("quote"), [], stdin: Array(samples.joined(separator: "\0").utf8))
        XCTAssertEqual(run.status, 0, run.stderrText)
        let expected = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertEqual(expected.count, samples.count)
        for (s, want) in zip(samples, expected) {
            XCTAssertEqual(GoQuote.quote(s), want)
        }
    }

    func testResourceListDetection() {
        XCTAssertTrue(ResourceListCheck.looksLikeResourceList("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n"))
        XCTAssertTrue(ResourceListCheck.looksLikeResourceList("kind: \"ResourceList\" # quoted\n"))
        XCTAssertTrue(ResourceListCheck.looksLikeResourceList(#"{"apiVersion": "v1", "kind" : "ResourceList", "items": []}"#))
        XCTAssertFalse(ResourceListCheck.looksLikeResourceList("unable to process resource list: kind: ResourceList missing"))
        XCTAssertFalse(ResourceListCheck.looksLikeResourceList("items:\n- kind: ResourceList\n"), "only a top-level kind counts")
        XCTAssertFalse(ResourceListCheck.looksLikeResourceList("kind: List\n"))
        XCTAssertFalse(ResourceListCheck.looksLikeResourceList(""))
    }
}
