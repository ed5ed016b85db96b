import WasmParser
@testable import WasmInterpreter

/// Assembles small binary modules for tests (function imports, functions, one memory, exports).
struct ModuleBuilder {
    static let i32: UInt8 = 0x7F, i64: UInt8 = 0x7E

    var types: [(params: [UInt8], results: [UInt8])] = []
    var functionImports: [(module: String, name: String, type: Int)] = []
    var functions: [(type: Int, locals: [UInt8], body: [UInt8])] = []
    var memory: (min: UInt32, max: UInt32?)?
    /// Mutable i32 globals, by initial value.
    var globals: [Int32] = []
    /// Exception tags (type indices); imported ones come first in the tag index space.
    var tagImports: [(module: String, name: String, type: Int)] = []
    var tags: [Int] = []
    var exports: [(name: String, kind: UInt8, index: UInt32)] = []

    mutating func type(_ params: [UInt8], _ results: [UInt8]) -> Int {
        types.append((params, results))
        return types.count - 1
    }

    /// Adds a function and exports it; returns its function index (imports first).
    @discardableResult
    mutating func function(_ name: String?, type: Int, locals: [UInt8] = [], _ body: [UInt8]) -> UInt32 {
        functions.append((type, locals, body))
        let index = UInt32(functionImports.count + functions.count - 1)
        if let name { exports.append((name, 0, index)) }
        return index
    }

    static func leb(_ v: UInt64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        repeat {
            var b = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { b |= 0x80 }
            out.append(b)
        } while v != 0
        return out
    }

    static func sleb(_ v: Int64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        while true {
            let b = UInt8(v & 0x7F)
            v >>= 7
            if (v == 0 && b & 0x40 == 0) || (v == -1 && b & 0x40 != 0) { out.append(b); return out }
            out.append(b | 0x80)
        }
    }

    static func name(_ s: String) -> [UInt8] { leb(UInt64(s.utf8.count)) + Array(s.utf8) }

    static func section(_ id: UInt8, _ items: [[UInt8]]) -> [UInt8] {
        let payload = leb(UInt64(items.count)) + items.flatMap { $0 }
        return [id] + leb(UInt64(payload.count)) + payload
    }

    func bytes() -> [UInt8] {
        var out: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        out += Self.section(1, types.map { [0x60] + Self.leb(UInt64($0.params.count)) + $0.params + Self.leb(UInt64($0.results.count)) + $0.results })
        if !functionImports.isEmpty || !tagImports.isEmpty {
            out += Self.section(2, functionImports.map { Self.name($0.module) + Self.name($0.name) + [0x00] + Self.leb(UInt64($0.type)) }
                + tagImports.map { Self.name($0.module) + Self.name($0.name) + [0x04, 0x00] + Self.leb(UInt64($0.type)) })
        }
        out += Self.section(3, functions.map { Self.leb(UInt64($0.type)) })
        if let memory {
            let limits: [UInt8] = memory.max.map { [0x01] + Self.leb(UInt64(memory.min)) + Self.leb(UInt64($0)) }
                ?? [0x00] + Self.leb(UInt64(memory.min))
            out += Self.section(5, [limits])
        }
        if !tags.isEmpty { out += Self.section(13, tags.map { [0x00] + Self.leb(UInt64($0)) }) }
        if !globals.isEmpty { out += Self.section(6, globals.map { [Self.i32, 0x01] + Op.i32Const($0) + [0x0B] }) }
        out += Self.section(7, exports.map { Self.name($0.name) + [$0.kind] + Self.leb(UInt64($0.index)) })
        out += Self.section(10, functions.map { f in
            let locals: [UInt8] = Self.leb(UInt64(f.locals.count)) + f.locals.flatMap { [0x01, $0] }
            let body = locals + f.body + [0x0B]
            return Self.leb(UInt64(body.count)) + body
        })
        return out
    }

    func instantiate(_ store: Store, imports: Imports = Imports(), features: WasmFeatures = .wasm2) throws -> Instance {
        try store.instantiate(try parseModule(bytes(), options: ParseOptions(features: features)), imports: imports)
    }
}

/// Opcode spellings used by the tests.
enum Op {
    static func localGet(_ i: UInt32) -> [UInt8] { [0x20] + ModuleBuilder.leb(UInt64(i)) }
    static func localSet(_ i: UInt32) -> [UInt8] { [0x21] + ModuleBuilder.leb(UInt64(i)) }
    static func localTee(_ i: UInt32) -> [UInt8] { [0x22] + ModuleBuilder.leb(UInt64(i)) }
    static func i32Const(_ v: Int32) -> [UInt8] { [0x41] + ModuleBuilder.sleb(Int64(v)) }
    static func call(_ f: UInt32) -> [UInt8] { [0x10] + ModuleBuilder.leb(UInt64(f)) }
    static func br(_ d: UInt32) -> [UInt8] { [0x0C] + ModuleBuilder.leb(UInt64(d)) }
    static func brIf(_ d: UInt32) -> [UInt8] { [0x0D] + ModuleBuilder.leb(UInt64(d)) }
    static func brTable(_ targets: [UInt32], default d: UInt32) -> [UInt8] {
        [0x0E] + ModuleBuilder.leb(UInt64(targets.count)) + targets.flatMap { ModuleBuilder.leb(UInt64($0)) } + ModuleBuilder.leb(UInt64(d))
    }
    static func globalGet(_ i: UInt32) -> [UInt8] { [0x23] + ModuleBuilder.leb(UInt64(i)) }
    static func globalSet(_ i: UInt32) -> [UInt8] { [0x24] + ModuleBuilder.leb(UInt64(i)) }
    static let ifEmpty: [UInt8] = [0x04, 0x40]
    static let `return`: [UInt8] = [0x0F]
    static let block: [UInt8] = [0x02, 0x40]
    static let blockI32: [UInt8] = [0x02, 0x7F]
    static let loop: [UInt8] = [0x03, 0x40]
    static let ifI32: [UInt8] = [0x04, 0x7F]
    static let `else`: [UInt8] = [0x05]
    static let end: [UInt8] = [0x0B]
    static let i32Add: [UInt8] = [0x6A]
    static let i32Sub: [UInt8] = [0x6B]
    static let i32Eqz: [UInt8] = [0x45]
    static let drop: [UInt8] = [0x1A]
    static let memoryGrow: [UInt8] = [0x40, 0x00]
    static let memorySize: [UInt8] = [0x3F, 0x00]
}
