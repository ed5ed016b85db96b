import XCTest
import WasmParser
@testable import WasmInterpreter

/// Stores of a constant (i64StoreImm or the slot form) must write the bytes, and trap where, the slot form of a
/// parameter does.
final class StoreImmediateTests: XCTestCase {
    /// (name, opcode, value type, natural alignment)
    static let stores: [(String, UInt8, UInt8, UInt8)] = [
        ("i32.store", 0x36, 0x7F, 2), ("i64.store", 0x37, 0x7E, 3), ("f32.store", 0x38, 0x7D, 2),
        ("f64.store", 0x39, 0x7C, 3), ("i32.store8", 0x3A, 0x7F, 0), ("i32.store16", 0x3B, 0x7F, 1),
        ("i64.store8", 0x3C, 0x7E, 0), ("i64.store16", 0x3D, 0x7E, 1), ("i64.store32", 0x3E, 0x7E, 2),
    ]
    static let constants: [Int64] = [0, 1, -1, 0x7F, 0x1234_5678, Int64(Int32.min), Int64(Int32.max),
                                     1 << 32, 0x1_8000_0000, -0x8000_0001, Int64.min, 355_270_657]
    static let offset: UInt64 = 3

    static func const(_ type: UInt8, _ c: Int64) -> [UInt8] {
        switch type {
        case 0x7F: return Op.i32Const(Int32(truncatingIfNeeded: c))
        case 0x7E: return [0x42] + ModuleBuilder.sleb(c)
        case 0x7D: return [0x43] + withUnsafeBytes(of: UInt32(truncatingIfNeeded: c).littleEndian) { Array($0) }
        default: return [0x44] + withUnsafeBytes(of: UInt64(bitPattern: c).littleEndian) { Array($0) }
        }
    }

    static func store(_ op: UInt8, align: UInt8, value: [UInt8]) -> [UInt8] {
        Op.localGet(0) + value + [op, align] + ModuleBuilder.leb(offset)
    }

    func testConstantStoresMatchSlotStores() throws {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let wide = [3] + ModuleBuilder.leb(Self.offset)
        // fill(a): eight 0xFF bytes at a + offset; peek(a): those eight bytes.
        b.function("fill", type: b.type([ModuleBuilder.i32], []), Op.localGet(0) + [0x42, 0x7F, 0x37] + wide)
        b.function("peek", type: b.type([ModuleBuilder.i32], [ModuleBuilder.i64]), Op.localGet(0) + [0x29] + wide)
        for (i, (_, op, type, align)) in Self.stores.enumerated() {
            b.function("slot\(i)", type: b.type([ModuleBuilder.i32, type], []), Self.store(op, align: align, value: Op.localGet(1)))
            for (j, c) in Self.constants.enumerated() {
                b.function("imm\(i)_\(j)", type: b.type([ModuleBuilder.i32], []), Self.store(op, align: align, value: Self.const(type, c)))
            }
        }
        let store = Store()
        let instance = try b.instantiate(store)
        let fill = try XCTUnwrap(instance.exportedFunction("fill")), peek = try XCTUnwrap(instance.exportedFunction("peek"))
        let inRange: [UInt32] = [0, 5, 65536 - 8 - UInt32(Self.offset)]
        // Out of bounds for every width, for some widths only (65533 + width > 65536 from width 4), wrapping.
        let outOfRange: [UInt32] = [65536, 65536 - 6, 0xFFFF_FFF0]
        for (i, (name, _, type, _)) in Self.stores.enumerated() {
            let slot = try XCTUnwrap(instance.exportedFunction("slot\(i)"))
            for (j, c) in Self.constants.enumerated() {
                let f = try XCTUnwrap(instance.exportedFunction("imm\(i)_\(j)"))
                let v: Value = switch type {
                case 0x7F: .i32(UInt32(truncatingIfNeeded: c))
                case 0x7E: .i64(UInt64(bitPattern: c))
                case 0x7D: .f32(UInt32(truncatingIfNeeded: c))
                default: .f64(UInt64(bitPattern: c))
                }
                for a in inRange {
                    _ = try fill.invoke([.i32(a)])
                    _ = try slot.invoke([.i32(a), v])
                    let expected = try peek.invoke([.i32(a)])
                    _ = try fill.invoke([.i32(a)])
                    _ = try f.invoke([.i32(a)])
                    XCTAssertEqual(try peek.invoke([.i32(a)]), expected, "\(name) of \(c) at \(a)")
                }
                for a in outOfRange {
                    XCTAssertEqual(outcome { try slot.invoke([.i32(a), v]) }, outcome { try f.invoke([.i32(a)]) },
                                   "\(name) of \(c) at \(a)")
                }
                // A 64-bit store of a constant that sign-extends from 32 bits is i64StoreImm; the others keep the
                // constant in the constant area.
                let immediate = name.hasSuffix("4.store") && Int64(Int32.min)...Int64(Int32.max) ~= c
                let address = instance.entity.functionAddresses[3 + i * (1 + Self.constants.count) + j]
                let compiled = try XCTUnwrap(store.functions[address].compiled)
                let ir = (0..<compiled.codeCount).map { String(describing: compiled.code[$0]) }
                XCTAssertEqual(ir.contains { $0.hasPrefix("i64StoreImm(") }, immediate, "\(name) of \(c): \(ir)")
                XCTAssertEqual(compiled.constCount, immediate ? 0 : 1, "\(name) of \(c): \(ir)")
            }
        }
    }

    func outcome(_ run: () throws -> [Value]) -> String {
        do { return "\(try run())" } catch { return "trap: \(error)" }
    }
}
