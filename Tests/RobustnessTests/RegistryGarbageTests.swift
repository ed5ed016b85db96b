import Foundation
import XCTest

/// `kpt alpha wasm pull` against a loopback registry that lies (Tests/Fixtures/robustness/fake-registry.py):
/// each answer is refused with a message naming what was wrong, and the destination file is untouched.
final class RegistryGarbageTests: XCTestCase {
    func testPullRefusesEveryBadAnswer() throws {
        guard let python = Prerequisite.tool("python3") else { try Prerequisite.missing("python3") }
        let dir = NSTemporaryDirectory() + "kpt-registry-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [RobustnessFixtures.fixturesRoot + "/robustness/fake-registry.py", dir + "/port"]
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var port = ""
        for _ in 0..<100 where port.isEmpty {
            usleep(50_000)
            port = (try? String(contentsOfFile: dir + "/port", encoding: .utf8)) ?? ""
        }
        XCTAssertFalse(port.isEmpty, "fake registry did not start")
        let host = "127.0.0.1:\(port)"
        let precious = Data("the previous module\n".utf8)
        let cases = [
            ("garbage-manifest", "error: cannot parse manifest of \(host)/garbage-manifest:latest:"),
            ("wrong-digest", "HTTP 200: downloaded content has digest sha256:"),
            ("garbage-layer", "error: image \(host)/garbage-layer:latest: layer sha256:"),
            ("truncated-layer", "truncated download: got 100 of 512 bytes"),
            ("absent", "HTTP 404 NAME_UNKNOWN"),
        ]
        for (repository, message) in cases {
            try precious.write(to: URL(fileURLWithPath: dir + "/fn.wasm"))
            let r = try KptProcess.run(["alpha", "wasm", "pull", "\(host)/\(repository):latest", "fn.wasm"], in: dir, limit: 60)
            XCTAssertEqual(r.exitCode, 1, "\(repository): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(repository): stderr should contain \(message):\n\(r.stderr)")
            XCTAssertEqual(FileManager.default.contents(atPath: dir + "/fn.wasm"), precious, "\(repository): destination changed")
            let rest = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "port" && $0 != "fn.wasm" }
            XCTAssertEqual(rest, [], "\(repository): temporary files left behind")
        }
    }
}
