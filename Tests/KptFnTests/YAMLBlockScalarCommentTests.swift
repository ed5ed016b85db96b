import XCTest
@testable import KptFn

/// Found by RenderPipelineTests.testIdentityPipelineLeavesEveryFileByteIdentical: a `- # comment`
/// item right after a block scalar. yaml.v3 (checked with Go: Unmarshal + Marshal) keeps the
/// comment as the head of the next item; it must not become the block scalar's line comment
/// (`keep: | # c`), which a second round trip then turns into scalar content.
final class YAMLBlockScalarCommentTests: XCTestCase {
    func testCommentedItemAfterBlockScalarRoundTrips() throws {
        let text = "items:\n- kind: A\n  data:\n    keep: |\n      kept\n- # Second document.\n  kind: B\n"
        let documents = try YAML.parse(text)
        XCTAssertEqual(YAML.serialize(documents, sequenceIndent: .compact), text)
    }
}
