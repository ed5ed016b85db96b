import Foundation
import KptFn
import WasmInterpreter
import WasmParser

/// `kpt alpha wasm run --invoke`: call one export of a plain module with numeric arguments.
struct WasmInvoker {
    let limits: RunLimits
    var features: WasmFeatures = .wasm2

    func invoke(_ bytes: [UInt8], export: String, arguments: [String]) throws {
        let module = try parseWithHint(bytes)
        var configuration = EngineConfiguration()
        configuration.maxMemoryPages = max(1, limits.memoryLimit / 65536)
        let store = Store(configuration: configuration)
        let instance = try store.instantiate(module, imports: Self.trappingImports(module, store: store))
        guard let function = instance.exportedFunction(export) else {
            throw FunctionError("\(export): no exported function with this name")
        }
        let params = function.type.params
        guard params.count == arguments.count else {
            throw FunctionError("\(export) takes \(params.count) argument(s), got \(arguments.count)")
        }
        let values = try zip(arguments, params).map { try WasmArgument.parse($0, as: $1) }
        if let timeout = limits.timeout { store.configuration.deadline = ContinuousClock.now + timeout }
        let results: [Value]
        do {
            results = try function.invoke(values)
        } catch let trap as Trap {
            if trap.kind == .timeout { throw limits.timeoutError() }
            if store.memoryLimitReached { throw FunctionError("\(limits.memoryError().message): \(trap)") }
            throw FunctionError("wasm trap: \(trap)")
        }
        for r in results { FnConsole.io.writeStdout(WasmArgument.format(r) + "\n") }
    }

    /// Parses with the chosen features; when that fails but the module is valid with more of them,
    /// the error says which `--features` value would accept it.
    private func parseWithHint(_ bytes: [UInt8]) throws -> Module {
        do {
            return try parseModule(bytes, options: ParseOptions(features: features))
        } catch {
            let accepts = { (f: WasmFeatures) in (try? parseModule(bytes, options: ParseOptions(features: f))) != nil }
            guard !features.isSuperset(of: .all), accepts(.all) else { throw error }
            let single = WasmFeatures.named.first { accepts(features.union($0.feature)) }?.name ?? "all"
            throw FunctionError("\(error) (the module uses a Wasm 3.0 feature: try --features \(single))")
        }
    }

    /// Every imported function traps when called (like the node peer's driver); other import
    /// kinds are created fresh from their declared types.
    static func trappingImports(_ module: Module, store: Store) throws -> Imports {
        var imports = Imports()
        for imp in module.imports {
            let value: ExternalValue
            switch imp.kind {
            case .function(let typeIndex):
                let name = "\(imp.module.string).\(imp.name.string)"
                value = .function(store.hostFunction(type: store.storeType(module.types[Int(typeIndex)], of: module)) { _, _ in
                    throw Trap(.host, "import \(name) not provided")
                })
            case .memory(let type): value = .memory(try store.createMemory(type))
            case .table(var type):
                type.elementType = store.storeType(type.elementType, of: module)
                value = .table(try store.createTable(type, initialValue: Value.defaultValue(type.elementType)))
            case .global(var type):
                type.valueType = store.storeType(type.valueType, of: module)
                value = .global(try store.createGlobal(type, value: Value.defaultValue(type.valueType)))
            case .tag(let typeIndex):
                value = .tag(try store.createTag(type: store.storeType(module.types[Int(typeIndex)], of: module)))
            }
            imports.define(module: imp.module, name: imp.name, value)
        }
        return imports
    }
}

/// Parsing and printing of `--invoke` values.
enum WasmArgument {
    static func parse(_ text: String, as type: ValueType) throws -> Value {
        var wanted = type
        var literal = text
        if let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            guard let t = ["i32": ValueType.i32, "i64": .i64, "f32": .f32, "f64": .f64][prefix] else {
                throw FunctionError("invalid argument \"\(text)\": type must be i32, i64, f32 or f64")
            }
            guard t == type else { throw FunctionError("invalid argument \"\(text)\": the export expects \(type)") }
            wanted = t
            literal = String(text[text.index(after: colon)...])
        }
        let bad = FunctionError("invalid argument \"\(text)\" for \(wanted)")
        switch wanted {
        case .i32:
            guard let v = integer(literal), v >= Int64(Int32.min), v <= Int64(UInt32.max) else { throw bad }
            return .i32(UInt32(truncatingIfNeeded: v))
        case .i64:
            if let v = integer(literal) { return .i64(UInt64(bitPattern: v)) }
            if let u = UInt64(literal) { return .i64(u) }
            throw bad
        case .f32:
            guard let v = Float(literal) else { throw bad }
            return .f32(v.bitPattern)
        case .f64:
            guard let v = Double(literal) else { throw bad }
            return .f64(v.bitPattern)
        default:
            throw FunctionError("\(type) parameters are not supported by --invoke")
        }
    }

    private static func integer(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        let magnitude: UInt64?
        if body.hasPrefix("0x") || body.hasPrefix("0X") { magnitude = UInt64(body.dropFirst(2), radix: 16) }
        else { magnitude = UInt64(body) }
        guard let m = magnitude else { return nil }
        if negative { return m <= UInt64(Int64.max) + 1 ? Int64(bitPattern: 0 &- m) : nil }
        return Int64(bitPattern: m)
    }

    static func format(_ v: Value) -> String {
        switch v {
        case .i32(let b): return String(Int32(bitPattern: b))
        case .i64(let b): return String(Int64(bitPattern: b))
        case .f32(let b): return float(Double(Float(bitPattern: b)), text: Float(bitPattern: b).description)
        case .f64(let b): return float(Double(bitPattern: b), text: Double(bitPattern: b).description)
        case .v128(let x): return String(format: "0x%016llx%016llx", x.hi, x.lo)
        case .funcRef(let f): return f == nil ? "null" : "funcref"
        case .externRef(let r): return r.map { "externref:\($0)" } ?? "null"
        case .exnRef(let e): return e == nil ? "null" : "exnref"
        }
    }

    /// Swift's description is the shortest round-trip decimal; spell the specials plainly.
    private static func float(_ d: Double, text: String) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return text
    }
}
