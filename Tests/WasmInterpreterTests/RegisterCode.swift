import XCTest
@testable import WasmInterpreter

extension XCTestCase {
    /// The register code of the instance's function `k` (translated now if it has not run yet), one
    /// instruction per string, as the IR golden and fusion tests compare it.
    func ir(_ store: Store, _ instance: Instance, _ k: Int = 0) throws -> [String] {
        let address = instance.entity.functionAddresses[k]
        try Executor.compile(address, store: store)
        let c = try XCTUnwrap(store.functions[address].compiled)
        return (0..<c.codeCount).map { String(describing: c.code[$0]) }
    }
}
