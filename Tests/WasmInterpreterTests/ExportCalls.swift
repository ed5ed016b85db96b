import XCTest
@testable import WasmInterpreter

extension XCTestCase {
    /// Calls the instance's export `name` with i32 arguments and returns its i32 result, as the fusion tests
    /// compare results.
    func callI32(_ instance: Instance, _ name: String, _ args: [Int32]) throws -> Int32 {
        let f = try XCTUnwrap(instance.exportedFunction(name))
        guard case .i32(let bits)? = try f.invoke(args.map { .i32(UInt32(bitPattern: $0)) }).first else {
            XCTFail("\(name) returned no i32")
            return 0
        }
        return Int32(bitPattern: bits)
    }

    /// Calls the instance's export `name` and returns its f64 result as a Double.
    func callF64(_ instance: Instance, _ name: String, _ args: [Value]) throws -> Double {
        let f = try XCTUnwrap(instance.exportedFunction(name))
        guard case .f64(let bits)? = try f.invoke(args).first else {
            XCTFail("\(name) returned no f64")
            return .nan
        }
        return Double(bitPattern: bits)
    }
}
