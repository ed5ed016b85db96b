import Foundation
import XCTest
@testable import KptFn

final class ResourceListTests: XCTestCase {
    func testEncodeMatchesKptLayout() throws {
        let items = try PackageReader.resources(in: """
        # license

        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web # keep
        spec:
          containers:
            - name: a

        """, path: "d.yaml")
        let config = try XCTUnwrap(YAML.parseDocument("apiVersion: v1\nkind: ConfigMap\ndata:\n  namespace: staging\n"))
        let text = String(decoding: ResourceList(items: items, functionConfig: config).encode(), as: UTF8.self)
        XCTAssertEqual(text, """
        apiVersion: config.kubernetes.io/v1
        kind: ResourceList
        items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web # keep
            annotations:
              config.kubernetes.io/index: '0'
              config.kubernetes.io/path: 'd.yaml'
              internal.config.kubernetes.io/index: '0'
              internal.config.kubernetes.io/path: 'd.yaml'
              internal.config.kubernetes.io/seqindent: 'wide'
          spec:
            containers:
            - name: a
        functionConfig:
          apiVersion: v1
          kind: ConfigMap
          data:
            namespace: staging

        """)
        XCTAssertEqual(String(decoding: ResourceList(items: []).encode(), as: UTF8.self),
                       "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n")
    }

    func testDecodeRoundTrip() throws {
        let input = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- kind: A\n- kind: B\n"
            + "functionConfig:\n  data: {x: 1}\nresults:\n- message: hi\n  severity: info\n"
        let list = try ResourceList.decode(input)
        XCTAssertEqual(list.items.map { $0.resourceKind }, ["A", "B"])
        XCTAssertEqual(list.functionConfig?.get(path: ["data", "x"])?.value, "1")
        XCTAssertEqual(list.results?.items.first?.string(at: ["message"]), "hi")
        XCTAssertEqual(String(decoding: list.encode(), as: UTF8.self), input)
    }

    func testDecodeErrorsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("items: [a\n", "invalid ResourceList: yaml: line 1: did not find expected ',' or ']'"),
            ("kind: ResourceList\nitems: []\n---\nkind: X\n", "invalid ResourceList: expected one YAML document, found 2"),
            ("- a\n", "invalid ResourceList: document is a sequence, expected a mapping"),
            ("function failed\n", "invalid ResourceList: document is a scalar (\"function failed\"), expected a mapping"),
            ("apiVersion: v1\nkind: ConfigMap\n", "invalid ResourceList: kind is \"ConfigMap\", expected \"ResourceList\""),
            ("items: []\n", "invalid ResourceList: missing kind"),
            ("kind: ResourceList\n", "invalid ResourceList: no items or functionConfig"),
            ("kind: ResourceList\nitems: {a: 1}\n", "invalid ResourceList: items is a mapping, expected a sequence"),
            ("kind: ResourceList\nitems:\n- kind: A\n- just text\n",
             "invalid ResourceList: items[1] is a scalar (\"just text\"), expected a mapping"),
            ("", "invalid ResourceList: expected one YAML document, found 0"),
        ]
        for (input, message) in cases {
            XCTAssertThrowsError(try ResourceList.decode(input), input) { XCTAssertEqual("\($0)", message) }
        }
    }

    func testDecodeOutputAcceptsBareDocuments() throws {
        let list = try ResourceList.decodeOutput(Array("kind: A\n---\nkind: B\nmetadata:\n  annotations:\n    config.kubernetes.io/index: '9'\n".utf8))
        XCTAssertEqual(list.items.count, 2)
        XCTAssertEqual(list.items[1].annotation("config.kubernetes.io/index"), "1")
        XCTAssertEqual(list.items[1].annotation("internal.config.kubernetes.io/index"), "1")
        XCTAssertEqual(try ResourceList.decodeOutput(Array("kind: List\nitems:\n- kind: A\n".utf8)).items.count, 1)
    }

    /// 1000 resources: read from text, wrap, encode, decode, write back.
    func testThousandResourcesRoundTrip() throws {
        var text = ""
        for i in 0..<1000 {
            if i > 0 { text += "---\n" }
            text += """
            # resource \(i)
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app-\(i)
              labels:
                app: "web" # quoted
            spec:
              replicas: \(i % 5)
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx:1.\(i)
                    args: ["--port", "80"]

            """
        }
        let start = clock()
        let resources = try PackageReader.resources(in: text, path: "all.yaml")
        let encoded = ResourceList(items: resources).encode()
        let decoded = try ResourceList.decode(encoded)
        let files = try PackageWriter.plan(decoded.items, root: "/pkg")
        // CPU time, so a busy machine does not fail the test.
        let elapsed = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        XCTAssertEqual(decoded.items.count, 1000)
        XCTAssertEqual(files.count, 1)
        // Comments move with the items except document-level ones; the file keeps everything else.
        XCTAssertEqual(String(decoding: files["all.yaml"]!, as: UTF8.self),
                       String(decoding: ResourceFileFormatter.format(resources, path: "all.yaml"), as: UTF8.self))
        // Release builds take ~0.3 s of CPU; debug builds are ~10x slower.
        XCTAssertLessThan(elapsed, 20, "1000-resource round trip took \(elapsed)s")
        print("1000-resource round trip: \(elapsed)s")
    }
}
