import Foundation
import XCTest
import GoJSHost

/// Go 1.19 binaries (import module `go`, a `debug` import, 16 MiB initial
/// memory, crypto/rand through crypto.getRandomValues) against Node running
/// Go 1.19's own wasm_exec.js. Optional: built only when Debian's
/// golang-1.19-go is installed (scripts/build-go-fixtures.sh, GO119).
final class LegacyGoTests: XCTestCase {
    private func legacyModule(_ name: String) throws -> [UInt8] {
        try Fixtures.require()
        let url = Fixtures.binDirectory.appendingPathComponent("wasm-go1.19/\(name).wasm")
        guard FileManager.default.fileExists(atPath: url.path) else {
            // CI installs golang-1.19-go (scripts/install-prerequisites.sh): there a missing fixture is a failure.
            if Fixtures.isCI { throw FixtureError.missingTool("go1.19 (golang-1.19-go)") }
            throw XCTSkip("Go 1.19 fixtures not built (apt-get install golang-1.19-go)")
        }
        return [UInt8](try Data(contentsOf: url))
    }

    func testProgramsMatchNodeWithGo119Glue() throws {
        for name in ["hello", "crypto-random", "js-callback", "date-time", "deadlock"] {
            let module = try GoProgram.parseModule(try legacyModule(name))
            XCTAssertTrue(module.imports.allSatisfy { $0.module.string == "go" }, name)
            XCTAssertTrue(module.imports.contains { $0.name.string == "debug" }, name)
            let oracle = try Fixtures.nodeProgram(name, arguments: ["js"], flavor: "-go1.19")
            let ours = try GoProgram.run(module: module, limits: GoHostLimits(timeout: .seconds(120)))
            XCTAssertEqual(ours.exitCode, oracle.status, name)
            XCTAssertEqual(ours.output.stdoutText, oracle.stdoutText, name)
            XCTAssertEqual(ours.output.stderrText, oracle.stderrText, name)
        }
    }

    func testKRMFunctionMatchesNative() throws {
        let module = try GoProgram.parseModule(try legacyModule("set-annotation"))
        let input = KRMFunctionOracleTests.input
        let native = try Fixtures.native("set-annotation", input: input)
        let ours = try KRMFunction(module: module, limits: GoHostLimits(timeout: .seconds(120))).run(resourceList: input)
        XCTAssertEqual(ours.output, native.stdoutText)
    }
}
