import Foundation
import XCTest

/// Unreadable files and read-only directories. kpt runs as an unprivileged user (setpriv), so
/// permissions apply even when the suite runs as root (as CI does).
final class PermissionTests: XCTestCase {
    static let nobody: UInt32 = 65534

    func testUnreadableResourceFile() throws {
        let package = try ownedPackage()
        defer { package.remove() }
        try chmod(package.path + "/resources.yaml", 0o000)
        let before = try package.snapshot()
        let r = try runEdit(package)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        let file = package.path + "/resources.yaml"   // kpt's wording: path, Go's *PathError
        XCTAssertTrue(r.stderr.contains("error: \(file): open \(file): permission denied\n"), r.stderr)
        XCTAssertUnchanged(package, before, "unreadable file")
    }

    func testReadOnlyPackageDirectory() throws {
        let package = try ownedPackage()
        defer { package.remove() }
        try chmod(package.path, 0o555)
        let before = try package.snapshot()
        let r = try runEdit(package)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("error: failed to write \(package.path)/resources.yaml: permission denied\n"), r.stderr)
        XCTAssertUnchanged(package, before, "read-only package")
        XCTAssertEqual(try leftovers(package), [], "no temporary files left behind")
    }

    /// The function edits two files; the second one's directory is read-only. Writes are staged
    /// for the whole package first, so the first file must not be changed either.
    func testPackageWriteIsAllOrNothing() throws {
        let package = try ownedPackage(extra: ["sub/z.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  replicas: 2\n"])
        defer { package.remove() }
        try chmod(package.path + "/sub", 0o555)
        let before = try package.snapshot()
        let r = try runEdit(package)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("error: failed to write \(package.path)/sub/z.yaml: permission denied\n"), r.stderr)
        XCTAssertUnchanged(package, before, "partly read-only package")
        XCTAssertEqual(try leftovers(package), [], "no temporary files left behind")
    }

    /// Control: with every directory writable the same function does change both files.
    func testEditReachesEveryFileWhenWritable() throws {
        let package = try ownedPackage(extra: ["sub/z.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  replicas: 2\n"])
        defer { package.remove() }
        let r = try runEdit(package)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: package.path + "/resources.yaml", encoding: .utf8).contains("replicas: 3 # keep two"))
        XCTAssertTrue(try String(contentsOfFile: package.path + "/sub/z.yaml", encoding: .utf8).contains("replicas: 3"))
    }

    // MARK: helpers

    private func ownedPackage(extra: [String: String] = [:]) throws -> TestPackage {
        guard getuid() == 0 else {
            // Not root: the files are ours already and permissions apply to us.
            return try TestPackage.make(extra: extra)
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            try Prerequisite.missing("/usr/bin/setpriv (util-linux) is needed to drop root")
        }
        let package = try TestPackage.make(extra: extra)
        try chmod(package.workdir, 0o777)
        let walker = FileManager.default.enumerator(atPath: package.path)
        try chown(package.path)
        while let rel = walker?.nextObject() as? String { try chown(package.path + "/" + rel) }
        return package
    }

    /// As root, kpt and the function are copied into the (world-accessible) work dir first: the
    /// checkout may sit under a directory that nobody cannot enter (e.g. /root).
    private func runEdit(_ package: TestPackage) throws -> KptResult {
        var fn = try RobustnessFixtures.wasm("robust-fn")
        var kpt = try KptProcess.binary()
        if getuid() == 0 {
            for (from, to) in [(fn, package.workdir + "/fn.wasm"), (kpt, package.workdir + "/kpt")] {
                try FileManager.default.copyItem(atPath: from, toPath: to)
                try chmod(to, 0o755)
            }
            (fn, kpt) = ("fn.wasm", package.workdir + "/kpt")
        }
        return try KptProcess.run(["fn", "eval", "pkg", "--allow-alpha-wasm", "--exec", fn, "--", "mode=edit"],
                                  in: package.workdir, asUser: getuid() == 0 ? Self.nobody : nil, binary: kpt)
    }

    private func leftovers(_ package: TestPackage) throws -> [String] {
        (FileManager.default.enumerator(atPath: package.path)?.allObjects as? [String] ?? []).filter { $0.contains("kpt-tmp") }
    }

    private func chmod(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    private func chown(_ path: String) throws {
        try FileManager.default.setAttributes([.ownerAccountID: Self.nobody, .groupOwnerAccountID: Self.nobody], ofItemAtPath: path)
    }
}
