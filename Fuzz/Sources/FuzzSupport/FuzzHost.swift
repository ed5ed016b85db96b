import WasmInterpreter
import WasmParser

/// What every fuzz target needs to get from bytes to a running instance: a valid module,
/// imports that satisfy any import section, and a store whose limits keep one input short.
public enum FuzzHost {
    /// The small limits a fuzz input runs under: 1 MiB memory per instance, a bounded instruction
    /// budget and call depth, so a loop or a recursion ends in a trap instead of a libFuzzer timeout.
    public static func store() -> Store {
        Store(configuration: EngineConfiguration(maxMemoryPages: 16, maxCallDepth: 2_000, fuel: 200_000))
    }

    /// A valid module, or nil when the bytes are not one (that path is FuzzDecode's job).
    public static func module(_ bytes: [UInt8]) -> Module? {
        try? parseModule(bytes)
    }

    /// Imported functions trap; other imports are created fresh from their declared types.
    public static func imports(for module: Module, store: Store) -> Imports? {
        var imports = Imports()
        for imp in module.imports {
            let value: ExternalValue
            switch imp.kind {
            case .function(let typeIndex):
                value = .function(store.hostFunction(type: module.types[Int(typeIndex)]) { _, _ in
                    throw Trap(.host, "import not provided")
                })
            case .memory(let type):
                guard let m = try? store.createMemory(type) else { return nil }
                value = .memory(m)
            case .table(let type):
                guard let t = try? store.createTable(type, initialValue: .defaultValue(type.elementType)) else { return nil }
                value = .table(t)
            case .global(let type):
                guard let g = try? store.createGlobal(type, value: .defaultValue(type.valueType)) else { return nil }
                value = .global(g)
            case .tag(let typeIndex):
                guard let t = try? store.createTag(type: module.types[Int(typeIndex)]) else { return nil }
                value = .tag(t)
            }
            imports.define(module: imp.module, name: imp.name, value)
        }
        return imports
    }

    public static func instantiate(_ module: Module, store: Store) -> Instance? {
        guard let imports = imports(for: module, store: store) else { return nil }
        return try? store.instantiate(module, imports: imports)
    }

    /// Arguments drawn from the input's tail so the fuzzer also steers values, not only code.
    public static func arguments(_ types: [ValueType], seed: inout ArgumentBytes) -> [Value] {
        types.map { t in
            switch t {
            case .i32: return .i32(UInt32(truncatingIfNeeded: seed.next()))
            case .i64: return .i64(seed.next())
            case .f32: return .f32(UInt32(truncatingIfNeeded: seed.next()))
            case .f64: return .f64(seed.next())
            default: return .defaultValue(t)
            }
        }
    }
}

/// Cycles through some bytes 8 at a time (zeros when there are none).
public struct ArgumentBytes {
    let bytes: [UInt8]
    var position = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public mutating func next() -> UInt64 {
        guard !bytes.isEmpty else { return 0 }
        var v: UInt64 = 0
        for _ in 0..<8 {
            v = v << 8 | UInt64(bytes[position % bytes.count])
            position += 1
        }
        return v
    }
}
