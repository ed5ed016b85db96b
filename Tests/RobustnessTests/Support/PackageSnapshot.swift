import Foundation
import XCTest

/// A package copied to a fresh temp dir, and its exact bytes (plus modes) for "unchanged" checks.
struct TestPackage {
    let workdir: String
    var path: String { workdir + "/pkg" }

    /// Kptfile + resources.yaml, plus any extra files (relative path -> text).
    static func make(extra: [String: String] = [:]) throws -> TestPackage {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kpt-robustness-" + UUID().uuidString).resolvingSymlinksInPath().path
        let package = TestPackage(workdir: dir)
        var files = ["Kptfile": kptfile, "resources.yaml": resources]
        for (k, v) in extra { files[k] = v }
        for (rel, text) in files {
            let full = package.path + "/" + rel
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return package
    }

    /// Every file and directory under the package: relative path -> bytes (nil for directories) and mode.
    func snapshot() throws -> [String: Entry] {
        var out: [String: Entry] = [:]
        let walker = FileManager.default.enumerator(atPath: path)
        while let rel = walker?.nextObject() as? String {
            let full = path + "/" + rel
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            let isDirectory = (attributes[.type] as? FileAttributeType) == .typeDirectory
            out[rel] = Entry(bytes: isDirectory ? nil : readAsRoot(full), mode: mode)
        }
        return out
    }

    struct Entry: Equatable { var bytes: Data?; var mode: Int }

    private func readAsRoot(_ file: String) -> Data? { FileManager.default.contents(atPath: file) }

    func remove() {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try? FileManager.default.removeItem(atPath: workdir)
    }

    static let kptfile = """
    apiVersion: kpt.dev/v1
    kind: Kptfile
    metadata:
      name: app # the package

    """
    static let resources = """
    # Web tier.
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2 # keep two
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      ports:
      - port: 80

    """
}

/// Asserts the package is byte-for-byte (and mode-for-mode) what it was.
func XCTAssertUnchanged(_ package: TestPackage, _ before: [String: TestPackage.Entry], _ context: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    guard let after = try? package.snapshot() else { return XCTFail("cannot read \(package.path)", file: file, line: line) }
    XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "package files changed: \(context)", file: file, line: line)
    for (rel, entry) in before where after[rel] != entry {
        XCTFail("pkg/\(rel) changed: \(context)", file: file, line: line)
    }
}
