import XCTest
@testable import WasmParser

final class NameSectionTests: XCTestCase {
    private func module(nameSectionPayload: [UInt8]) -> [UInt8] {
        ModuleBytes.module(
            ModuleBytes.typeSection(), ModuleBytes.functionSection(count: 2),
            ModuleBytes.codeSection([[0x0B], [0x0B]]),
            ModuleBytes.section(0, ModuleBytes.name("name") + nameSectionPayload))
    }

    func testFunctionNames() throws {
        // Subsection 1 (function names): 2 entries.
        let names: [UInt8] = [0x02, 0x00] + ModuleBytes.name("main") + [0x01] + ModuleBytes.name("helper")
        let m = try parseModule(module(nameSectionPayload: [0x01] + ModuleBytes.uleb(UInt64(names.count)) + names))
        XCTAssertEqual(m.functionNames, [0: "main", 1: "helper"])
        XCTAssertEqual(m.customSections.count, 1)
        XCTAssertEqual(m.customSections[0].name, Name("name"))
    }

    func testBrokenNameSectionIsIgnored() throws {
        // Subsection claims 40 bytes; only 3 follow.
        let m = try parseModule(module(nameSectionPayload: [0x01, 0x28, 0x01, 0x00, 0x05]))
        XCTAssertTrue(m.functionNames.isEmpty)
    }
}
