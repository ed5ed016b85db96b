import XCTest
@testable import GoText

/// GoQuote and GoJSONString against Go's strconv.Quote and encoding/json on strings chosen to
/// hit every escape rule.
final class GoQuoteTests: XCTestCase {
    /// Valid UTF-8: both quoters apply.
    static let strings = [
        "", "plain", "unable to process: x\n", "tab\tquote\" back\\slash", "ünïcødé ✓ 日本",
        "\u{00}\u{01}\u{07}\u{08}\u{0B}\u{0C}\r\u{1B}\u{1F}\u{7F}", "del\u{7F}", "c1 \u{80}\u{85}\u{9F}",
        "nbsp\u{A0}x", "soft\u{AD}hyphen", "zero\u{200B}width", "ls\u{2028}ps\u{2029}", "bom\u{FEFF}",
        "replacement \u{FFFD}", "emoji 😀 flag 🇩🇪 zwj 👩‍💻", "private \u{E000}", "plane 16 \u{10FFFD}",
        "em\u{2003}space", "<script>&amp;</script>", "combining e\u{301}", "noncharacter \u{FFFF}",
    ]

    /// Bytes that are not UTF-8: strconv.Quote only (a Swift String cannot hold them).
    static let invalid: [[UInt8]] = [
        [0xFF], [0x61, 0x80, 0x62], [0xE2, 0x82], [0xE2, 0x82, 0x61], [0xED, 0xA0, 0x80],   // truncated, surrogate
        [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xEF, 0xBF, 0xBD, 0xFE],  // overlong, > U+10FFFF
    ]

    func testStringsMatchGo() throws {
        let go = try GoQuoteOracle.quotes(Self.strings.map { Array($0.utf8) })
        XCTAssertEqual(go.count, Self.strings.count)
        for (s, want) in zip(Self.strings, go) {
            XCTAssertEqual(GoQuote.quote(s), want.strconv, "strconv.Quote of \(Array(s.unicodeScalars))")
            XCTAssertEqual(GoJSONString.quote(s), want.json, "json.Marshal of \(Array(s.unicodeScalars))")
        }
    }

    func testInvalidUTF8MatchesGo() throws {
        let go = try GoQuoteOracle.quotes(Self.invalid)
        XCTAssertEqual(go.count, Self.invalid.count)
        for (bytes, want) in zip(Self.invalid, go) {
            XCTAssertEqual(GoQuote.quote(utf8: bytes), want.strconv, "strconv.Quote of \(bytes)")
        }
    }
}
