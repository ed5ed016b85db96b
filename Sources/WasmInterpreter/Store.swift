import WasmParser

/// Owns every runtime entity (functions, memories, tables, globals, instances) and the value stack.
/// Entities are referenced by their index in the store's arrays ("address"). Nothing the store owns refers
/// back to it (entities hold no store, `InstanceEntity` is not the embedder's `Instance`): the embedder's
/// handles own the store, and it is freed with the last of them (docs/engine-api.md, "Ownership").
public final class Store {
    /// May be changed between calls (e.g. a fresh deadline).
    public var configuration: EngineConfiguration
    /// Set when a memory.grow was refused because of `configuration.maxMemoryPages`.
    public internal(set) var memoryLimitReached = false

    var functions: [FunctionEntity] = []
    /// Plain-data mirror of `functions` for the executor.
    var records = FunctionRecordTable()
    var instances: [InstanceEntity] = []
    private var typeIDs: [FunctionType: Int] = [:]

    /// The value stack shared by all activations, including re-entrant ones.
    let stack: UnsafeMutablePointer<UInt64>
    let stackCapacity: Int
    /// Memory state of instances without a memory: zero bytes, so every access is out of bounds.
    let noMemory: UnsafeMutablePointer<MemoryState>
    /// First free cell of `stack`.
    var stackTop = 0
    /// Wasm + host activations currently live (accumulates across host re-entry).
    var callDepth = 0
    var nativeStack = NativeStackGuard()
    /// v128 values, referenced by handle from frame cells (SIMD/V128Arena.swift).
    let vectors = V128Arena()
    /// Exception tags and exception objects (Proposals/Exceptions.swift).
    var tags: [TagEntity] = []
    var exceptions: [ExceptionObject] = []
    var freeExceptionSlots: [Int] = []
    var exceptionPayloadCells = 0
    var mayHoldExceptionReferences = false

    public init(configuration: EngineConfiguration = .init()) {
        self.configuration = configuration
        // 32 MiB of address space; the OS only backs pages that are touched.
        stackCapacity = 1 << 22
        stack = .allocate(capacity: stackCapacity)
        noMemory = .allocate(capacity: 1)
        noMemory.initialize(to: MemoryState(base: UnsafeMutableRawPointer(stack), byteCount: 0))
    }

    deinit {
        stack.deallocate()
        records.deallocate()
        noMemory.deallocate()
    }

    func typeID(_ type: FunctionType) -> Int {
        if let id = typeIDs[type] { return id }
        let id = typeIDs.count
        typeIDs[type] = id
        return id
    }

    func addFunction(_ entity: FunctionEntity) -> Int {
        functions.append(entity)
        records.append(FunctionRecord(typeID: Int32(entity.typeID), isHost: entity.host != nil,
                                      instance: Int32(entity.instance?.storeIndex ?? -1)))
        return functions.count - 1
    }

    public func hostFunction(type: FunctionType, _ body: @escaping (HostContext, [Value]) throws -> [Value]) -> Function {
        let address = addFunction(FunctionEntity(type: type, typeID: typeID(type), host: body))
        return Function(store: self, address: address)
    }

    public func createMemory(_ type: MemoryType) throws -> Memory {
        try checkMemoryCap(type)
        return Memory(store: self, entity: try MemoryEntity(type: type))
    }

    public func createTable(_ type: TableType, initialValue: Value) throws -> Table {
        guard initialValue.fits(type.elementType) else {
            throw Trap(.host, "table initial value \(initialValue.type) does not fit \(type.elementType)")
        }
        noteStorage(of: type.elementType)
        return Table(store: self, entity: try TableEntity(type: type, initial: try cellValue(initialValue)))
    }

    public func createGlobal(_ type: GlobalType, value: Value) throws -> Global {
        guard value.fits(type.valueType) else {
            throw Trap(.host, "global value \(value.type) does not fit \(type.valueType)")
        }
        noteStorage(of: type.valueType)
        return Global(store: self, entity: GlobalEntity(type: type, value: try cellValue(value)))
    }

    func checkMemoryCap(_ type: MemoryType) throws {
        if type.limits.min > configuration.maxMemoryPages {
            memoryLimitReached = true
            throw Trap(.host, "memory of \(type.limits.min) pages exceeds the configured limit of \(configuration.maxMemoryPages) pages")
        }
    }

    /// memory.grow semantics with the engine cap; records refusals caused by the cap.
    func grow(_ memory: MemoryEntity, by delta: UInt64) -> UInt64? {
        let (old, limited) = memory.grow(by: delta, cap: configuration.maxMemoryPages)
        if limited { memoryLimitReached = true }
        return old
    }
}

/// What a host function sees about its caller.
public struct HostContext {
    public let store: Store
    /// The caller's state; the store (held above) owns it.
    unowned(unsafe) let caller: InstanceEntity?
    /// The calling instance's memory 0.
    public var memory: Memory?

    init(store: Store, caller: InstanceEntity?) {
        self.store = store
        self.caller = caller
        if let caller, let m = caller.memories.first {
            memory = Memory(store: store, entity: m)
        } else {
            memory = nil
        }
    }

    /// The calling instance (nil when called directly through `Function.invoke`): the embedder's handle while
    /// it holds one, else a new handle.
    public var instance: Instance? { caller?.handle(in: store) }
}
