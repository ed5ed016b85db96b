import XCTest
@testable import GoJSHost

/// The texts KRMFunction builds its errors from.
final class KRMOutputTextTests: XCTestCase {
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
