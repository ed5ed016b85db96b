import Foundation
import XCTest
@testable import OCI

final class DockerConfigTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTempDir("docker-config") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ json: String, to relative: String) throws {
        let url = dir.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: url)
    }

    func testParsesAuthsTokensAndHelpers() throws {
        let json = """
        {"auths": {"https://index.docker.io/v1/": {"auth": "\(Data("hub:pw".utf8).base64EncodedString())"},
                   "reg.example:5000": {"identitytoken": "refresh-me"},
                   "tok.example": {"registrytoken": "bearer-me"},
                   "http://legacy.example/v1/": {"username": "u", "password": "p:with:colons"},
                   "empty.example": {}},
         "credsStore": "desktop", "credHelpers": {"gcr.io": "gcloud"}}
        """
        let config = try DockerConfig(json: Data(json.utf8), path: "config.json")
        XCTAssertEqual(config.credsStore, "desktop")
        XCTAssertEqual(config.credHelpers, ["gcr.io": "gcloud"])
        func creds(_ key: String) throws -> Credentials? {
            try config.authEntry(forKey: key).map { try DockerConfig.credentials(from: $0, key: key) }
        }
        XCTAssertEqual(try creds(DockerConfig.key(forRegistry: "index.docker.io")), .basic(username: "hub", password: "pw"))
        XCTAssertEqual(try creds("reg.example:5000"), .identityToken("refresh-me"))
        XCTAssertEqual(try creds("tok.example"), .registryToken("bearer-me"))
        // Keys written as URLs match their bare host, as docker matches them.
        XCTAssertEqual(try creds("legacy.example"), .basic(username: "u", password: "p:with:colons"))
        XCTAssertEqual(try creds("empty.example"), .anonymous)
        XCTAssertNil(try creds("other.example"))
    }

    func testBadAuthFieldIsAClearError() throws {
        let config = try DockerConfig(json: Data(#"{"auths":{"r.io":{"auth":"not base64!"}}}"#.utf8), path: "c.json")
        XCTAssertThrowsError(try DockerConfig.credentials(from: config.auths["r.io"]!, key: "r.io")) { error in
            XCTAssertTrue("\(error)".contains("auths.\"r.io\".auth"), "\(error)")
        }
    }

    func testKeychainFindsHomeConfigThenDockerConfigDirThenAnonymous() throws {
        let auth = Data("alice:secret".utf8).base64EncodedString()
        let none = DockerKeychain(environment: ["HOME": dir.path, "PATH": "/usr/bin:/bin"])
        XCTAssertNil(none.configPath())
        XCTAssertEqual(try none.credentials(registry: "r.io", repository: "a"), .anonymous)

        try write(#"{"auths":{"r.io":{"auth":"\#(auth)"}}}"#, to: "dc/config.json")
        let viaEnv = DockerKeychain(environment: ["HOME": dir.path, "DOCKER_CONFIG": dir.appendingPathComponent("dc").path])
        XCTAssertEqual(try viaEnv.credentials(registry: "r.io", repository: "a"), .basic(username: "alice", password: "secret"))

        // Per-repository entries win over the registry's.
        let bob = Data("bob:pw".utf8).base64EncodedString()
        try write(#"{"auths":{"r.io":{"auth":"\#(auth)"},"r.io/team/fn":{"auth":"\#(bob)"}}}"#, to: ".docker/config.json")
        let home = DockerKeychain(environment: ["HOME": dir.path])
        XCTAssertEqual(home.configPath(), dir.appendingPathComponent(".docker/config.json").path)
        XCTAssertEqual(try home.credentials(registry: "r.io", repository: "team/fn"), .basic(username: "bob", password: "pw"))
        XCTAssertEqual(try home.credentials(registry: "r.io", repository: "other"), .basic(username: "alice", password: "secret"))
    }

    func testFallsBackToRegistryAuthFileThenPodmanAuth() throws {
        let auth = Data("pod:man".utf8).base64EncodedString()
        try write(#"{"auths":{"r.io":{"auth":"\#(auth)"}}}"#, to: "run/containers/auth.json")
        let podman = DockerKeychain(environment: ["HOME": dir.path, "XDG_RUNTIME_DIR": dir.appendingPathComponent("run").path])
        XCTAssertEqual(podman.configPath(), dir.appendingPathComponent("run/containers/auth.json").path)
        XCTAssertEqual(try podman.credentials(registry: "r.io", repository: "a"), .basic(username: "pod", password: "man"))

        try write(#"{"auths":{"r.io":{"username":"file","password":"pw"}}}"#, to: "custom-auth.json")
        let custom = DockerKeychain(environment: ["HOME": dir.path, "XDG_RUNTIME_DIR": dir.appendingPathComponent("run").path,
                                                  "REGISTRY_AUTH_FILE": dir.appendingPathComponent("custom-auth.json").path])
        XCTAssertEqual(try custom.credentials(registry: "r.io", repository: "a"), .basic(username: "file", password: "pw"))

        // A docker config, once present, wins over both.
        try write(#"{"auths":{}}"#, to: ".docker/config.json")
        XCTAssertEqual(try custom.credentials(registry: "r.io", repository: "a"), .anonymous)
    }

    /// credHelpers and credsStore run `docker-credential-<name> get` with the server URL on stdin.
    func testCredentialHelpersAreRunWithTheServerURL() throws {
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = dir.appendingPathComponent("helper.log").path
        let script = """
        #!/bin/sh
        read server
        echo "$0 $1 $server" >> \(log)
        case "$server" in
          r.io) echo '{"ServerURL":"r.io","Username":"helper-user","Secret":"helper-pw"}' ;;
          tok.io) echo '{"ServerURL":"tok.io","Username":"<token>","Secret":"refresh"}' ;;
          *) echo "credentials not found in native keychain"; exit 1 ;;
        esac
        """
        for name in ["docker-credential-fake", "docker-credential-store"] {
            try Data(script.utf8).write(to: bin.appendingPathComponent(name))
            XCTAssertEqual(chmod(bin.appendingPathComponent(name).path, 0o755), 0)
        }
        try write(#"{"credHelpers":{"r.io":"fake"},"credsStore":"store","auths":{"fallback.io":{"auth":"\#(Data("f:g".utf8).base64EncodedString())"}}}"#,
                  to: ".docker/config.json")
        let keychain = DockerKeychain(environment: ["HOME": dir.path, "PATH": bin.path])
        XCTAssertEqual(try keychain.credentials(registry: "r.io", repository: "x"), .basic(username: "helper-user", password: "helper-pw"))
        XCTAssertEqual(try keychain.credentials(registry: "tok.io", repository: "x"), .identityToken("refresh"))
        XCTAssertEqual(try keychain.credentials(registry: "fallback.io", repository: "x"), .basic(username: "f", password: "g"))
        XCTAssertEqual(try keychain.credentials(registry: "nothing.io", repository: "x"), .anonymous)
        let calls = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertTrue(calls.contains("docker-credential-fake get r.io"), calls)
        XCTAssertTrue(calls.contains("docker-credential-store get tok.io"), calls)

        let missing = DockerKeychain(environment: ["HOME": dir.path, "PATH": dir.path])
        XCTAssertThrowsError(try missing.credentials(registry: "r.io", repository: "x")) { error in
            XCTAssertTrue("\(error)".contains("docker-credential-store not found in PATH"), "\(error)")
        }
    }
}
