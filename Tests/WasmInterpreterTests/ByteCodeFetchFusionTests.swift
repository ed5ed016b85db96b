import XCTest
import WasmParser
@testable import WasmInterpreter

/// ByteCodeFetchFusion.swift: a VM's `t = pc << 3; pc += 1; i = t + code; switch (byte at code + t)` runs as one
/// instruction with the effects of the four: the counter stepped, both addresses written, the byte's bounds
/// check, the table's default for bytes past it.
final class ByteCodeFetchFusionTests: XCTestCase {
    let i32 = ModuleBuilder.i32

    /// fetch(pc, _): the fetch with code at 1024 and 8-byte instructions; op 0, 1 and anything else return
    /// i + pc (after the step) plus 0, 10000 and 20000. put(p, v): the byte at p = v.
    func instance(_ store: Store) throws -> Instance {
        var b = ModuleBuilder()
        b.memory = (1, 1)
        let t = b.type([i32, i32], [i32])
        var fetch: [UInt8] = Op.localGet(0) + Op.i32Const(3) + [0x74] + Op.localSet(2)
        fetch += Op.localGet(0) + Op.i32Const(1) + Op.i32Add + Op.localSet(0)
        fetch += Op.localGet(2) + Op.i32Const(1024) + Op.i32Add + Op.localSet(3)
        fetch += Op.block + Op.block + Op.block + Op.localGet(2) + [0x2D, 0x00, 0x80, 0x08] + Op.brTable([0, 1], default: 2)
        let result: (Int32) -> [UInt8] = { Op.localGet(3) + Op.localGet(0) + Op.i32Add + Op.i32Const($0) + Op.i32Add }
        fetch += Op.end + result(0) + Op.return + Op.end + result(10000) + Op.return + Op.end + result(20000)
        b.function("fetch", type: t, locals: [i32, i32], fetch)
        b.function("put", type: t, Op.localGet(0) + Op.localGet(1) + [0x3A, 0x00, 0x00] + Op.localGet(1))
        return try b.instantiate(store)
    }

    func testFetchStepsDecodesAndSwitches() throws {
        let store = Store()
        let instance = try instance(store)
        let code = try ir(store, instance, 0)
        XCTAssertTrue(code.first?.hasPrefix("byteCodeFetch(") == true, "\(code)")
        for (op, expected) in [(0, 1040 + 3), (1, 10000 + 1040 + 3), (2, 20000 + 1040 + 3), (200, 20000 + 1040 + 3)] {
            _ = try callI32(instance, "put", [1040, Int32(op)])
            XCTAssertEqual(try callI32(instance, "fetch", [2, 0]), Int32(expected), "op \(op)")
        }
        _ = try callI32(instance, "put", [65_528, 1])
        XCTAssertEqual(try callI32(instance, "fetch", [8063, 0]), 10000 + 65_528 + 8064, "the last instruction in memory")
        expectTrap(.outOfBoundsMemoryAccess) { _ = try callI32(instance, "fetch", [8064, 0]) }
    }
}
