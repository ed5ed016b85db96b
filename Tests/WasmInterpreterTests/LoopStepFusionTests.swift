import XCTest
import WasmParser
@testable import WasmInterpreter

/// Loop ends fused with the in-place step before them (`i += k; br_if (i op c)`) must compute what the
/// unfused pair computes: the same final local and iteration count, with and without fuel metering.
final class LoopStepFusionTests: XCTestCase {
    /// A loop end: the step (an immediate, or nil for "add parameter 1"), and the branch test (nil: br_if i).
    struct Shape { let name: String; let step: Int32?; let test: (opcode: UInt8, c: Int32)?; let starts: [Int32]; let amounts: [Int32] }

    static let shapes: [Shape] = [
        Shape(name: "ne+1", step: 1, test: (0x47, 50), starts: [0, 49, 10, -5], amounts: [0]),
        Shape(name: "ne-1", step: -1, test: (0x47, -3), starts: [0, 10], amounts: [0]),
        Shape(name: "ne wraps", step: 1, test: (0x47, Int32.min), starts: [Int32.max - 3, Int32.max], amounts: [0]),
        Shape(name: "ne wide step", step: 100_000, test: (0x47, 1_000_000), starts: [0, 900_000], amounts: [0]),
        Shape(name: "lt_u", step: 4, test: (0x49, 100), starts: [0, 3, 99, 100, 200, -1], amounts: [0]),
        Shape(name: "lt_s", step: 3, test: (0x48, 10), starts: [-20, 0, 9, 10, 50], amounts: [0]),
        Shape(name: "gt_u", step: -64, test: (0x4B, 7), starts: [195, 71, 64, 453], amounts: [0]),
        Shape(name: "nez-1", step: -1, test: nil, starts: [1, 5, 100], amounts: [0]),
        Shape(name: "nez-8", step: -8, test: nil, starts: [64, 8, 800], amounts: [0]),
        Shape(name: "add lt_u", step: nil, test: (0x49, 1000), starts: [0, 999, 1000, 5000], amounts: [1, 7, 500]),
    ]

    /// (start, amount) -> i * 1000 + n after `loop { n += 1; i += step; [spacer] br_if (i op c) }`.
    static func body(_ s: Shape, spacer: Bool) -> [UInt8] {
        var b = Op.loop + Op.localGet(2) + Op.i32Const(1) + Op.i32Add + Op.localSet(2)
        b += Op.localGet(0) + (s.step.map(Op.i32Const) ?? Op.localGet(1)) + Op.i32Add + Op.localSet(0)
        if spacer { b += Op.localGet(1) + Op.localSet(3) } // a copy between the step and the test: no fusion
        b += Op.localGet(0)
        if let t = s.test { b += Op.i32Const(t.c) + [t.opcode] }
        b += Op.brIf(0) + Op.end
        return b + Op.localGet(0) + Op.i32Const(1000) + [0x6C] + Op.localGet(2) + Op.i32Add
    }

    /// The same loop in Swift, wrapping as i32 arithmetic does.
    static func oracle(_ s: Shape, _ start: Int32, _ amount: Int32) -> Int32? {
        var i = start, n: Int32 = 0
        while true {
            n += 1
            i = i &+ (s.step ?? amount)
            let taken: Bool
            switch s.test?.opcode {
            case nil: taken = i != 0
            case 0x47: taken = i != s.test!.c
            case 0x48: taken = i < s.test!.c
            case 0x49: taken = UInt32(bitPattern: i) < UInt32(bitPattern: s.test!.c)
            default: taken = UInt32(bitPattern: i) > UInt32(bitPattern: s.test!.c)
            }
            if !taken { return i &* 1000 &+ n }
            if n > 10_000 { return nil }
        }
    }

    func testFusedLoopEndsMatchUnfusedAndSwift() throws {
        let i32 = ModuleBuilder.i32
        var b = ModuleBuilder()
        let t = b.type([i32, i32], [i32])
        for (k, s) in Self.shapes.enumerated() {
            b.function("fused\(k)", type: t, locals: [i32, i32], Self.body(s, spacer: false))
            b.function("plain\(k)", type: t, locals: [i32, i32], Self.body(s, spacer: true))
        }
        for fuel in [nil, UInt64(10_000_000)] as [UInt64?] {
            let store = Store(configuration: EngineConfiguration(fuel: fuel))
            let instance = try b.instantiate(store)
            for (k, s) in Self.shapes.enumerated() {
                let fused = try XCTUnwrap(instance.exportedFunction("fused\(k)"))
                let plain = try XCTUnwrap(instance.exportedFunction("plain\(k)"))
                for start in s.starts {
                    for amount in s.amounts {
                        let expected = try XCTUnwrap(Self.oracle(s, start, amount), "\(s.name): oracle loops")
                        let args: [Value] = [.i32(UInt32(bitPattern: start)), .i32(UInt32(bitPattern: amount))]
                        XCTAssertEqual(try plain.invoke(args), [.i32(UInt32(bitPattern: expected))], "\(s.name) unfused \(start) \(amount)")
                        XCTAssertEqual(try fused.invoke(args), [.i32(UInt32(bitPattern: expected))], "\(s.name) fused \(start) \(amount)")
                    }
                }
                // The pair fuses unless the step does not fit the packed form; the spacer always prevents it.
                let fusedIR = try ir(store, instance, 2 * k), plainIR = try ir(store, instance, 2 * k + 1)
                let isFused: (String) -> Bool = { $0.hasPrefix("step") || $0.hasPrefix("addBrIf") }
                XCTAssertEqual(fusedIR.contains(where: isFused), s.name != "ne wide step", "\(s.name): \(fusedIR)")
                XCTAssertFalse(plainIR.contains(where: isFused), "\(s.name): \(plainIR)")
            }
        }
    }

    /// A branch landing between the step and the test must not run the step: no fusion there.
    func testNoFusionAcrossALabel() throws {
        let i32 = ModuleBuilder.i32
        // loop { n += 1; block { br_if 0 (n & 1); i += 1 } ; br_if 0 (i < 10) } -> n = 20 (odd n skip the step)
        let body = Op.loop + Op.localGet(1) + Op.i32Const(1) + Op.i32Add + Op.localSet(1)
            + Op.block + Op.localGet(1) + Op.i32Const(1) + [0x71] + Op.brIf(0)
            + Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localSet(0) + Op.end
            + Op.localGet(0) + Op.i32Const(10) + [0x48] + Op.brIf(0) + Op.end + Op.localGet(1)
        var b = ModuleBuilder()
        b.function("f", type: b.type([], [i32]), locals: [i32, i32], body)
        let store = Store()
        let instance = try b.instantiate(store)
        XCTAssertEqual(try XCTUnwrap(instance.exportedFunction("f")).invoke([]), [.i32(20)])
        let code = try ir(store, instance, 0)
        XCTAssertTrue(code.contains("i32AddImm(0, 0, 1)") && code.contains { $0.hasPrefix("brIfI32LtSImm(0, 10") }, "\(code)")
    }
}
