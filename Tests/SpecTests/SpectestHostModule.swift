import WasmInterpreter
import WasmParser

/// The `spectest` module every spec script may import from (suite README, "How a harness should treat each command" §1).
enum SpectestHostModule {
    static func define(in store: Store, into imports: inout Imports) throws {
        let module = Name("spectest")
        func global(_ name: String, _ type: ValueType, _ value: Value) throws {
            let g = try store.createGlobal(GlobalType(valueType: type, isMutable: false), value: value)
            imports.define(module: module, name: Name(name), .global(g))
        }
        try global("global_i32", .i32, .i32(666))
        try global("global_i64", .i64, .i64(666))
        try global("global_f32", .f32, .f32(Float(666.6).bitPattern))
        try global("global_f64", .f64, .f64(Double(666.6).bitPattern))

        let table = try store.createTable(
            TableType(elementType: .funcRef, limits: Limits(min: 10, max: 20, is64: false, shared: false)),
            initialValue: .funcRef(nil))
        imports.define(module: module, name: Name("table"), .table(table))
        // memory64's table.wast imports a table with 64-bit indexes.
        let table64 = try store.createTable(
            TableType(elementType: .funcRef, limits: Limits(min: 10, max: 20, is64: true, shared: false)),
            initialValue: .funcRef(nil))
        imports.define(module: module, name: Name("table64"), .table(table64))

        let memory = try store.createMemory(MemoryType(limits: Limits(min: 1, max: 2, is64: false, shared: false)))
        imports.define(module: module, name: Name("memory"), .memory(memory))

        let printers: [(String, [ValueType])] = [
            ("print", []), ("print_i32", [.i32]), ("print_i64", [.i64]), ("print_f32", [.f32]),
            ("print_f64", [.f64]), ("print_i32_f32", [.i32, .f32]), ("print_f64_f64", [.f64, .f64]),
        ]
        for (name, params) in printers {
            let f = store.hostFunction(type: FunctionType(params: params, results: [])) { _, _ in [] }
            imports.define(module: module, name: Name(name), .function(f))
        }
    }
}
