import XCTest
@testable import KptFn

final class YAMLNodeTests: XCTestCase {
    func testMappingEditsKeepOrderAndComments() throws {
        let doc = try XCTUnwrap(try YAML.parseDocument("a: 1 # one\nb: 2\nc: 3\n"))
        doc.set("b", string: "two")
        doc.set("z", .plain("26"))
        XCTAssertEqual(doc.remove("c")?.value, "3")
        XCTAssertNil(doc.remove("missing"))
        doc.set("a", string: "true")
        XCTAssertEqual(doc.root.keys, ["a", "b", "z"])
        XCTAssertEqual(YAML.serialize(doc), "a: \"true\" # one\nb: two\nz: 26\n")
    }

    func testKRMAccessorsAndAnnotations() throws {
        let doc = try XCTUnwrap(try YAML.parseDocument("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: ns\n"))
        XCTAssertEqual(doc.apiVersion, "v1")
        XCTAssertEqual(doc.resourceKind, "ConfigMap")
        XCTAssertEqual(doc.name, "cm")
        XCTAssertEqual(doc.namespace, "ns")
        doc.setAnnotation("b/x", "1")
        doc.setAnnotation("a/y", "yes")
        doc.setLabel("app", "web")
        XCTAssertEqual(doc.annotations.map(\.key), ["b/x", "a/y"])
        XCTAssertEqual(doc.annotation("b/x"), "1")
        XCTAssertEqual(doc.label("app"), "web")
        XCTAssertEqual(YAML.serialize(doc), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm
          namespace: ns
          annotations:
            b/x: "1"
            a/y: yes
          labels:
            app: web

        """)
        XCTAssertEqual(doc.removeAnnotation("b/x"), "1")
        XCTAssertEqual(doc.removeAnnotation("a/y"), "yes")
        XCTAssertNil(doc.get(path: ["metadata", "annotations"]), "empty annotations are dropped")
        let bare = try XCTUnwrap(try YAML.parseDocument("kind: X\n"))
        bare.setAnnotation("k", "v")
        bare.removeAnnotation("k")
        XCTAssertEqual(YAML.serialize(bare), "kind: X\n", "metadata created for the annotation is dropped again")
    }

    func testDeepCopyIsIndependent() throws {
        let doc = try XCTUnwrap(try YAML.parseDocument("a:\n  b: [1, 2] # c\n"))
        let copy = doc.deepCopy()
        copy.get("a")?.set("b", .plain("3"))
        XCTAssertEqual(YAML.serialize(doc), "a:\n  b: [1, 2] # c\n")
        XCTAssertEqual(YAML.serialize(copy), "a:\n  b: 3\n")
    }

    func testBuiltNodesQuoteLikeYAMLv3() {
        let values = ["true", "123", "null", "", "1.5", "0x1F", "2001-12-14", "yes", "plain", " lead", "a: b", "- x", "#c", "08"]
        let doc = YAMLNode.mapping(values.enumerated().map { ("k\($0.offset)", YAMLNode.string($0.element)) })
        XCTAssertEqual(YAML.serialize(doc), """
        k0: "true"
        k1: "123"
        k2: "null"
        k3: ""
        k4: "1.5"
        k5: "0x1F"
        k6: "2001-12-14"
        k7: yes
        k8: plain
        k9: ' lead'
        k10: 'a: b'
        k11: '- x'
        k12: '#c'
        k13: "08"

        """)
    }

    func testResolver() {
        let cases: [(String, String)] = [
            ("", "!!null"), ("~", "!!null"), ("Null", "!!null"), ("true", "!!bool"), ("FALSE", "!!bool"),
            ("yes", "!!str"), ("on", "!!str"), ("12", "!!int"), ("-0x1F", "!!int"), ("0o17", "!!int"), ("0b101", "!!int"),
            ("1_000", "!!int"), ("018", "!!float"), ("1.5", "!!float"), (".5", "!!float"), ("1e3", "!!float"),
            ("-.inf", "!!float"), (".NaN", "!!float"), ("1.2.3", "!!str"), ("2001-12-14", "!!timestamp"),
            ("2001-02-30", "!!str"), ("2001-12-14T21:59:43.10-05:00", "!!timestamp"), ("2001-12-14 21:59:43", "!!timestamp"),
            ("<<", "!!str"), ("18446744073709551615", "!!int"), ("18446744073709551616", "!!float"), ("0x", "!!str"),
        ]
        for (text, tag) in cases { XCTAssertEqual(YAMLResolver.resolve(text), tag, text) }
    }
}
