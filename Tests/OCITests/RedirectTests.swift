import Foundation
import XCTest
@testable import OCI

/// Redirects are followed by our code: credentials stay with the registry's host and PUT bodies are re-sent.
final class RedirectTests: XCTestCase {
    func testRedirectedBlobsAndManifestPuts() throws {
        let registry = try LocalRegistry(auth: .none)
        defer { registry.stop() }
        let proxy = try RedirectingProxy(upstreamPort: registry.port, user: "carol", password: "pw")
        defer { proxy.stop() }
        let options = RegistryOptions(keychain: StaticKeychain([proxy.host: .basic(username: "carol", password: "pw")]))
        let image = "\(proxy.host)/fns/redirected:v1"
        let module = TestImages.module(size: 80_000, seed: 41)

        let pushed = try WasmImagePusher(options: options).push(module: module, fileName: "fn.wasm", to: image)
        XCTAssertEqual(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: image)).bytes, module)

        let log = proxy.requests()
        let storage = log.filter { ($0["path"] as? String)?.hasPrefix("/storage/") == true }
        XCTAssertFalse(storage.isEmpty, "blob downloads were not redirected: \(log)")
        XCTAssertTrue(storage.allSatisfy { ($0["auth"] as? Bool) == false }, "credentials leaked to another host: \(storage)")
        XCTAssertTrue(storage.allSatisfy { ($0["host"] as? String)?.hasPrefix("localhost:") == true }, "\(storage)")

        // Both manifest PUTs (image by digest, index by tag) were redirected and arrived with their bodies.
        let redirectedPuts = log.filter { ($0["method"] as? String) == "PUT" && ($0["path"] as? String)?.hasPrefix("/redirected/") == true }
        XCTAssertEqual(redirectedPuts.count, 2, "\(log)")
        XCTAssertTrue(redirectedPuts.allSatisfy { ($0["body"] as? Int ?? 0) > 100 && ($0["auth"] as? Bool) == true }, "\(redirectedPuts)")
        let direct = RegistryClient(registry: registry.host, repository: "fns/redirected", options: RegistryOptions(keychain: AnonymousKeychain()))
        XCTAssertEqual(try direct.manifest("v1").digest, pushed.indexDigest)
    }

    func testTransientFailuresAreRetriedAndPersistentOnesReported() throws {
        let registry = try LocalRegistry(auth: .none)
        defer { registry.stop() }
        let proxy = try RedirectingProxy(upstreamPort: registry.port, user: "carol", password: "pw")
        defer { proxy.stop() }
        let options = RegistryOptions(keychain: StaticKeychain([proxy.host: .basic(username: "carol", password: "pw")]))
        let module = TestImages.module(size: 1000, seed: 42)
        try WasmImagePusher(options: options).push(module: module, fileName: "fn.wasm", to: "\(proxy.host)/fns/r:flaky")
        XCTAssertEqual(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: "\(proxy.host)/fns/r:flaky")).bytes, module)
        let flakyGets = proxy.requests().filter { ($0["path"] as? String) == "/v2/fns/r/manifests/flaky" && ($0["method"] as? String) == "GET" }
        XCTAssertEqual(flakyGets.count, 4, "two 503s, then the push's 404 and the pull's 200")

        XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: "\(proxy.host)/fns/r:down"))) { error in
            guard let e = error as? RegistryError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.status, 503)
            XCTAssertTrue("\(e)".contains("registry \(proxy.host), repository fns/r: GET manifest down: HTTP 503"), "\(e)")
        }
        let downGets = proxy.requests().filter { ($0["path"] as? String) == "/v2/fns/r/manifests/down" }
        XCTAssertEqual(downGets.count, 3)
    }

    func testConnectionClosedMidDownloadIsATruncatedDownload() throws {
        let registry = try LocalRegistry(auth: .none)
        defer { registry.stop() }
        let proxy = try RedirectingProxy(upstreamPort: registry.port, user: "carol", password: "pw")
        defer { proxy.stop() }
        let options = RegistryOptions(keychain: StaticKeychain([proxy.host: .basic(username: "carol", password: "pw")]))
        let image = "\(proxy.host)/fns/cut:v1"
        try WasmImagePusher(options: options).push(module: TestImages.module(size: 60_000, seed: 43), fileName: "fn.wasm", to: image)
        XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: image))) { error in
            guard let e = error as? RegistryError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.kind, .sizeMismatch, "\(e)")
            XCTAssertTrue("\(e)".contains("truncated download") && "\(e)".contains("repository fns/cut"), "\(e)")
        }
    }
}
