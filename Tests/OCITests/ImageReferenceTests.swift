import XCTest
@testable import OCI

final class ImageReferenceTests: XCTestCase {
    func testDefaultsFollowDockerRules() throws {
        let r = try ImageReference(parsing: "set-labels")
        XCTAssertEqual(r.registry, "index.docker.io")
        XCTAssertEqual(r.repository, "library/set-labels")
        XCTAssertEqual(r.tag, "latest")
        XCTAssertNil(r.digest)
        XCTAssertEqual(r.qualified, "index.docker.io/library/set-labels:latest")

        let hub = try ImageReference(parsing: "docker.io/org/fn:v2")
        XCTAssertEqual(hub.registry, "index.docker.io")
        XCTAssertEqual(hub.repository, "org/fn")
        XCTAssertEqual(hub.tag, "v2")

        let ghcr = try ImageReference(parsing: "ghcr.io/kptdev/krm-functions-catalog/set-labels:v0.2.0")
        XCTAssertEqual(ghcr.registry, "ghcr.io")
        XCTAssertEqual(ghcr.repository, "kptdev/krm-functions-catalog/set-labels")
        XCTAssertEqual(ghcr.tag, "v0.2.0")
        XCTAssertEqual(ghcr.description, "ghcr.io/kptdev/krm-functions-catalog/set-labels:v0.2.0")
    }

    func testPortsLocalhostAndDigests() throws {
        let local = try ImageReference(parsing: "localhost/fn")
        XCTAssertEqual(local.registry, "localhost")
        XCTAssertEqual(local.repository, "fn")
        let port = try ImageReference(parsing: "127.0.0.1:5000/a/b")
        XCTAssertEqual(port.registry, "127.0.0.1:5000")
        XCTAssertEqual(port.repository, "a/b")
        XCTAssertEqual(port.tag, "latest")
        let hex = String(repeating: "ab", count: 32)
        let d = try ImageReference(parsing: "127.0.0.1:5000/a/b@sha256:\(hex)")
        XCTAssertNil(d.tag)
        XCTAssertEqual(d.digest?.hex, hex)
        XCTAssertEqual(d.identifier, "sha256:\(hex)")
        let both = try ImageReference(parsing: "reg.io/a:v1@sha256:\(hex)")
        XCTAssertEqual(both.tag, "v1")
        XCTAssertEqual(both.identifier, "sha256:\(hex)")
        // "user/repo" without a dot or colon in the first segment stays on Docker Hub.
        let user = try ImageReference(parsing: "user/repo:1.0")
        XCTAssertEqual(user.registry, "index.docker.io")
        XCTAssertEqual(user.repository, "user/repo")
    }

    func testRejectsBadReferences() {
        let hex = String(repeating: "ab", count: 32)
        for bad in ["", "Upper/case", "a//b", "a:bad tag", "a@sha256:123", "a@md5:\(hex)", "reg.io/", ":v1", "a:-x"] {
            XCTAssertThrowsError(try ImageReference(parsing: bad), bad) { error in
                XCTAssertTrue("\(error)".contains("invalid"), "\(error)")
            }
        }
        XCTAssertThrowsError(try ImageReference(parsing: "reg.io/a@sha256:\(hex)", requireTag: true))
    }

    func testPlainHTTPOnlyForLoopbackUnlessInsecure() {
        let options = RegistryOptions(keychain: AnonymousKeychain())
        XCTAssertEqual(options.scheme(for: "127.0.0.1:5000"), "http")
        XCTAssertEqual(options.scheme(for: "localhost:5000"), "http")
        XCTAssertEqual(options.scheme(for: "localhost"), "http")
        XCTAssertEqual(options.scheme(for: "[::1]:5000"), "http")
        XCTAssertEqual(options.scheme(for: "ghcr.io"), "https")
        XCTAssertEqual(options.scheme(for: "localhost.example.com:5000"), "https")
        XCTAssertEqual(options.scheme(for: "10.0.0.1:5000"), "https")
        XCTAssertEqual(RegistryOptions(keychain: AnonymousKeychain(), insecure: true).scheme(for: "reg.example:5000"), "http")
    }

    func testPullPolicyFlagValues() {
        XCTAssertEqual(ImagePullPolicy(flag: "Always"), .always)
        XCTAssertEqual(ImagePullPolicy(flag: "ifnotpresent"), .ifNotPresent)
        XCTAssertEqual(ImagePullPolicy(flag: "NEVER"), .never)
        XCTAssertNil(ImagePullPolicy(flag: "sometimes"))
    }
}
