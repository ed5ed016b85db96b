import Foundation
import XCTest
@testable import KptFn

final class PackageWriterTests: XCTestCase {
    private let deployment = """
    # Copyright 2021 Google LLC
    #
    # Licensed under the Apache License, Version 2.0

    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: nginx-deployment # the name
    spec:
      replicas: 3
      template:
        spec:
          containers:
          - name: nginx
            image: "nginx:1.14.2"

    """

    private let wideService = """
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
    spec:
      ports:
        - port: 80
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cm
    data:
      enabled: "true"

    """

    func testUntouchedPackageRoundTripsByteIdentical() throws {
        let pkg = try TempPackage(["resources.yaml": deployment, "svc.yaml": wideService,
                                   "Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: app\n"])
        defer { pkg.remove() }
        let (resources, files) = try PackageReader(root: pkg.root, includeSubpackages: true).read()
        XCTAssertEqual(files, ["Kptfile", "resources.yaml", "svc.yaml"])
        let report = try PackageWriter(root: pkg.root).write(resources, previousFiles: files)
        XCTAssertEqual(report.written, [])
        XCTAssertEqual(report.unchanged, ["Kptfile", "resources.yaml", "svc.yaml"])
        XCTAssertEqual(pkg.read("resources.yaml"), deployment)
        XCTAssertEqual(pkg.read("svc.yaml"), wideService)
    }

    func testEditsAreWrittenAndFormattingNormalised() throws {
        let pkg = try TempPackage(["resources.yaml": deployment, "messy.yaml": "a:   1\nlist:\n  -   x\n"])
        defer { pkg.remove() }
        let (resources, files) = try PackageReader(root: pkg.root, includeSubpackages: true).read()
        resources[1].root.get("metadata")!.set("namespace", .string("staging"))
        let report = try PackageWriter(root: pkg.root).write(resources, previousFiles: files)
        XCTAssertEqual(report.written, ["messy.yaml", "resources.yaml"])
        XCTAssertEqual(pkg.read("resources.yaml"), deployment.replacingOccurrences(
            of: "  name: nginx-deployment # the name\n",
            with: "  name: nginx-deployment # the name\n  namespace: staging\n"))
        XCTAssertEqual(pkg.read("messy.yaml"), "a: 1\nlist:\n  - x\n", "wide file stays wide, re-indented by 2")
    }

    func testDeletedResourcesMovedResourcesAndNewFiles() throws {
        let pkg = try TempPackage(["svc.yaml": wideService, "gone.yaml": "kind: Gone\nmetadata:\n  name: g\n"])
        defer { pkg.remove() }
        let (resources, files) = try PackageReader(root: pkg.root, includeSubpackages: true).read()
        XCTAssertEqual(resources.count, 3)
        // Keep the ConfigMap only, move it, and add a new resource without a path.
        XCTAssertEqual(resources.map { $0.resourceKind }, ["Gone", "Service", "ConfigMap"])
        let cm = resources[2]
        cm.setAnnotation("internal.config.kubernetes.io/path", "moved/cm.yaml")
        cm.setAnnotation("config.kubernetes.io/path", "moved/cm.yaml")
        let created = try XCTUnwrap(YAML.parseDocument("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n  namespace: team\n"))
        let report = try PackageWriter(root: pkg.root).write([cm, created], previousFiles: files)
        XCTAssertEqual(report.written, ["moved/cm.yaml", "team/namespace_ns1.yaml"])
        XCTAssertEqual(report.deleted, ["gone.yaml", "svc.yaml"])
        XCTAssertNil(pkg.read("svc.yaml"))
        XCTAssertEqual(pkg.read("moved/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  enabled: \"true\"\n")
        XCTAssertEqual(pkg.read("team/namespace_ns1.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n  namespace: team\n")
    }

    func testOrderByIndexAndNewIndexes() throws {
        func resource(_ name: String, index: String?) throws -> YAMLNode {
            let node = try XCTUnwrap(YAML.parseDocument("kind: X\nmetadata:\n  name: \(name)\n"))
            node.setAnnotation("internal.config.kubernetes.io/path", "f.yaml")
            if let index { node.setAnnotation("internal.config.kubernetes.io/index", index) }
            return node
        }
        // Existing 0 and 2; the first new one ties with 2 and stays after it (stable), the next gets 3.
        let files = try PackageWriter.plan([try resource("new1", index: nil), try resource("b", index: "2"),
                                            try resource("a", index: "0"), try resource("new2", index: nil)], root: "/pkg")
        let names = try YAML.parseResources(String(decoding: files["f.yaml"]!, as: UTF8.self)).map { $0.name! }
        XCTAssertEqual(names, ["a", "new1", "b", "new2"])
    }

    func testInvalidPathsFailBeforeAnythingIsWritten() throws {
        let pkg = try TempPackage(["a.yaml": "kind: A\nmetadata:\n  name: a\n", "dir/keep.yaml": "kind: K\n"])
        defer { pkg.remove() }
        let (resources, files) = try PackageReader(root: pkg.root, includeSubpackages: true).read()
        resources[0].root.get("metadata")!.set("name", .string("changed"))
        for (path, message) in [("/etc/x.yaml", "package paths may not be absolute paths"),
                                ("../out.yaml", "resource must be written under package \(pkg.root): ../out.yaml"),
                                ("dir", "config.kubernetes.io/path cannot be a directory: dir")] {
            let bad = try XCTUnwrap(YAML.parseDocument("kind: B\nmetadata:\n  name: b\n"))
            bad.setAnnotation("internal.config.kubernetes.io/path", path)
            XCTAssertThrowsError(try PackageWriter(root: pkg.root).write(resources + [bad], previousFiles: files)) {
                XCTAssertEqual("\($0)", message)
            }
        }
        XCTAssertEqual(pkg.read("a.yaml"), "kind: A\nmetadata:\n  name: a\n", "nothing written after a failed plan")
    }

    /// A failed write names the file and the system's reason. Tests run as root, so permissions
    /// cannot stop them here (RobustnessTests.PermissionTests drops root for that): a file where
    /// a directory must be created does.
    func testFailedWriteNamesPathAndReason() throws {
        let pkg = try TempPackage(["a.yaml": "kind: A\nmetadata:\n  name: a\n", "blocker": "a file\n"])
        defer { pkg.remove() }
        let (resources, files) = try PackageReader(root: pkg.root, includeSubpackages: true).read()
        let moved = try XCTUnwrap(YAML.parseDocument("kind: B\nmetadata:\n  name: b\n"))
        moved.setAnnotation("internal.config.kubernetes.io/path", "blocker/b.yaml")
        XCTAssertThrowsError(try PackageWriter(root: pkg.root).write(resources + [moved], previousFiles: files)) {
            XCTAssertEqual("\($0)", "failed to write \(pkg.root)/blocker/b.yaml: mkdir \(pkg.root)/blocker: not a directory")
        }
        XCTAssertEqual(pkg.read("blocker"), "a file\n")
    }

    func testSingleResourceJSONFileStaysJSON() throws {
        let pkg = try TempPackage(["cm.json": "{\"kind\": \"ConfigMap\", \"apiVersion\": \"v1\", \"metadata\": {\"name\": \"c<>\"}, \"data\": {\"n\": 1, \"b\": true, \"h\": 0x1F, \"f\": 1.50, \"e\": 1e3}}\n"])
        defer { pkg.remove() }
        let (resources, files) = try PackageReader(root: pkg.root, includeSubpackages: true).read()
        try PackageWriter(root: pkg.root).write(resources, previousFiles: files)
        XCTAssertEqual(pkg.read("cm.json"), """
        {
          "apiVersion": "v1",
          "data": {
            "b": true,
            "e": 1000,
            "f": 1.5,
            "h": 31,
            "n": 1
          },
          "kind": "ConfigMap",
          "metadata": {
            "name": "c\\u003c\\u003e"
          }
        }

        """)
    }

    /// Files read and written without edits come out exactly as yaml.v3 formats them
    /// (wide files) — checked against the oracle for the whole corpus.
    func testWideCorpusFilesWriteAsYAMLv3Formats() throws {
        let oracle = try YAMLOracle.shared()
        var checked = 0
        for file in try YAMLOracle.corpus() {
            let text = try String(contentsOf: file, encoding: .utf8)
            let resources = try PackageReader.resources(in: text, path: file.lastPathComponent)
            guard !resources.isEmpty, resources.allSatisfy({ $0.annotation(PackageAnnotation.seqIndent) == "wide" }) else { continue }
            let expected = try oracle.run("kio", input: text)
            XCTAssertEqual(String(decoding: ResourceFileFormatter.format(resources, path: file.lastPathComponent), as: UTF8.self),
                           expected, file.lastPathComponent)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 2)
    }
}
