import XCTest
@testable import GoJSHost

/// The host must provide exactly the import names Go 1.17–1.27 use
/// (gojs-abi.md §1.1: 8 runtime.*, 16 syscall/js.*, plus `debug` for ≤ 1.20).
final class ImportSetTests: XCTestCase {
    func testProvidesEveryGoImportName() {
        let expected: Set<String> = [
            "runtime.wasmExit", "runtime.wasmWrite", "runtime.resetMemoryDataView", "runtime.nanotime1",
            "runtime.walltime", "runtime.scheduleTimeoutEvent", "runtime.clearTimeoutEvent", "runtime.getRandomData",
            "syscall/js.finalizeRef", "syscall/js.stringVal", "syscall/js.valueGet", "syscall/js.valueSet",
            "syscall/js.valueDelete", "syscall/js.valueIndex", "syscall/js.valueSetIndex", "syscall/js.valueCall",
            "syscall/js.valueInvoke", "syscall/js.valueNew", "syscall/js.valueLength", "syscall/js.valuePrepareString",
            "syscall/js.valueLoadString", "syscall/js.valueInstanceOf", "syscall/js.copyBytesToGo",
            "syscall/js.copyBytesToJS", "debug",
        ]
        let names = (RuntimeImports.handlers + JSImports.handlers).map(\.0)
        XCTAssertEqual(Set(names), expected)
        XCTAssertEqual(names.count, expected.count, "no duplicates")
        XCTAssertEqual(GoInstance.importModules, ["gojs", "go"])
    }

    /// Go 1.27's crypto/rand imports runtime.getRandomData a second time; both
    /// entries resolve to the same host function (crypto-random runs in GoProgramOracleTests).
    func testDuplicateImportEntriesArePresentInTheFixture() throws {
        let module = try GoProgramOracleTests.module("crypto-random")
        XCTAssertEqual(module.imports.filter { $0.name.string == "runtime.getRandomData" }.count, 2)
    }

    /// Every import name a built fixture actually uses is one we provide.
    func testFixturesImportOnlyProvidedNames() throws {
        let provided = Set((RuntimeImports.handlers + JSImports.handlers).map(\.0))
        for name in ["js-callback", "crypto-random", "set-annotation", "stdin-filter"] {
            let module = try GoProgramOracleTests.module(name)
            for entry in module.imports {
                XCTAssertEqual(entry.module.string, "gojs", name)
                XCTAssertTrue(provided.contains(entry.name.string), "\(name) imports \(entry.name)")
            }
        }
    }
}
