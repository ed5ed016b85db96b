import XCTest
import WasmParser
@testable import WasmInterpreter

/// `base + (i << 2)` as one i32AddShl2, and an i32.load of it as one i32LoadAddShl2, must compute what the
/// unfused shift, add and load compute: both 32-bit wraps, the access's bounds check, the fuel charged.
final class ScaledIndexFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32
    static let shl: UInt8 = 0x74, load: [UInt8] = [0x28, 0x02, 0x00]

    /// (base, i) -> load(base + (i << 2)) and -> base + (i << 2); the "plain" forms park the shift in
    /// local 2 first, which keeps the three instructions apart.
    func instance(fuel: UInt64? = nil) throws -> (Store, Instance) {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32]), b2 = b.type([i32, i32], [])
        let scaled = Op.localGet(1) + Op.i32Const(2) + [Self.shl]
        let parked = scaled + Op.localSet(2) + Op.localGet(2)
        b.function("load", type: t, locals: [i32], Op.localGet(0) + scaled + Op.i32Add + Self.load)
        b.function("loadPlain", type: t, locals: [i32], Op.localGet(0) + parked + Op.i32Add + Self.load)
        b.function("addr", type: t, locals: [i32], Op.localGet(0) + scaled + Op.i32Add)
        b.function("addrPlain", type: t, locals: [i32], Op.localGet(0) + parked + Op.i32Add)
        // A label between the shift and the add: not fused (a branch to it must not skip the shift).
        b.function("labelled", type: t, locals: [i32], Op.localGet(0) + scaled + Op.block + Op.end + Op.i32Add)
        b.function("poke", type: b2, Op.localGet(0) + Op.localGet(1) + [0x36, 0x02, 0x00])
        let store = Store(configuration: EngineConfiguration(fuel: fuel))
        return (store, try b.instantiate(store))
    }

    func testFusedMatchesUnfusedAndTrapsTheSame() throws {
        let (store, instance) = try instance()
        let f = { (name: String) in try XCTUnwrap(instance.exportedFunction(name)) }
        // Memory bytes 0..<64: byte k = k, so every word is distinguishable.
        for k in UInt32(0)..<16 {
            _ = try f("poke").invoke([.i32(4 * k), .i32((4 * k) | (4 * k + 1) << 8 | (4 * k + 2) << 16 | (4 * k + 3) << 24)])
        }
        let cases: [(UInt32, UInt32)] = [(0, 0), (4, 3), (0xFFFF_FFFC, 2), (8, 0x4000_0001), (0, 16383), (1, 2)]
        for (base, i) in cases {
            let expectedAddr = base &+ (i &<< 2)
            XCTAssertEqual(try f("addr").invoke([.i32(base), .i32(i)]), [.i32(expectedAddr)])
            XCTAssertEqual(try f("addrPlain").invoke([.i32(base), .i32(i)]), [.i32(expectedAddr)])
            XCTAssertEqual(try f("labelled").invoke([.i32(base), .i32(i)]), [.i32(expectedAddr)])
            XCTAssertEqual(try f("load").invoke([.i32(base), .i32(i)]), try f("loadPlain").invoke([.i32(base), .i32(i)]))
        }
        XCTAssertEqual(try f("load").invoke([.i32(4), .i32(3)]), [.i32(0x1312_1110)])
        // The last word in bounds (65532) loads; one byte further traps, as the unfused load does.
        XCTAssertEqual(try f("load").invoke([.i32(0), .i32(16383)]), try f("loadPlain").invoke([.i32(0), .i32(16383)]))
        for name in ["load", "loadPlain"] {
            expectTrap(.outOfBoundsMemoryAccess) { _ = try f(name).invoke([.i32(1), .i32(16383)]) }
            expectTrap(.outOfBoundsMemoryAccess) { _ = try f(name).invoke([.i32(0), .i32(16384)]) }
        }
        XCTAssertEqual(try ir(store, instance, 0), ["i32LoadAddShl2(0, 0, 1)", "ret"])
        XCTAssertEqual(try ir(store, instance, 2), ["i32AddShl2(0, 0, 1)", "ret"])
        XCTAssertTrue(try ir(store, instance, 4).contains { $0.hasPrefix("i32ShlImm(") })
    }

    func testFuelChargedAsTheUnfusedInstructions() throws {
        func minimumFuel(_ name: String) throws -> UInt64 {
            for fuel in UInt64(1)...64 {
                let (_, instance) = try instance(fuel: fuel)
                if (try? XCTUnwrap(instance.exportedFunction(name)).invoke([.i32(0), .i32(1)])) != nil { return fuel }
            }
            XCTFail("\(name) did not finish with 64 fuel")
            return 0
        }
        XCTAssertEqual(try minimumFuel("load"), try minimumFuel("loadPlain"))
        XCTAssertEqual(try minimumFuel("addr"), try minimumFuel("addrPlain"))
    }
}
