import WasmParser

/// A function in a store (wasm-defined or host). Equal when it is the same store entity.
public struct Function: Hashable, @unchecked Sendable {
    let store: Store
    let address: Int

    init(store: Store, address: Int) {
        self.store = store
        self.address = address
    }

    var entity: FunctionEntity { store.functions[address] }

    public var type: FunctionType { entity.type }

    /// Calls the function. May be used from inside a host function (re-entrant); call depth accumulates.
    public func invoke(_ args: [Value]) throws -> [Value] {
        try Executor.invoke(store: store, address: address, arguments: args)
    }

    public static func == (a: Function, b: Function) -> Bool { a.store === b.store && a.address == b.address }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(store))
        hasher.combine(address)
    }
}

/// A linear memory (64 KiB pages).
public struct Memory: Hashable {
    let store: Store
    let entity: MemoryEntity

    public var pageCount: UInt64 { entity.pageCount }
    public var byteCount: Int { entity.byteCount }
    public var type: MemoryType { entity.type }

    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= entity.byteCount - count else { throw Trap(.outOfBoundsMemoryAccess) }
        return Array(UnsafeRawBufferPointer(start: entity.base + offset, count: count))
    }

    public func write(_ bytes: [UInt8], at offset: Int) throws {
        guard offset >= 0, offset <= entity.byteCount - bytes.count else { throw Trap(.outOfBoundsMemoryAccess) }
        bytes.withUnsafeBytes { src in
            if let p = src.baseAddress { (entity.base + offset).copyMemory(from: p, byteCount: src.count) }
        }
    }

    /// Direct access to the bytes; the buffer may move after any grow, so do not keep the pointer.
    public func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: entity.base, count: entity.byteCount))
    }

    /// Returns the old page count, or nil if refused (declared maximum or the store's cap).
    public func grow(by pages: UInt64) -> UInt64? { store.grow(entity, by: pages) }

    public static func == (a: Memory, b: Memory) -> Bool { a.entity === b.entity }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(entity)) }
}

/// A table of function or extern references.
public struct Table: Hashable {
    let store: Store
    let entity: TableEntity

    public var size: UInt64 { UInt64(entity.elements.count) }
    public var type: TableType { entity.type }

    public func get(_ i: UInt64) throws -> Value {
        guard i < size else { throw Trap(.outOfBoundsTableAccess) }
        return store.value(ofCell: entity.elements[Int(i)], type: entity.type.elementType)
    }

    public func set(_ i: UInt64, _ v: Value) throws {
        guard i < size else { throw Trap(.outOfBoundsTableAccess) }
        guard v.fits(entity.type.elementType) else { throw Trap(.host, "table element type mismatch") }
        entity.elements[Int(i)] = try store.cellValue(v)
    }

    public func grow(by delta: UInt64, initialValue: Value) -> UInt64? {
        guard initialValue.fits(entity.type.elementType), let c = try? store.cellValue(initialValue) else { return nil }
        return entity.grow(by: delta, initial: c)
    }

    public static func == (a: Table, b: Table) -> Bool { a.entity === b.entity }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(entity)) }
}

/// A global variable.
public struct Global: Hashable {
    let store: Store
    let entity: GlobalEntity

    public var type: GlobalType { entity.type }
    public var value: Value { store.value(ofCell: entity.cell.pointee, type: entity.type.valueType) }

    public func set(_ v: Value) throws {
        guard entity.type.isMutable else { throw Trap(.host, "cannot set an immutable global") }
        guard v.fits(entity.type.valueType) else { throw Trap(.host, "global type mismatch") }
        entity.cell.pointee = try store.cellValue(v)
    }

    public static func == (a: Global, b: Global) -> Bool { a.entity === b.entity }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(entity)) }
}

/// Something an instance exports or a module imports.
public enum ExternalValue {
    case function(Function), table(Table), memory(Memory), global(Global)
    /// An exception tag (feature .exceptions)
    case tag(Tag)
}
