import XCTest
import WasmParser
@testable import WasmInterpreter

/// Xors fused with the immediate shift before them (`t ^= rotl(x, c)`) must compute what the unfused
/// pair computes.
final class ShiftXorFusionTests: XCTestCase {
    static let rotl: UInt8 = 0x77, shrU: UInt8 = 0x76, shl: UInt8 = 0x74, rotr: UInt8 = 0x78, xor: UInt8 = 0x73

    /// (x, y) -> rotl(x, 7) ^ rotr(x, 18) ^ (y >>u c) ^ (x << c), each shift either the xor's right operand
    /// straight from the stack or, with `viaLocal`, parked in local 2 first (no fusion).
    static func body(_ c: Int32, viaLocal: Bool) -> [UInt8] {
        func shift(_ src: UInt32, _ op: UInt8, _ k: Int32) -> [UInt8] {
            let s = Op.localGet(src) + Op.i32Const(k) + [op]
            return viaLocal ? s + Op.localSet(2) + Op.localGet(2) : s
        }
        var b = Op.localGet(0) + Op.i32Const(7) + [rotl]
        b += shift(0, rotr, 18) + [xor]
        b += shift(1, shrU, c) + [xor]
        b += shift(0, shl, c) + [xor]
        return b
    }

    func testFusedXorShiftsMatchUnfused() throws {
        let i32 = ModuleBuilder.i32
        let counts: [Int32] = [0, 1, 3, 10, 31, 32, 45, -1]
        var b = ModuleBuilder()
        let t = b.type([i32, i32], [i32])
        for (k, c) in counts.enumerated() {
            b.function("fused\(k)", type: t, locals: [i32], Self.body(c, viaLocal: false))
            b.function("plain\(k)", type: t, locals: [i32], Self.body(c, viaLocal: true))
        }
        let store = Store()
        let instance = try b.instantiate(store)
        let inputs: [UInt32] = [0, 1, 0x8000_0000, 0xFFFF_FFFF, 0x1234_5678, 0xDEAD_BEEF]
        for (k, c) in counts.enumerated() {
            let fused = try XCTUnwrap(instance.exportedFunction("fused\(k)"))
            let plain = try XCTUnwrap(instance.exportedFunction("plain\(k)"))
            for x in inputs {
                let y = x ^ 0x5A5A_A5A5
                // Swift oracle: counts taken modulo 32, as wasm does.
                let s = UInt32(bitPattern: c) & 31
                let expected = (x << 7 | x >> 25) ^ (x >> 18 | x << 14) ^ (y >> s) ^ (x << s)
                XCTAssertEqual(try plain.invoke([.i32(x), .i32(y)]), [.i32(expected)], "unfused c=\(c) x=\(x)")
                XCTAssertEqual(try fused.invoke([.i32(x), .i32(y)]), [.i32(expected)], "fused c=\(c) x=\(x)")
            }
            let compiled = try XCTUnwrap(store.functions[instance.entity.functionAddresses[2 * k]].compiled)
            let ir = (0..<compiled.codeCount).map { String(describing: compiled.code[$0]) }
            XCTAssertEqual(ir.filter { $0.hasPrefix("i32Xor") && $0.contains("Imm(") }.count, 3, "\(ir)")
        }
    }

    /// x -> rotl(x, a) ^ rotr(x, b) ^ (rotl(x, c) or x >>u c): sha256's Σ and σ shapes, one instruction.
    func testThreeShiftsOfOneValueAreOneInstruction() throws {
        let i32 = ModuleBuilder.i32
        let triples: [(Int32, Int32, Int32)] = [(30, 19, 10), (26, 21, 7), (0, 0, 0), (32, 33, -1), (25, 14, 3)]
        var b = ModuleBuilder()
        let t = b.type([i32], [i32])
        let x = Op.localGet(0)
        for (a, r, c) in triples {
            let head = x + Op.i32Const(a) + [Self.rotl] + x + Op.i32Const(r) + [Self.rotr, Self.xor]
            b.function(nil, type: t, head + x + Op.i32Const(c) + [Self.rotl, Self.xor])
            b.function(nil, type: t, head + x + Op.i32Const(c) + [Self.shrU, Self.xor])
        }
        // A branch between the first shift and the rest (to its block's end) keeps them apart.
        b.function(nil, type: t, Op.blockI32 + x + Op.i32Const(30) + [Self.rotl] + x + Op.brIf(0) + Op.end
                   + x + Op.i32Const(19) + [Self.rotr, Self.xor] + x + Op.i32Const(10) + [Self.rotl, Self.xor])
        let store = Store()
        let instance = try b.instantiate(store)
        func rotl(_ v: UInt32, _ k: Int32) -> UInt32 {
            let k = UInt32(bitPattern: k) & 31
            return v << k | v >> ((32 - k) & 31)
        }
        for x in [UInt32(0), 1, 0x8000_0000, 0xFFFF_FFFF, 0x1234_5678, 0xDEAD_BEEF] {
            for (k, (a, r, c)) in triples.enumerated() {
                let head = rotl(x, a) ^ rotl(x, 32 - (r & 31))
                let f = instance.entity.functionAddresses[2 * k]
                XCTAssertEqual(try Function(store: store, address: f).invoke([.i32(x)]), [.i32(head ^ rotl(x, c))],
                               "\(a) \(r) \(c)")
                let g = instance.entity.functionAddresses[2 * k + 1]
                XCTAssertEqual(try Function(store: store, address: g).invoke([.i32(x)]),
                               [.i32(head ^ x >> (UInt32(bitPattern: c) & 31))], "\(a) \(r) \(c)")
            }
            let apart = instance.entity.functionAddresses[2 * triples.count]
            XCTAssertEqual(try Function(store: store, address: apart).invoke([.i32(x)]),
                           [.i32(rotl(x, 30) ^ rotl(x, 13) ^ rotl(x, 10))])
        }
        for k in 0..<triples.count {
            // The result goes straight to slot 0 (the parameter x, read before it is written).
            XCTAssertEqual(try ir(store, instance, 2 * k).count, 2)
            XCTAssertTrue(try ir(store, instance, 2 * k)[0].hasPrefix("i32RotlXor3(0, 0, "))
            XCTAssertTrue(try ir(store, instance, 2 * k + 1)[0].hasPrefix("i32Rotl2ShrUXor(0, 0, "))
        }
        XCTAssertFalse(try ir(store, instance, 2 * triples.count).joined().contains("Xor3"))
    }
}
