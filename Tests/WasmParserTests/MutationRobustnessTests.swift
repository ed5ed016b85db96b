import Foundation
import XCTest
@testable import WasmParser

/// Bad input must never crash the host: flip bytes in real modules and truncate them, and require
/// every outcome to be either a module or a `WasmError` (eagerly and lazily validated).
final class MutationRobustnessTests: XCTestCase {
    /// SplitMix64: a tiny deterministic generator so failures reproduce.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    private func seedModules() throws -> [[UInt8]] {
        guard let core = SpecSuiteLocator.coreDirectory() else {
            XCTFail("spec suite not found: set WASM_SPEC_TESTS (needed for seed modules)")
            return []
        }
        var modules: [[UInt8]] = []
        for (suite, index) in [("br_table", 0), ("call_indirect", 0), ("elem", 1), ("memory_copy", 0),
                               ("global", 0), ("bulk", 0), ("ref_func", 0), ("loop", 0)] {
            let url = core.appendingPathComponent("\(suite)/\(suite).\(index).wasm")
            modules.append([UInt8](try Data(contentsOf: url)))
        }
        return modules
    }

    func testMutatedModulesNeverCrash() throws {
        var rng = SplitMix64(state: 0x5EED)
        var outcomes = (accepted: 0, malformed: 0, invalid: 0)
        for original in try seedModules() {
            XCTAssertNoThrow(try parseModule(original), "seed module must be valid")
            for _ in 0..<150 {
                var bytes = original
                for _ in 0...rng.below(3) {
                    let at = 8 + rng.below(bytes.count - 8)
                    bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
                if rng.below(4) == 0 { bytes.removeLast(rng.below(bytes.count - 8)) }
                for lazy in [false, true] {
                    do {
                        let m = try parseModule(bytes, options: ParseOptions(validateBodies: !lazy))
                        outcomes.accepted += 1
                        if lazy {
                            for i in 0..<m.bodies.count { _ = try? m.validateFunction(i) }
                        }
                    } catch let error as WasmError {
                        if error.phase == .malformed { outcomes.malformed += 1 } else { outcomes.invalid += 1 }
                        XCTAssertFalse(error.message.isEmpty)
                    }
                }
            }
        }
        print("mutations: \(outcomes.accepted) accepted, \(outcomes.malformed) malformed, \(outcomes.invalid) invalid")
        XCTAssertGreaterThan(outcomes.malformed, 0)
        XCTAssertGreaterThan(outcomes.invalid, 0)
    }
}
