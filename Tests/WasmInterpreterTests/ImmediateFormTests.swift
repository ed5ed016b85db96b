import XCTest
import WasmParser
@testable import WasmInterpreter

/// Operators with a constant operand (immediate forms, fused compare-immediate branches, constant writes,
/// folded constant addresses) must compute what the all-slot form computes for the same values.
final class ImmediateFormTests: XCTestCase {
    struct BinaryOp { let name: String; let opcode: UInt8; let compare: Bool }

    static let i32Ops: [BinaryOp] = [
        ("eq", 0x46, true), ("ne", 0x47, true), ("lt_s", 0x48, true), ("lt_u", 0x49, true), ("gt_s", 0x4A, true),
        ("gt_u", 0x4B, true), ("le_s", 0x4C, true), ("le_u", 0x4D, true), ("ge_s", 0x4E, true), ("ge_u", 0x4F, true),
        ("add", 0x6A, false), ("sub", 0x6B, false), ("mul", 0x6C, false), ("and", 0x71, false), ("or", 0x72, false),
        ("xor", 0x73, false), ("shl", 0x74, false), ("shr_s", 0x75, false), ("shr_u", 0x76, false),
        ("rotl", 0x77, false), ("rotr", 0x78, false),
    ].map { BinaryOp(name: "i32." + $0.0, opcode: $0.1, compare: $0.2) }
    static let i64Ops: [BinaryOp] = [
        ("eq", 0x51, true), ("ne", 0x52, true), ("lt_s", 0x53, true), ("lt_u", 0x54, true), ("gt_s", 0x55, true),
        ("gt_u", 0x56, true), ("le_s", 0x57, true), ("le_u", 0x58, true), ("ge_s", 0x59, true), ("ge_u", 0x5A, true),
        ("add", 0x7C, false), ("sub", 0x7D, false), ("mul", 0x7E, false), ("and", 0x83, false), ("or", 0x84, false),
        ("xor", 0x85, false), ("shl", 0x86, false), ("shr_s", 0x87, false), ("shr_u", 0x88, false),
        ("rotl", 0x89, false), ("rotr", 0x8A, false),
    ].map { BinaryOp(name: "i64." + $0.0, opcode: $0.1, compare: $0.2) }

    static let constants: [Int64] = [0, 1, -1, 5, 31, 33, 63, 65, Int64(Int32.min), Int64(Int32.max), 1 << 40, Int64.min]
    static let inputs: [Int64] = [0, 1, -1, 2, 7, 31, 64, -5, Int64(Int32.min), Int64(Int32.max), 1 << 35, Int64.max, Int64.min]

    static func const(_ wide: Bool, _ c: Int64) -> [UInt8] {
        wide ? [0x42] + ModuleBuilder.sleb(c) : Op.i32Const(Int32(truncatingIfNeeded: c))
    }

    /// Function shapes: 0 slot form (x op y), 1 x op c, 2 c op x, 3 fused br_if on x op c, 4 fused `if` on c op x.
    static func body(_ op: BinaryOp, wide: Bool, shape: Int, _ c: Int64) -> [UInt8] {
        let x = Op.localGet(0), k = const(wide, c), o = [op.opcode]
        switch shape {
        case 0: return x + Op.localGet(1) + o
        case 1: return x + k + o
        case 2: return k + x + o
        case 3: return Op.block + x + k + o + Op.brIf(0) + Op.i32Const(0) + [0x0F] + Op.end + Op.i32Const(1)
        default: return k + x + o + Op.ifI32 + Op.i32Const(1) + Op.else + Op.i32Const(0) + Op.end
        }
    }

    func check(_ ops: [BinaryOp], wide: Bool) throws {
        let t = wide ? ModuleBuilder.i64 : ModuleBuilder.i32
        var b = ModuleBuilder()
        for (i, op) in ops.enumerated() {
            let r: UInt8 = op.compare ? ModuleBuilder.i32 : t
            let two = b.type([t, t], [r]), one = b.type([t], [r]), branch = b.type([t], [ModuleBuilder.i32])
            b.function("slot\(i)", type: two, Self.body(op, wide: wide, shape: 0, 0))
            for (j, c) in Self.constants.enumerated() {
                for shape in 1...(op.compare ? 4 : 2) {
                    b.function("f\(i)_\(j)_\(shape)", type: shape >= 3 ? branch : one, Self.body(op, wide: wide, shape: shape, c))
                }
            }
        }
        let store = Store()
        let instance = try b.instantiate(store)
        for (i, op) in ops.enumerated() {
            let slot = try XCTUnwrap(instance.exportedFunction("slot\(i)"))
            for (j, c) in Self.constants.enumerated() {
                for shape in 1...(op.compare ? 4 : 2) {
                    let name = "f\(i)_\(j)_\(shape)"
                    let f = try XCTUnwrap(instance.exportedFunction(name))
                    for x in Self.inputs {
                        let (vx, vc) = (value(wide, x), value(wide, c))
                        var expected = try slot.invoke(shape == 2 || shape == 4 ? [vc, vx] : [vx, vc])
                        if shape >= 3 { expected = [.i32(expected == [.i32(0)] ? 0 : 1)] }
                        XCTAssertEqual(try f.invoke([vx]), expected, "\(op.name) shape \(shape) x=\(x) c=\(c)")
                    }
                    // x op c with a constant that fits 32 bits: an immediate form, nothing in the constant area.
                    guard shape == 1 || shape == 3, expectsImmediate(op.name, c) else { continue }
                    let address = instance.entity.functionAddresses[index(of: name, ops)]
                    let compiled = try XCTUnwrap(store.functions[address].compiled)
                    let ir = (0..<compiled.codeCount).map { String(describing: compiled.code[$0]) }
                    let zero = (wide ? c : Int64(Int32(truncatingIfNeeded: c))) == 0
                    let identity = zero && ["add", "sub", "or", "xor"].contains { op.name.hasSuffix(".\($0)") }
                    if shape == 1 && identity {
                        XCTAssertEqual(ir, ["ret"], "\(name): x op 0 is x, no instruction")
                    } else {
                        XCTAssertTrue(ir.contains { $0.contains("Imm(") }, "\(name): \(ir)")
                    }
                    XCTAssertEqual(compiled.constCount, 0, "\(name): \(ir)")
                }
            }
        }
    }

    /// Whether `x op c` must translate to an immediate form.
    func expectsImmediate(_ name: String, _ c: Int64) -> Bool {
        guard Int64(Int32.min)...Int64(Int32.max) ~= c || name.hasPrefix("i32.") else { return false }
        if ["i64.rotl", "i64.rotr", "i64.mul"].contains(name) { return false }
        if name == "i64.sub" && c == Int64(Int32.min) { return false }
        // le/ge become lt/gt with c ± 1, except at the ends of the range.
        if ["le_s", "le_u", "ge_s", "ge_u"].contains(where: name.hasSuffix) {
            return ![0, -1, Int64(Int32.min), Int64(Int32.max)].contains(Int64(Int32(truncatingIfNeeded: c)))
        }
        return true
    }

    /// Function index of `name` in the order `check` defines them.
    func index(of name: String, _ ops: [BinaryOp]) -> Int {
        var k = 0
        for (i, op) in ops.enumerated() {
            if name == "slot\(i)" { return k }
            k += 1
            for j in Self.constants.indices {
                for shape in 1...(op.compare ? 4 : 2) {
                    if name == "f\(i)_\(j)_\(shape)" { return k }
                    k += 1
                }
            }
        }
        preconditionFailure("no function \(name)")
    }

    func value(_ wide: Bool, _ v: Int64) -> Value {
        wide ? .i64(UInt64(bitPattern: v)) : .i32(UInt32(truncatingIfNeeded: v))
    }

    func testI32ImmediateFormsMatchSlotForms() throws { try check(Self.i32Ops, wide: false) }
    func testI64ImmediateFormsMatchSlotForms() throws { try check(Self.i64Ops, wide: true) }
}
