import XCTest
@testable import GoJSHost
import WasmInterpreter

/// A finished Go program frees its engine store (32 MiB value stack, Go's memory reservation): nothing the
/// host keeps between runs (imports, JS values, callbacks) may point back to it.
final class ProgramLifetimeTests: XCTestCase {
    final class WeakStore {
        weak var store: Store?
    }

    private func started(_ name: String, _ body: (GoProgram) throws -> Void) throws -> WeakStore {
        let program = try GoProgram.start(module: try GoProgramOracleTests.module(name))
        try body(program)
        let seen = WeakStore()
        seen.store = program.instance.store
        return seen
    }

    func testRunningTwiceFreesTheFirstStore() throws {
        let run = { (program: GoProgram) in
            XCTAssertEqual(try program.runToCompletion(), 0)
            XCTAssertTrue(program.output.stdoutText.hasPrefix("hello, world\n"), program.output.stdoutText)
        }
        let first = try started("hello", run)
        let second = try started("hello", run)
        XCTAssertNil(first.store, "the first run's store is still alive")
        XCTAssertNil(second.store, "the second run's store is still alive")
    }

    /// kpt's path: a started program called through a function Go registered with js.FuncOf.
    func testCalledProgramFreesItsStore() throws {
        let seen = try started("set-annotation") { program in
            let output = try program.call(global: "processResourceList", arguments: [.string(KRMFunctionOracleTests.input)])
            XCTAssertTrue(output.jsString.contains("kind: ResourceList"), output.jsString)
        }
        XCTAssertNil(seen.store, "the store outlived its program")
    }
}
