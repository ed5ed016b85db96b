import XCTest
@testable import OCI

final class AuthChallengeTests: XCTestCase {
    func testBearerWithQuotedParameters() {
        let c = AuthChallenge.parse(#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull,push""#)
        XCTAssertEqual(c.count, 1)
        XCTAssertEqual(c.first?.scheme, "bearer")
        XCTAssertEqual(c.first?.realm, "https://auth.docker.io/token")
        XCTAssertEqual(c.first?.service, "registry.docker.io")
        XCTAssertEqual(c.first?.scope, "repository:library/alpine:pull,push")
    }

    func testBasicAndMultipleChallengesAndEscapes() {
        let c = AuthChallenge.parse(#"Basic realm="Registry Realm", BEARER Realm="http://127.0.0.1:1/t", service=unquoted, error="insufficient_scope", note="a\"b""#)
        XCTAssertEqual(c.map(\.scheme), ["basic", "bearer"])
        XCTAssertEqual(c[0].realm, "Registry Realm")
        XCTAssertEqual(c[1].realm, "http://127.0.0.1:1/t")
        XCTAssertEqual(c[1].service, "unquoted")
        XCTAssertEqual(c[1].parameters["error"], "insufficient_scope")
        XCTAssertEqual(c[1].parameters["note"], "a\"b")
    }

    func testGarbageYieldsNoUsableChallenge() {
        XCTAssertTrue(AuthChallenge.parse("").isEmpty)
        XCTAssertNil(AuthChallenge.parse("Bearer").first?.realm)
    }
}
