import WasmParser

/// An instantiated module: its index spaces resolved to store entities, plus its exports.
public final class Instance {
    let module: Module
    unowned let store: Store
    /// Index in `Store.instances`.
    let storeIndex: Int
    /// Function index -> store address.
    var functionAddresses: [Int] = []
    /// Type index -> store type ID (what `call_indirect` compares against).
    var typeIDs: [Int] = []
    var tables: [TableEntity] = []
    var memories: [MemoryEntity] = []
    var globals: [GlobalEntity] = []
    /// Tag index -> store tag address (imports first).
    var tagAddresses: [Int] = []
    /// Global index -> cell, read directly by the executor.
    var globalCells: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    /// Element segments as reference cells; emptied by elem.drop (and for active/declarative ones at instantiation).
    var elementSegments: [[UInt64]] = []
    /// Data segments; emptied by data.drop (and for active ones at instantiation).
    var dataSegments: [ArraySlice<UInt8>] = []
    public private(set) var exports: [(name: Name, value: ExternalValue)] = []
    private var exportIndex: [Name: Int] = [:]

    init(module: Module, store: Store) {
        self.module = module
        self.store = store
        storeIndex = store.instances.count
        globalCells = .allocate(capacity: 1)
    }

    deinit { globalCells.deallocate() }

    func finishGlobals() {
        globalCells.deallocate()
        globalCells = .allocate(capacity: max(globals.count, 1))
        for (i, g) in globals.enumerated() { globalCells[i] = g.cell }
    }

    func addExport(_ name: Name, _ value: ExternalValue) {
        exportIndex[name] = exports.count
        exports.append((name, value))
    }

    public func export(_ name: Name) -> ExternalValue? {
        exportIndex[name].map { exports[$0].value }
    }

    public func export(_ name: String) -> ExternalValue? { export(Name(name)) }

    public func exportedFunction(_ name: String) -> Function? {
        if case .function(let f)? = export(name) { return f }
        return nil
    }

    public func exportedMemory(_ name: String) -> Memory? {
        if case .memory(let m)? = export(name) { return m }
        return nil
    }

    public func exportedTable(_ name: String) -> Table? {
        if case .table(let t)? = export(name) { return t }
        return nil
    }

    public func exportedTag(_ name: String) -> Tag? {
        if case .tag(let t)? = export(name) { return t }
        return nil
    }

    public func exportedGlobal(_ name: String) -> Global? {
        if case .global(let g)? = export(name) { return g }
        return nil
    }
}

/// The values a module's imports are resolved against, keyed by (module, name).
public struct Imports {
    private var values: [Name: [Name: ExternalValue]] = [:]

    public init() {}

    public mutating func define(module: Name, name: Name, _ value: ExternalValue) {
        values[module, default: [:]][name] = value
    }

    public mutating func define(module: String, name: String, _ value: ExternalValue) {
        define(module: Name(module), name: Name(name), value)
    }

    /// Makes all exports of `instance` importable under `module`.
    public mutating func register(_ instance: Instance, as module: Name) {
        for (name, value) in instance.exports { define(module: module, name: name, value) }
    }

    public func lookup(module: Name, name: Name) -> ExternalValue? { values[module]?[name] }
}
