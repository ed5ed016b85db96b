import WasmInterpreter
import WasmParser
import XCTest

/// memory64 addresses are full i64 values: one beyond 4 GiB must trap, not wrap onto a low address.
/// (The spec suite's memory64 files never load from such an address in a small memory, so it is pinned here.)
final class Memory64AddressTests: XCTestCase {
    /// (module (memory i64 1) (func (export "load") (param i64) (result i32) (i32.load8_u (local.get 0))))
    /// plus memory byte 0 = 0x2a from an active data segment.
    private let bytes: [UInt8] = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7e, 0x01, 0x7f,              // type (i64) -> i32
        0x03, 0x02, 0x01, 0x00,                                      // one function
        0x05, 0x03, 0x01, 0x04, 0x01,                                // memory i64, min 1 page
        0x07, 0x08, 0x01, 0x04, 0x6c, 0x6f, 0x61, 0x64, 0x00, 0x00,  // export "load"
        0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x2d, 0x00, 0x00, 0x0b,
        0x0b, 0x07, 0x01, 0x00, 0x42, 0x00, 0x0b, 0x01, 0x2a,        // data: i64.const 0 -> [0x2a]
    ]

    func testAddressBeyond4GiBTraps() throws {
        let module = try parseModule(bytes, options: ParseOptions(features: WasmFeatures.wasm2.union(.memory64)))
        let instance = try Store().instantiate(module, imports: Imports())
        guard case .function(let load)? = instance.export(Name("load")) else { return XCTFail("no export") }
        XCTAssertEqual(try load.invoke([.i64(0)]), [.i32(0x2a)])
        XCTAssertEqual(try load.invoke([.i64(65535)]), [.i32(0)])
        for address: UInt64 in [65536, 0x1_0000_0000, UInt64.max] {
            XCTAssertThrowsError(try load.invoke([.i64(address)]), "address \(address)") { error in
                XCTAssertEqual((error as? Trap)?.kind, .outOfBoundsMemoryAccess)
            }
        }
    }
}
