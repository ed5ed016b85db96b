import Foundation
import XCTest
@testable import OCI

/// Basic auth (htpasswd) and token auth (our token server) against a real `docker-registry`.
final class RegistryAuthTests: XCTestCase {
    var cleanups: [() -> Void] = []

    override func tearDown() {
        cleanups.reversed().forEach { $0() }
        cleanups = []
    }

    func options(_ credentials: Credentials, host: String) -> RegistryOptions {
        RegistryOptions(keychain: StaticKeychain([host: credentials]), chunkSize: 32 * 1024)
    }

    func testBasicAuthWithHtpasswd() throws {
        let htpasswd = try ToolCheck.require("htpasswd", package: "apache2-utils")
        let dir = try makeTempDir("htpasswd")
        cleanups.append { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("htpasswd").path
        let made = try runTool(htpasswd, ["-B", "-b", "-c", file, "alice", "s3cret"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let registry = try LocalRegistry(auth: .htpasswd(file: file))
        cleanups.append { registry.stop() }

        let image = "\(registry.host)/team/fn:v1"
        let module = TestImages.module(size: 100_000, seed: 11)
        let alice = options(.basic(username: "alice", password: "s3cret"), host: registry.host)
        try WasmImagePusher(options: alice).push(module: module, fileName: "fn.wasm", to: image)
        XCTAssertEqual(try WasmImageFetcher(options: alice).fetch(ImageReference(parsing: image)).bytes, module)

        for (who, creds) in [("anonymous access", Credentials.anonymous),
                             ("user \"alice\"", .basic(username: "alice", password: "wrong"))] {
            XCTAssertThrowsError(try WasmImageFetcher(options: options(creds, host: registry.host)).fetch(ImageReference(parsing: image))) { error in
                guard let e = error as? RegistryError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.kind, .unauthorized)
                XCTAssertEqual(e.status, 401)
                XCTAssertTrue("\(e)".contains("registry \(registry.host), repository team/fn") && "\(e)".contains(who), "\(e)")
            }
        }

        // The same credentials found through $DOCKER_CONFIG/config.json.
        let auth = Data("alice:s3cret".utf8).base64EncodedString()
        try Data(#"{"auths":{"\#(registry.host)":{"auth":"\#(auth)"}}}"#.utf8).write(to: dir.appendingPathComponent("config.json"))
        let keychain = DockerKeychain(environment: ["HOME": dir.appendingPathComponent("nohome").path, "DOCKER_CONFIG": dir.path])
        let viaConfig = RegistryOptions(keychain: keychain)
        XCTAssertEqual(try WasmImageLoader(cacheDirectory: dir.appendingPathComponent("cache"), options: viaConfig)
            .load(image, policy: .always), module)
    }

    func testTokenAuthAnonymousPullAuthenticatedPushAndMount() throws {
        let tokens = try TokenServer(users: ["bob": "hunter2"])
        cleanups.append { tokens.stop() }
        let registry = try LocalRegistry(auth: .token(realm: tokens.realm, service: TokenServer.service,
                                                      issuer: TokenServer.issuer, rootCertBundle: tokens.certPath))
        cleanups.append { registry.stop() }
        let image = "\(registry.host)/org/fn:v1"
        let module = TestImages.module(size: 120_000, seed: 12)
        let bob = options(.basic(username: "bob", password: "hunter2"), host: registry.host)
        let anonymous = options(.anonymous, host: registry.host)

        let pushed = try WasmImagePusher(options: bob).push(module: module, fileName: "fn.wasm", to: image)
        let scopes = tokens.requests().flatMap { $0["scope"] as? [String] ?? [] }
        XCTAssertTrue(scopes.contains("repository:org/fn:pull,push"), "\(scopes)")
        XCTAssertTrue(tokens.requests().allSatisfy { ($0["service"] as? String) == TokenServer.service })

        // Anyone may pull; the token server saw no credentials for it.
        let before = tokens.requests().count
        XCTAssertEqual(try WasmImageFetcher(options: anonymous).fetch(ImageReference(parsing: image)).bytes, module)
        XCTAssertTrue(tokens.requests().dropFirst(before).allSatisfy { ($0["basic"] as? Bool) == false })

        // Anonymous push gets a pull-only token; the registry refuses it.
        XCTAssertThrowsError(try WasmImagePusher(options: anonymous).push(module: module, fileName: "fn.wasm", to: "\(registry.host)/org/other:v1")) { error in
            guard let e = error as? RegistryError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.kind, .unauthorized, "\(e)")
            XCTAssertEqual(e.status, 401, "\(e)")
            XCTAssertTrue("\(e)".contains("repository org/other"), "\(e)")
        }
        // Wrong password: the token server says no.
        XCTAssertThrowsError(try WasmImageFetcher(options: options(.basic(username: "bob", password: "nope"), host: registry.host))
            .fetch(ImageReference(parsing: image))) { error in
            guard let e = error as? RegistryError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.kind, .unauthorized)
            XCTAssertTrue("\(e)".contains("token server refused user \"bob\""), "\(e)")
        }

        // An identity token (docker config `identitytoken`) is exchanged by an OAuth2 refresh-token POST.
        let identity = options(.identityToken("refresh-bob"), host: registry.host)
        try WasmImagePusher(options: identity).push(module: module, fileName: "fn.wasm", to: "\(registry.host)/org/oauth:v1")
        let posts = tokens.requests().filter { ($0["method"] as? String) == "POST" }
        XCTAssertFalse(posts.isEmpty)
        XCTAssertTrue(posts.allSatisfy { ($0["grant_type"] as? String) == "refresh_token" }, "\(posts)")
        XCTAssertThrowsError(try WasmImagePusher(options: options(.identityToken("refresh-mallory"), host: registry.host))
            .push(module: module, fileName: "fn.wasm", to: "\(registry.host)/org/oauth:v2")) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .unauthorized, "\(error)")
        }

        // Cross-repository mount asks for pull on the source repository in the same token.
        let manifest = try JSONDecoder().decode(ImageManifest.self, from:
            RegistryClient(registry: registry.host, repository: "org/fn", options: bob).manifest(pushed.imageDigest.description).data)
        let layer = try RegistryClient(registry: registry.host, repository: "org/fn", options: bob).blob(manifest.layers[0])
        let copy = RegistryClient(registry: registry.host, repository: "org/copy", options: bob)
        XCTAssertEqual(try copy.uploadBlob(layer, mountFrom: "org/fn"), .mounted)
        let mountScopes = tokens.requests().last?["scope"] as? [String] ?? []
        XCTAssertEqual(Set(mountScopes), ["repository:org/copy:pull,push", "repository:org/fn:pull"])
    }
}
