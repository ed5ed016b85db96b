import Foundation
import WasmInterpreter
import WasmParser
import XCTest

/// In-process replays of what the libFuzzer targets (Fuzz/) do, so every finding stays fixed:
/// inputs saved in Tests/Fixtures/robustness/fuzz-regressions go through decode, validation,
/// instantiation and a call of every export under small limits; and a seeded mutation run over
/// small valid modules checks the same paths never crash (a crash ends this process: a failure).
final class FuzzReplayTests: XCTestCase {
    func testSavedFuzzInputsRunCleanly() throws {
        let dir = RobustnessFixtures.fixturesRoot + "/robustness/fuzz-regressions"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".wasm") }.sorted()
        XCTAssertFalse(files.isEmpty, "no saved fuzz inputs in \(dir)")
        for name in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            let outcome = FuzzLayers.run(bytes)
            XCTAssertFalse(outcome.hasPrefix("unexpected"), "\(name): \(outcome)")
        }
    }

    /// The libFuzzer runs' leak finding (`leak-exported-memory.wasm`): once the embedder lets go, every saved
    /// input's store is freed, whatever its instance exports.
    func testSavedFuzzInputsFreeTheirStores() throws {
        let dir = RobustnessFixtures.fixturesRoot + "/robustness/fuzz-regressions"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".wasm") }.sorted()
        XCTAssertTrue(files.contains("leak-exported-memory.wasm"), "the leak finding is missing from \(dir)")
        for name in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            final class WeakStore { weak var store: Store? }
            let seen = WeakStore()
            var instantiated = false
            let outcome = FuzzLayers.run(bytes) { store in
                seen.store = store
                instantiated = true
            }
            if name == "leak-exported-memory.wasm" { XCTAssertTrue(instantiated, "\(name): \(outcome)") }
            XCTAssertNil(seen.store, "\(name): the store outlived the run (\(outcome))")
        }
    }

    /// 3000 seeded mutations (one or two bit flips, byte changes, truncations, splices each) of small valid modules.
    func testMutatedModulesNeverCrash() throws {
        let seeds: [[UInt8]] = [FuzzLayers.loopModule, FuzzLayers.memoryModule]
        var rng = SplitMix(seed: 0x5eed)
        var outcomes: [String: Int] = [:]
        for i in 0..<3000 {
            var bytes = seeds[i % seeds.count]
            for _ in 0..<(1 + Int(rng.next() % 2)) {
                let at = Int(rng.next() % UInt64(max(bytes.count, 1)))
                switch rng.next() % 8 {
                case 0...3: if at < bytes.count { bytes[at] ^= UInt8(1 << (rng.next() % 8)) }
                case 4, 5: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                case 6: bytes = Array(bytes.prefix(at))
                default: bytes.insert(contentsOf: bytes.prefix(8), at: min(at, bytes.count))
                }
            }
            let outcome = FuzzLayers.run(bytes)
            XCTAssertFalse(outcome.hasPrefix("unexpected"), "mutation \(i): \(outcome) bytes \(bytes)")
            outcomes[String(outcome.prefix(while: { $0 != ":" })), default: 0] += 1
        }
        // The mix must include valid, runnable modules, or the mutation is too blunt to test anything.
        XCTAssertGreaterThan(outcomes["ran", default: 0], 50, "\(outcomes)")
        XCTAssertGreaterThan(outcomes["malformed", default: 0], 100, "\(outcomes)")
    }
}

/// The three fuzz layers in one call: "malformed"/"invalid" (decoder), "link"/"instantiate",
/// "ran" (every export called; traps allowed) or "unexpected: ..." for an error of the wrong type.
enum FuzzLayers {
    /// `instantiated` sees the store once an instance exists (to check what outlives the run).
    static func run(_ bytes: [UInt8], instantiated: (Store) -> Void = { _ in }) -> String {
        let module: Module
        do { module = try parseModule(bytes) } catch let e as WasmError {
            return e.phase == .malformed ? "malformed: \(e)" : "invalid: \(e)"
        } catch { return "unexpected: parse threw \(type(of: error)) \(error)" }
        let store = Store(configuration: EngineConfiguration(maxMemoryPages: 16, maxCallDepth: 2_000, fuel: 100_000))
        var imports = Imports()
        for imp in module.imports {
            guard case .function(let t) = imp.kind else { return "link: non-function import" }
            imports.define(module: imp.module, name: imp.name,
                           .function(store.hostFunction(type: module.types[Int(t)]) { _, _ in throw Trap(.host, "no import") }))
        }
        let instance: Instance
        do { instance = try store.instantiate(module, imports: imports) } catch is Trap { return "instantiate: trap" }
        catch is LinkError { return "link: error" }
        catch { return "unexpected: instantiate threw \(type(of: error)) \(error)" }
        instantiated(store)
        for (_, value) in instance.exports {
            guard case .function(let f) = value else { continue }
            store.configuration.fuel = 100_000
            let args: [Value] = f.type.params.map { _ in .i32(0) }
            guard f.type.params.allSatisfy({ $0 == .i32 }) else { continue }
            do { _ = try f.invoke(args) } catch is Trap {} catch { return "unexpected: invoke threw \(type(of: error)) \(error)" }
        }
        return "ran: ok"
    }

    /// (func (export "f") (param i32) (result i32) loop ... br_if ... end; local.get 0 i32.const 1 i32.add)
    static let loopModule: [UInt8] = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,             // type: (i32) -> i32
        0x03, 0x02, 0x01, 0x00,                                     // func 0: type 0
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,                   // export "f"
        0x0a, 0x15, 0x01, 0x13, 0x00,                               // code: 1 body, no locals
        0x03, 0x40,                                                 // loop
        0x20, 0x00, 0x41, 0x01, 0x6a, 0x22, 0x00,                   // local.get 0; i32.const 1; i32.add; local.tee 0
        0x41, 0x0a, 0x48, 0x0d, 0x00,                               // i32.const 10; i32.lt_s; br_if 0
        0x0b, 0x20, 0x00, 0x0b,                                     // end; local.get 0; end
    ]

    /// (memory 1) (func (export "g") (param i32) (result i32) memory.grow, then i32.load at the arg)
    static let memoryModule: [UInt8] = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x05, 0x03, 0x01, 0x00, 0x01,                               // memory min 1
        0x07, 0x05, 0x01, 0x01, 0x67, 0x00, 0x00,                   // export "g"
        0x0a, 0x11, 0x01, 0x0f, 0x00,
        0x41, 0x02, 0x40, 0x00, 0x1a,                               // i32.const 2; memory.grow; drop
        0x20, 0x00, 0x28, 0x02, 0x00,                               // local.get 0; i32.load align=2
        0x41, 0x01, 0x6a, 0x0b,                                     // i32.const 1; i32.add; end
    ]
}

/// A small deterministic generator (SplitMix64) so every run mutates the same way.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}
