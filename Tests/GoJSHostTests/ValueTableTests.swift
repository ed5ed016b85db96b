import XCTest
@testable import GoJSHost

final class ValueTableTests: XCTestCase {
    private func table() -> (ValueTable, JSObject, JSObject) {
        let global = JSObject(), go = JSObject()
        return (ValueTable(global: global, go: go), global, go)
    }

    func testPredefinedRefsMatchGoConstants() {
        let (t, global, go) = table()
        XCTAssertEqual(t.store(.undefined), 0)
        XCTAssertEqual(t.store(.number(.nan)), 0x7FF8_0000_0000_0000)
        XCTAssertEqual(t.store(.number(0)), 0x7FF8_0000_0000_0001)
        XCTAssertEqual(t.store(.number(-0.0)), 0x7FF8_0000_0000_0001)
        XCTAssertEqual(t.store(.null), 0x7FF8_0000_0000_0002)
        XCTAssertEqual(t.store(.bool(true)), 0x7FF8_0000_0000_0003)
        XCTAssertEqual(t.store(.bool(false)), 0x7FF8_0000_0000_0004)
        XCTAssertEqual(t.store(.object(global)), 0x7FF8_0001_0000_0005)
        XCTAssertEqual(t.store(.object(go)), 0x7FF8_0001_0000_0006)
        XCTAssertEqual(t.slotCount, 7, "predefined values never take new ids")
    }

    func testNumbersAreTheirOwnBits() {
        let (t, _, _) = table()
        XCTAssertEqual(t.store(.number(1.5)), (1.5).bitPattern)
        guard case .number(let d) = t.load((-2.25).bitPattern) else { return XCTFail("not a number") }
        XCTAssertEqual(d, -2.25)
        guard case .undefined = t.load(0) else { return XCTFail("0 must load as undefined") }
    }

    func testTypeFlagsAndStringIdentityByContent() {
        let (t, _, _) = table()
        let a = t.store(.string("abc"))
        let b = t.store(.string("abc"))
        XCTAssertEqual(a, b, "equal strings share an id (Value.Equal compares refs)")
        XCTAssertEqual(a >> 32, 0x7FF8_0002)
        let f = t.store(.object(JSFunction(name: "f") { _, _ in .undefined }))
        XCTAssertEqual(f >> 32, 0x7FF8_0004)
        let o1 = t.store(.object(JSObject())), o2 = t.store(.object(JSObject()))
        XCTAssertNotEqual(o1, o2, "distinct objects get distinct ids")
        XCTAssertEqual(o1 >> 32, 0x7FF8_0001)
    }

    func testReferenceCountingFreesAndReusesIDs() {
        let (t, _, _) = table()
        let s = t.store(.string("x"))
        _ = t.store(.string("x"))       // count 2
        t.release(s)
        guard case .string("x") = t.load(s) else { return XCTFail("still referenced once") }
        t.release(s)
        guard case .undefined = t.load(s) else { return XCTFail("freed at zero") }
        let next = t.store(.string("y"))
        XCTAssertEqual(UInt32(truncatingIfNeeded: next), UInt32(truncatingIfNeeded: s), "freed id is reused")
        XCTAssertEqual(t.slotCount, 8)
        t.release(0x7FF8_0001_0000_0005)   // the global object is never freed
        XCTAssertNotNil(t.load(0x7FF8_0001_0000_0005).object)
        t.release(0x7FF8_0002_0000_0999)   // unknown ids are ignored
    }
}
