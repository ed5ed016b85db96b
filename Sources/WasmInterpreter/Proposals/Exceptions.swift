import WasmParser

// Exception handling (feature .exceptions): tags, exception objects and the values that cross the
// embedder boundary. Unwinding lives in ExceptionUnwinding.swift, translation in ExceptionTranslation.swift.

/// An exception tag in a store. Tags are compared by identity: a tag exported by one instance and imported
/// by another is the same tag; two tags declared alike are different.
public struct Tag: Hashable, @unchecked Sendable {
    let store: Store
    let address: Int

    public var type: FunctionType { store.tags[address].type }

    public static func == (a: Tag, b: Tag) -> Bool { a.store === b.store && a.address == b.address }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(store))
        hasher.combine(address)
    }
}

/// An exception as the embedder sees it: its tag and payload (the tag's parameter values).
public struct Exception: Hashable, @unchecked Sendable {
    public let tag: Tag
    public let payload: [Value]
    public init(tag: Tag, payload: [Value]) {
        self.tag = tag
        self.payload = payload
    }
}

/// A wasm exception that no handler caught reached the embedder (`Function.invoke`). A host function
/// may also throw one to raise `exception` in its wasm caller.
public struct UncaughtException: Error, CustomStringConvertible, @unchecked Sendable {
    public let exception: Exception
    public init(_ exception: Exception) { self.exception = exception }
    public var description: String {
        "uncaught exception (tag \(exception.tag.address), payload \(exception.payload))"
    }
}

final class TagEntity {
    let type: FunctionType
    init(type: FunctionType) { self.type = type }
}

/// An exception object in the store's arena; an exnref cell holds its index + 1. Payload cells are raw
/// frame cells (v128 ones are pinned vector handles, so they outlive the invocation).
struct ExceptionObject {
    let tag: Int
    let payload: [UInt64]
    /// Whether an exnref to it may exist anywhere (a `_ref` catch handed it out, or the embedder passed it
    /// in as a value). Until then only the exception in flight refers to it, so a plain catch frees it.
    var escaped: Bool
}

/// An exception on its way up through the executor (the exnref cell of the thrown object).
struct ThrownException: Error {
    let reference: UInt64
}

extension Store {
    /// Exception objects one store may hold at a time, and their payload cells in all, so a guest cannot
    /// exhaust host memory by throwing (many small exceptions or fewer ones with huge tags).
    static let exceptionLimit = 1 << 21
    static let exceptionPayloadLimit = 1 << 24

    /// A new tag of the given type (its results must be empty), e.g. to import into a module.
    public func createTag(type: FunctionType) throws -> Tag {
        guard type.results.isEmpty else { throw Trap(.host, "a tag type must have no results, got \(type)") }
        return Tag(store: self, address: addTag(TagEntity(type: type)))
    }

    func addTag(_ entity: TagEntity) -> Int {
        tags.append(entity)
        return tags.count - 1
    }

    /// Allocates an exception object (reusing a freed slot first); returns its exnref cell.
    func newException(tag: Int, payload: [UInt64], escaped: Bool = false) throws -> UInt64 {
        guard exceptionPayloadCells + payload.count <= Store.exceptionPayloadLimit else {
            throw Trap(.host, "exception space exhausted (\(Store.exceptionPayloadLimit) live payload values)")
        }
        exceptionPayloadCells += payload.count
        let object = ExceptionObject(tag: tag, payload: payload, escaped: escaped)
        if let slot = freeExceptionSlots.popLast() {
            exceptions[slot] = object
            return UInt64(slot + 1)
        }
        guard exceptions.count < Store.exceptionLimit else {
            throw Trap(.host, "exception space exhausted (\(Store.exceptionLimit) live exceptions)")
        }
        exceptions.append(object)
        return UInt64(exceptions.count)
    }

    func exceptionObject(_ reference: UInt64) -> ExceptionObject { exceptions[Int(reference - 1)] }

    func markEscaped(_ reference: UInt64) { exceptions[Int(reference - 1)].escaped = true }

    /// Frees an object nothing but the finished exception in flight refers to.
    func releaseIfUnescaped(_ reference: UInt64) {
        let slot = Int(reference - 1)
        guard !exceptions[slot].escaped else { return }
        exceptionPayloadCells -= exceptions[slot].payload.count
        exceptions[slot] = ExceptionObject(tag: 0, payload: [], escaped: true)
        freeExceptionSlots.append(slot)
    }

    /// The embedder's copy of an exception object (self-contained: it survives `reclaimExceptions`).
    func exceptionValue(_ reference: UInt64) -> Exception {
        let object = exceptionObject(reference)
        let params = tags[object.tag].type.params
        let payload = zip(object.payload, params).map { value(ofCell: $0, type: $1) }
        return Exception(tag: Tag(store: self, address: object.tag), payload: payload)
    }

    /// An embedder exception back into the arena: as a value (host arguments and results: an exnref to it
    /// escapes into wasm) or, with `escaped` false, as the exception a host function throws.
    func exceptionCell(_ e: Exception, escaped: Bool = true) throws -> UInt64 {
        guard e.tag.store === self else { throw Trap(.host, "exception tag belongs to another store") }
        let params = e.tag.type.params
        guard e.payload.count == params.count && zip(e.payload, params).allSatisfy({ $0.fits($1) }) else {
            throw Trap(.host, "exception payload \(e.payload.map(\.type)) does not match its tag's type \(params)")
        }
        return try newException(tag: e.tag.address, payload: e.payload.map { try cellValue($0) }, escaped: escaped)
    }

    /// Frees every exception object once the outermost invocation is over, unless an exnref global or table
    /// exists (one could still refer to them). The embedder's `Exception` values are copies, so stay valid.
    func reclaimExceptions() {
        guard !exceptions.isEmpty && !mayHoldExceptionReferences else { return }
        exceptions.removeAll(keepingCapacity: true)
        exceptionPayloadCells = 0
        freeExceptionSlots.removeAll(keepingCapacity: true)
    }

    /// After the outermost invocation failed (trap or uncaught exception): what it left behind is unreachable.
    func reclaimAfterFailure() {
        try? reclaimVectors()
        reclaimExceptions()
    }

    /// Notes a global or table of type exnref: from then on exception objects are kept for the store's life.
    func noteStorage(of type: ValueType) {
        if type == .exnRef { mayHoldExceptionReferences = true }
    }
}
