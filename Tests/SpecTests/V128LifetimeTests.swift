import WasmInterpreter
import WasmParser
import XCTest

/// SIMD results are freed when the outermost call returns; a v128 global must keep its value across that.
final class V128LifetimeTests: XCTestCase {
    /// (global $g (mut v128) (v128.const i64x2 0 0))
    /// (func (export "set") (param i32) (global.set $g (i32x4.splat (local.get 0))))
    /// (func (export "get") (result v128) (global.get $g))
    /// (func (export "splat") (param i32) (result v128) (i32x4.splat (local.get 0)))
    private let bytes: [UInt8] = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x0e, 0x03, 0x60, 0x01, 0x7f, 0x00, 0x60, 0x00, 0x01, 0x7b, 0x60, 0x01, 0x7f, 0x01, 0x7b,
        0x03, 0x04, 0x03, 0x00, 0x01, 0x02,
        0x06, 0x16, 0x01, 0x7b, 0x01, 0xfd, 0x0c] + [UInt8](repeating: 0, count: 16) + [0x0b,
        0x07, 0x15, 0x03, 0x03, 0x73, 0x65, 0x74, 0x00, 0x00, 0x03, 0x67, 0x65, 0x74, 0x00, 0x01,
        0x05, 0x73, 0x70, 0x6c, 0x61, 0x74, 0x00, 0x02,
        0x0a, 0x16, 0x03,
        0x08, 0x00, 0x20, 0x00, 0xfd, 0x11, 0x24, 0x00, 0x0b,
        0x04, 0x00, 0x23, 0x00, 0x0b,
        0x06, 0x00, 0x20, 0x00, 0xfd, 0x11, 0x0b,
    ]

    private func splat(_ x: UInt64) -> Value { .v128(V128(lo: x << 32 | x, hi: x << 32 | x)) }

    func testGlobalSurvivesReclaimedResults() throws {
        let instance = try Store().instantiate(try parseModule(bytes), imports: Imports())
        guard case .function(let set)? = instance.export(Name("set")),
              case .function(let get)? = instance.export(Name("get")),
              case .function(let splatFunction)? = instance.export(Name("splat")) else { return XCTFail("exports") }
        _ = try set.invoke([.i32(7)])
        for x: UInt64 in [9, 10, 11] {
            XCTAssertEqual(try splatFunction.invoke([.i32(UInt32(x))]), [splat(x)])
        }
        // Without re-pinning, the global's handle would now name the last reused transient entry (11s).
        XCTAssertEqual(try get.invoke([]), [splat(7)])
    }
}
