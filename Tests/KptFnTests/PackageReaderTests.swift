import Foundation
import XCTest
@testable import KptFn

/// Builds a package directory in a temporary location.
struct TempPackage {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kpt-pkg-\(UUID().uuidString)").path
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

final class PackageReaderTests: XCTestCase {
    func testWalkOrderCandidatesAndSubpackages() throws {
        let pkg = try TempPackage([
            "Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: root\n",
            "b.yaml": "kind: B\n", "a.yml": "kind: A\n", "c.json": "{\"kind\": \"C\"}\n", "README.md": "# no\n",
            "notes.txt": "kind: X\n", "Z.yaml": "kind: Z\n",
            "sub/x.yaml": "kind: SX\n", "subpkg/Kptfile": "kind: Kptfile\n", "subpkg/y.yaml": "kind: SY\n",
            "aa/deep/d.yaml": "kind: D\n",
        ])
        defer { pkg.remove() }
        // Byte-wise order per directory: uppercase first, subdirectories where their names sort.
        XCTAssertEqual(try PackageReader(root: pkg.root, includeSubpackages: true).candidateFiles(),
                       ["Kptfile", "Z.yaml", "a.yml", "aa/deep/d.yaml", "b.yaml", "c.json", "sub/x.yaml",
                        "subpkg/Kptfile", "subpkg/y.yaml"])
        XCTAssertEqual(try PackageReader(root: pkg.root, includeSubpackages: false).candidateFiles(),
                       ["Kptfile", "Z.yaml", "a.yml", "aa/deep/d.yaml", "b.yaml", "c.json", "sub/x.yaml"])
    }

    func testKrmIgnoreAtPackageAndSubpackageRoots() throws {
        let pkg = try TempPackage([
            "Kptfile": "kind: Kptfile\n", ".krmignore": ".expected\n*.tmp.yaml\n/only-root.yaml\n",
            ".expected/diff.yaml": "kind: E\n", "keep.yaml": "kind: K\n", "x.tmp.yaml": "kind: T\n",
            "only-root.yaml": "kind: O\n", "dir/only-root.yaml": "kind: O2\n",
            "sub/Kptfile": "kind: Kptfile\n", "sub/.krmignore": "ignored/\n", "sub/ignored/a.yaml": "kind: I\n",
            "sub/x.tmp.yaml": "kind: T2\n", "plain/.krmignore": "*\n", "plain/p.yaml": "kind: P\n",
        ])
        defer { pkg.remove() }
        // The innermost package's .krmignore governs; .krmignore outside package roots is not read.
        XCTAssertEqual(try PackageReader(root: pkg.root, includeSubpackages: true).candidateFiles(),
                       ["Kptfile", "dir/only-root.yaml", "keep.yaml", "plain/p.yaml", "sub/Kptfile", "sub/x.tmp.yaml"])
    }

    func testIgnorePatterns() {
        let rules = IgnorePatterns(base: "", text: "# comment\n\n*.log\n!keep.log\nbuild/\ndocs/**/gen\n[ab]?.yaml\n")
        XCTAssertTrue(rules.ignores("x.log", isDirectory: false))
        XCTAssertTrue(rules.ignores("deep/y.log", isDirectory: false))
        XCTAssertFalse(rules.ignores("keep.log", isDirectory: false))
        XCTAssertTrue(rules.ignores("build", isDirectory: true))
        XCTAssertFalse(rules.ignores("build", isDirectory: false))
        XCTAssertTrue(rules.ignores("docs/a/b/gen", isDirectory: true))
        XCTAssertTrue(rules.ignores("docs/gen", isDirectory: true))
        XCTAssertTrue(rules.ignores("a1.yaml", isDirectory: false))
        XCTAssertFalse(rules.ignores("c1.yaml", isDirectory: false))
        let sub = IgnorePatterns(base: "sub", text: "/x.yaml\n")
        XCTAssertTrue(sub.ignores("sub/x.yaml", isDirectory: false))
        XCTAssertFalse(sub.ignores("sub/d/x.yaml", isDirectory: false))
        XCTAssertFalse(sub.ignores("x.yaml", isDirectory: false))
    }

    func testAnnotationsStampedInSortedOrderAfterExistingOnes() throws {
        let text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          annotations:
            z: last
            config.kubernetes.io/index: '7'
        ---

        ---
        # only a comment
        ---
        apiVersion: v1
        kind: Service
        spec:
            ports:
              - port: 80

        """
        let resources = try PackageReader.resources(in: text, path: "sub/r.yaml", packagePath: "/abs/pkg")
        XCTAssertEqual(resources.count, 2, "empty and comment-only documents are skipped")
        XCTAssertEqual(YAML.serialize(resources[0], sequenceIndent: .wide), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          annotations:
            z: last
            config.kubernetes.io/index: '0'
            config.kubernetes.io/path: 'sub/r.yaml'
            internal.config.kubernetes.io/index: '0'
            internal.config.kubernetes.io/package-path: '/abs/pkg'
            internal.config.kubernetes.io/path: 'sub/r.yaml'
            internal.config.kubernetes.io/seqindent: 'compact'

        """)
        XCTAssertEqual(resources[1].annotation("config.kubernetes.io/index"), "1")
        XCTAssertEqual(resources[1].annotation("internal.config.kubernetes.io/seqindent"), "wide")
        XCTAssertEqual(PackageAnnotation.path(of: resources[1]), "sub/r.yaml")
        XCTAssertEqual(PackageAnnotation.index(of: resources[1]), 1)
    }

    func testSequenceIndentDetection() {
        XCTAssertEqual(SequenceIndentStyle.detect("a:\n- x\n"), .compact)
        XCTAssertEqual(SequenceIndentStyle.detect("a:\n  - x\n"), .wide)
        XCTAssertEqual(SequenceIndentStyle.detect("a:\n  b:\n    - x\n"), .wide)
        XCTAssertEqual(SequenceIndentStyle.detect("a: b\n"), .compact, "no sequence: compact")
        XCTAssertEqual(SequenceIndentStyle.detect("- x\n"), .compact)
        XCTAssertEqual(SequenceIndentStyle.detect("a: x:\n  - y\nb:\n- z\n"), .compact, "key lines need exactly one colon")
    }

    func testErrorsNameTheFile() throws {
        XCTAssertThrowsError(try PackageReader.resources(in: "a: 1\n--- x\nb: 2\n", path: "bad.yaml")) {
            XCTAssertEqual("\($0)", "bad.yaml: invalid document separator: --- x")
        }
        XCTAssertThrowsError(try PackageReader.resources(in: "a: 1\nb: c: d\n", path: "dir/m.yaml")) {
            XCTAssertEqual("\($0)", "dir/m.yaml: MalformedYAMLError: yaml: line 2: mapping values are not allowed in this context")
        }
        // A comment after the separator is fine.
        XCTAssertEqual(try PackageReader.resources(in: "a: 1\n--- # two\nb: 2\n", path: "ok.yaml").count, 2)
    }

    /// Read failures carry Go's *PathError text (the call, the path, the reason), as kpt prints them.
    func testReadFailuresNameCallPathAndReason() throws {
        let dir = try Fixtures.temporaryDirectory()
        XCTAssertThrowsError(try FileSystem.read(dir + "/missing.yaml")) {
            XCTAssertEqual("\($0)", "open \(dir)/missing.yaml: no such file or directory")
        }
        XCTAssertThrowsError(try FileSystem.read(dir)) { XCTAssertEqual("\($0)", "read \(dir): is a directory") }
        XCTAssertThrowsError(try FileSystem.read(dir + "/missing/a.yaml")) {
            XCTAssertEqual("\($0)", "open \(dir)/missing/a.yaml: no such file or directory")
        }
        // kpt 1.0.0-beta.56: `--fn-config /tmp` fails with `failed to read functionConfig "/tmp": read /tmp: is a directory`.
        XCTAssertThrowsError(try FunctionConfigFile.load(dir)) {
            XCTAssertEqual("\($0)", "failed to read functionConfig \"\(dir)\": read \(dir): is a directory")
        }
        XCTAssertThrowsError(try FunctionConfigFile.load(dir + "/none.yaml")) {
            XCTAssertEqual("\($0)", "failed to open functionConfig from path \"\(dir)/none.yaml\": open \(dir)/none.yaml: no such file or directory")
        }
    }

    /// A FIFO named like a resource file is refused at once (reading it would wait for a writer forever).
    func testFIFOIsRefusedNotWaitedOn() throws {
        let dir = try Fixtures.temporaryDirectory()
        try "kind: A\nmetadata:\n  name: a\n".write(toFile: dir + "/a.yaml", atomically: false, encoding: .utf8)
        XCTAssertEqual(mkfifo(dir + "/b.yaml", 0o644), 0)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var message = ""
        Thread.detachNewThread {
            do { _ = try PackageReader(root: dir, includeSubpackages: true).read() } catch { message = "\(error)" }
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success, "reading a package with a FIFO must not block")
        XCTAssertEqual(message, "\(dir)/b.yaml: read \(dir)/b.yaml: not a regular file")
    }

    func testBareSequenceDocumentIsWrappedAndUnwrapped() throws {
        let resources = try PackageReader.resources(in: "- a\n- b\n", path: "list.yaml")
        XCTAssertEqual(resources.count, 1)
        XCTAssertEqual(resources[0].root.keys, [PackageReader.bareSequenceKey, "metadata"])
        XCTAssertEqual(String(decoding: ResourceFileFormatter.format(resources, path: "list.yaml"), as: UTF8.self), "- a\n- b\n")
    }
}
