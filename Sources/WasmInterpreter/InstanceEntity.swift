import WasmParser

/// An instantiated module's state: its index spaces resolved to store entities. Owned by its store
/// (`Store.instances`) and referring to nothing that owns the store, so the store can be freed; embedders
/// reach it through an `Instance` handle, which owns the store.
final class InstanceEntity {
    let module: Module
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
    var dataSegments = InstanceDataSegments()
    /// Exports in declaration order, as entities: an export handle would own the store (a cycle).
    private(set) var exports: [(name: Name, entity: ExportedEntity)] = []
    private(set) var exportIndex: [Name: Int] = [:]
    /// The embedder's handle while one is alive, so host calls see the same object; weak because it owns the store.
    weak var liveHandle: Instance?

    init(module: Module, storeIndex: Int) {
        self.module = module
        self.storeIndex = storeIndex
        globalCells = .allocate(capacity: 1)
    }

    deinit { globalCells.deallocate() }

    func finishGlobals() {
        globalCells.deallocate()
        globalCells = .allocate(capacity: max(globals.count, 1))
        for (i, g) in globals.enumerated() { globalCells[i] = g.cell }
    }

    func addExport(_ name: Name, _ entity: ExportedEntity) {
        exportIndex[name] = exports.count
        exports.append((name, entity))
    }

    /// The live embedder handle, or a new one (which then becomes the live one).
    func handle(in store: Store) -> Instance {
        if let handle = liveHandle { return handle }
        let handle = Instance(store: store, entity: self)
        liveHandle = handle
        return handle
    }
}

/// What an export refers to, without a reference to the store.
enum ExportedEntity {
    case function(address: Int), table(TableEntity), memory(MemoryEntity), global(GlobalEntity), tag(address: Int)

    /// The embedder's handle for it, which owns `store`.
    func value(in store: Store) -> ExternalValue {
        switch self {
        case .function(let address): return .function(Function(store: store, address: address))
        case .table(let entity): return .table(Table(store: store, entity: entity))
        case .memory(let entity): return .memory(Memory(store: store, entity: entity))
        case .global(let entity): return .global(Global(store: store, entity: entity))
        case .tag(let address): return .tag(Tag(store: store, address: address))
        }
    }
}
