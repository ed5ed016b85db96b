import WasmParser

/// An instantiated module as the embedder holds it. Like every handle (`Function`, `Memory`, `Table`, `Global`)
/// it owns its store, so whatever the embedder keeps stays usable; the store never refers back to a handle,
/// so it is freed with the last of them (docs/engine-api.md, "Ownership").
public final class Instance {
    public let store: Store
    let entity: InstanceEntity

    init(store: Store, entity: InstanceEntity) {
        self.store = store
        self.entity = entity
    }

    /// In declaration order; each access makes fresh handles.
    public var exports: [(name: Name, value: ExternalValue)] {
        entity.exports.map { ($0.name, $0.entity.value(in: store)) }
    }

    public func export(_ name: Name) -> ExternalValue? {
        entity.exportIndex[name].map { entity.exports[$0].entity.value(in: store) }
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
