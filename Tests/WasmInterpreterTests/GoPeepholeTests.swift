import XCTest
import WasmParser
@testable import WasmInterpreter

/// The rewrites of TranslatorGoPeepholes.swift: a comparison followed by i32.eqz (as a value and as an `if`
/// condition) must give the opposite of the comparison alone; i64.extend_i32_u + i64.add of a constant must
/// give the zero-extended sum, including across the 32-bit boundary.
final class GoPeepholeTests: XCTestCase {
    typealias Ops = ImmediateFormTests

    /// Shapes: 0 x op y; 1 (x op y) eqz; 2 (x op c) eqz; 3 (c op x) eqz; 4 if ((x op c) eqz) 1 else 0; 5 (x eqz) eqz.
    static func body(_ op: ImmediateFormTests.BinaryOp, wide: Bool, shape: Int, _ c: Int64) -> [UInt8] {
        let x = Op.localGet(0), k = Ops.const(wide, c), o = [op.opcode], eqz: [UInt8] = [0x45]
        switch shape {
        case 0: return x + Op.localGet(1) + o
        case 1: return x + Op.localGet(1) + o + eqz
        case 2: return x + k + o + eqz
        case 3: return k + x + o + eqz
        case 4: return x + k + o + eqz + Op.ifI32 + Op.i32Const(1) + Op.else + Op.i32Const(0) + Op.end
        default: return x + [wide ? 0x50 : 0x45] + eqz
        }
    }

    func check(_ ops: [ImmediateFormTests.BinaryOp], wide: Bool) throws {
        let t = wide ? ModuleBuilder.i64 : ModuleBuilder.i32, i32 = ModuleBuilder.i32
        let compares = ops.filter(\.compare)
        var b = ModuleBuilder()
        for (i, op) in compares.enumerated() {
            let two = b.type([t, t], [i32]), one = b.type([t], [i32])
            b.function("slot\(i)", type: two, Self.body(op, wide: wide, shape: 0, 0))
            b.function("slotEqz\(i)", type: two, Self.body(op, wide: wide, shape: 1, 0))
            for (j, c) in Ops.constants.enumerated() {
                for shape in 2...4 { b.function("f\(i)_\(j)_\(shape)", type: one, Self.body(op, wide: wide, shape: shape, c)) }
            }
        }
        b.function("eqzEqz", type: b.type([t], [i32]), Self.body(compares[0], wide: wide, shape: 5, 0))
        let instance = try b.instantiate(Store())
        func value(_ v: Int64) -> Value { wide ? .i64(UInt64(bitPattern: v)) : .i32(UInt32(truncatingIfNeeded: v)) }
        func not(_ r: [Value]) -> [Value] { [.i32(r == [.i32(0)] ? 1 : 0)] }
        for (i, op) in compares.enumerated() {
            let slot = try XCTUnwrap(instance.exportedFunction("slot\(i)"))
            let slotEqz = try XCTUnwrap(instance.exportedFunction("slotEqz\(i)"))
            for (j, c) in Ops.constants.enumerated() {
                for x in Ops.inputs {
                    XCTAssertEqual(try slotEqz.invoke([value(x), value(c)]), not(try slot.invoke([value(x), value(c)])), "\(op.name) x=\(x) y=\(c)")
                    for shape in 2...4 {
                        let f = try XCTUnwrap(instance.exportedFunction("f\(i)_\(j)_\(shape)"))
                        let plain = try slot.invoke(shape == 3 ? [value(c), value(x)] : [value(x), value(c)])
                        XCTAssertEqual(try f.invoke([value(x)]), not(plain), "\(op.name) shape \(shape) x=\(x) c=\(c)")
                    }
                }
            }
        }
        let eqzEqz = try XCTUnwrap(instance.exportedFunction("eqzEqz"))
        for x in Ops.inputs {
            let nonzero = wide ? x != 0 : Int32(truncatingIfNeeded: x) != 0
            XCTAssertEqual(try eqzEqz.invoke([value(x)]), [.i32(nonzero ? 1 : 0)], "eqz eqz \(x)")
        }
    }

    func testI32ComparisonThenEqzIsTheOppositeComparison() throws { try check(Ops.i32Ops, wide: false) }
    func testI64ComparisonThenEqzIsTheOppositeComparison() throws { try check(Ops.i64Ops, wide: true) }

    /// `<comparison>; i64.extend_i32_u` emits no extension (the 0/1 cell already is the i64); an extension of
    /// anything else stays and clears the upper half.
    func testExtensionOfAComparisonIsFree() throws {
        let i64 = ModuleBuilder.i64, x = Op.localGet(0), y = Op.localGet(1), extend: [UInt8] = [0xAD], wrap: [UInt8] = [0xA7]
        let bodies: [(String, [UInt8], free: Bool, (UInt64, UInt64) -> UInt64)] = [
            ("eqz", x + [0x50] + extend, true, { a, _ in a == 0 ? 1 : 0 }),
            ("ltS", x + y + [0x53] + extend, true, { a, b in Int64(bitPattern: a) < Int64(bitPattern: b) ? 1 : 0 }),
            ("gtUImm", x + [0x42] + ModuleBuilder.sleb(5) + [0x56] + extend, true, { a, _ in a > 5 ? 1 : 0 }),
            ("sum", x + wrap + y + wrap + Op.i32Add + extend, false, { a, b in (a &+ b) & 0xFFFF_FFFF }),
            ("wrapped", x + wrap + extend, false, { a, _ in a & 0xFFFF_FFFF }),
        ]
        var b = ModuleBuilder()
        let type = b.type([i64, i64], [i64])
        for (name, body, _, _) in bodies { b.function(name, type: type, body) }
        let store = Store()
        let instance = try b.instantiate(store)
        let inputs: [UInt64] = [0, 1, 5, 6, 0xFFFF_FFFF, 0x1_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0001]
        for (k, (name, _, free, expected)) in bodies.enumerated() {
            let code = try ir(store, instance, k)
            XCTAssertEqual(code.contains { $0.hasPrefix("i64ExtendI32U(") }, !free, "\(name): \(code)")
            let f = try XCTUnwrap(instance.exportedFunction(name))
            for a in inputs {
                for c in inputs { XCTAssertEqual(try f.invoke([.i64(a), .i64(c)]), [.i64(expected(a, c))], "\(name) \(a) \(c)") }
            }
        }
    }

    /// Go tests a boolean as `x; i64.eqz; i64.extend_i32_u; i64.eqz; i32.eqz; br_if` (taken when x == 0): one
    /// branch on x. Through a local (the tee) the eqz stays. Each shape as a `br_if` (7 when taken, else 9)
    /// and as an `if` (1 or 0).
    func testBranchOnABooleanTestsItsSource() throws {
        let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64
        let tail: [UInt8] = [0xAD, 0x50, 0x45]  // i64.extend_i32_u, i64.eqz, i32.eqz
        let x = Op.localGet(0)
        let conditions: [(String, [UInt8], folds: Bool, (UInt64) -> Bool)] = [
            ("i64", x + [0x50] + tail, true, { $0 == 0 }),
            ("i32", x + [0xA7, 0x45] + tail, true, { UInt32(truncatingIfNeeded: $0) == 0 }),
            ("tee", x + [0x50] + Op.localTee(1) + tail, false, { $0 == 0 }),
        ]
        var b = ModuleBuilder()
        let type = b.type([i64], [i32])
        for (name, condition, _, _) in conditions {
            b.function("brIf_\(name)", type: type, locals: [i32], Op.blockI32 + Op.i32Const(7) + condition + Op.brIf(0)
                + Op.drop + Op.i32Const(9) + Op.end)
            b.function("if_\(name)", type: type, locals: [i32], condition + Op.ifI32 + Op.i32Const(1) + Op.else + Op.i32Const(0) + Op.end)
        }
        let store = Store()
        let instance = try b.instantiate(store)
        for (k, (name, _, folds, taken)) in conditions.enumerated() {
            for f in [2 * k, 2 * k + 1] {
                let code = try ir(store, instance, f)
                XCTAssertEqual(code.contains { $0.hasPrefix("i64Eqz(") || $0.hasPrefix("i32Eqz(") }, !folds, "\(name): \(code)")
            }
            let brIf = try XCTUnwrap(instance.exportedFunction("brIf_\(name)"))
            let ifElse = try XCTUnwrap(instance.exportedFunction("if_\(name)"))
            for v: UInt64 in [0, 1, 0xFFFF_FFFF, 0x1_0000_0000, 0xFFFF_FFFF_FFFF_FFFF] {
                XCTAssertEqual(try brIf.invoke([.i64(v)]), [.i32(taken(v) ? 7 : 9)], "brIf \(name) \(v)")
                XCTAssertEqual(try ifElse.invoke([.i64(v)]), [.i32(taken(v) ? 1 : 0)], "if \(name) \(v)")
            }
        }
    }

    func testZeroExtensionPlusConstantIsOneInstruction() throws {
        let constants: [Int64] = [0, 8, -8, 1, -1, Int64(Int32.max), Int64(Int32.min), 1 << 33]
        var b = ModuleBuilder()
        let type = b.type([ModuleBuilder.i32], [ModuleBuilder.i64])
        for (j, c) in constants.enumerated() {
            b.function("add\(j)", type: type, Op.localGet(0) + [0xAD] + [0x42] + ModuleBuilder.sleb(c) + [0x7C])
        }
        let store = Store()
        let instance = try b.instantiate(store)
        for (j, c) in constants.enumerated() {
            let f = try XCTUnwrap(instance.exportedFunction("add\(j)"))
            for x: UInt32 in [0, 1, 7, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFF8, 0xFFFF_FFFF] {
                let expected = UInt64(x) &+ UInt64(bitPattern: c)
                XCTAssertEqual(try f.invoke([.i32(x)]), [.i64(expected)], "\(x) + \(c)")
            }
            let compiled = try XCTUnwrap(store.functions[instance.entity.functionAddresses[j]].compiled)
            let ir = (0..<compiled.codeCount).map { String(describing: compiled.code[$0]) }
            let fused = Int64(Int32.min)...Int64(Int32.max) ~= c
            XCTAssertEqual(ir.contains { $0.hasPrefix("i64ExtendU32AddImm(") }, fused, "\(c): \(ir)")
        }
    }
    /// Go's `local.get sp; i64.extend_i32_u; i64.const c; i64.add; i32.wrap_i64; i64.load`: one fused load
    /// at the 32-bit wrapped address u32(sp) + c, reading what a plain load at that address reads (or trapping).
    func testStackSlotAddressFusesIntoTheLoad() throws {
        let constants: [Int64] = [0, 8, -8, 65535, Int64(Int32.max), Int64(Int32.min)]
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let i32 = ModuleBuilder.i32, i64 = ModuleBuilder.i64
        b.function("poke", type: b.type([i32, i64], []), Op.localGet(0) + Op.localGet(1) + [0x37, 0x00, 0x00])
        b.function("peek", type: b.type([i32], [i64]), Op.localGet(0) + [0x29, 0x00, 0x00])
        for (j, c) in constants.enumerated() {
            b.function("load\(j)", type: b.type([i32], [i64]),
                       Op.localGet(0) + [0xAD, 0x42] + ModuleBuilder.sleb(c) + [0x7C, 0xA7, 0x29, 0x00, 0x00])
        }
        let store = Store()
        let instance = try b.instantiate(store)
        let poke = try XCTUnwrap(instance.exportedFunction("poke")), peek = try XCTUnwrap(instance.exportedFunction("peek"))
        for a: UInt32 in stride(from: 0, to: 64, by: 8) { _ = try poke.invoke([.i32(a), .i64(0x0102_0304_0506_0708 &* UInt64(a + 1))]) }
        _ = try poke.invoke([.i32(65528), .i64(0xDEAD_BEEF)])
        for (j, c) in constants.enumerated() {
            let f = try XCTUnwrap(instance.exportedFunction("load\(j)"))
            for x: UInt32 in [0, 8, 16, 24, 65528, 65529, 0xFFFF_FFF8, 0x8000_0000] {
                let address = x &+ UInt32(truncatingIfNeeded: c)
                XCTAssertEqual(outcome { try f.invoke([.i32(x)]) }, outcome { try peek.invoke([.i32(address)]) }, "\(x) + \(c)")
            }
            let compiled = try XCTUnwrap(store.functions[instance.entity.functionAddresses[2 + j]].compiled)
            let ir = (0..<compiled.codeCount).map { String(describing: compiled.code[$0]) }
            XCTAssertTrue(ir.contains { $0.hasPrefix("i64LoadAddImm(") }, "\(c): \(ir)")
        }
    }

    func outcome(_ run: () throws -> [Value]) -> String {
        do { return "\(try run())" } catch { return "trap: \(error)" }
    }
}
