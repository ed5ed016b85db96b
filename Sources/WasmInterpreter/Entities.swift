import WasmParser

/// A function in the store: either defined by a module instance (translated on first call) or a host closure.
final class FunctionEntity {
    let type: FunctionType
    /// Store-wide id of `type`, compared by call_indirect.
    let typeID: Int
    /// Defining instance (nil for host functions). Instances live as long as their store.
    unowned(unsafe) let instance: InstanceEntity?
    let definedIndex: Int
    let host: ((HostContext, [Value]) throws -> [Value])?
    /// Register code, built by `Translator` on the first call.
    var compiled: CompiledFunction?

    init(type: FunctionType, typeID: Int, instance: InstanceEntity, definedIndex: Int) {
        self.type = type
        self.typeID = typeID
        self.instance = instance
        self.definedIndex = definedIndex
        self.host = nil
    }

    init(type: FunctionType, typeID: Int, host: @escaping (HostContext, [Value]) throws -> [Value]) {
        self.type = type
        self.typeID = typeID
        self.instance = nil
        self.definedIndex = -1
        self.host = host
    }
}

/// Where a memory's bytes are now. Lives at a stable address so the executor can reload it cheaply
/// after anything that may have grown (and moved) the buffer.
struct MemoryState {
    var base: UnsafeMutableRawPointer
    var byteCount: Int
}

/// A linear memory. Where the system allows, the whole addressable range (declared maximum, at most
/// 4 GiB) is reserved up front as untouched zero pages, so growing never copies or moves the bytes.
/// Otherwise the buffer is malloc'ed and may move on grow.
final class MemoryEntity {
    static let pageSize = 65536
    var type: MemoryType
    let state: UnsafeMutablePointer<MemoryState>
    /// Bytes reserved with mmap (0 when the buffer came from malloc).
    private let reserved: Int

    init(type: MemoryType) throws {
        self.type = type
        let bytes = Int(type.limits.min) * MemoryEntity.pageSize
        let maxPages = Int(min(type.limits.max ?? 65536, 65536))
        let reserve = max(maxPages, 1) * MemoryEntity.pageSize
        var base: UnsafeMutableRawPointer?
        var reserved = 0
        if let p = mmap(nil, reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
           p != MAP_FAILED {
            base = p
            reserved = reserve
        } else {
            base = calloc(max(bytes, 1), 1)
        }
        guard let base else { throw Trap(.host, "cannot allocate \(bytes) bytes of memory") }
        self.reserved = reserved
        state = .allocate(capacity: 1)
        state.initialize(to: MemoryState(base: base, byteCount: bytes))
    }

    deinit {
        if reserved > 0 { munmap(state.pointee.base, reserved) } else { free(state.pointee.base) }
        state.deallocate()
    }

    var base: UnsafeMutableRawPointer { state.pointee.base }
    var byteCount: Int { state.pointee.byteCount }
    var pageCount: UInt64 { UInt64(byteCount / MemoryEntity.pageSize) }

    /// Grows by `delta` pages within `cap` pages; returns the old page count or nil if refused.
    /// `limited` reports whether the refusal came from the engine cap rather than the declared maximum.
    func grow(by delta: UInt64, cap: UInt64) -> (old: UInt64?, limited: Bool) {
        let old = pageCount
        let declaredMax = min(type.limits.max ?? 65536, 65536)
        let (new, overflow) = old.addingReportingOverflow(delta)
        if overflow || new > declaredMax { return (nil, false) }
        if new > cap { return (nil, true) }
        if delta == 0 { return (old, false) }
        let newBytes = Int(new) * MemoryEntity.pageSize
        if reserved > 0 {
            // Reserved pages were never touched, so they read as zero.
            guard newBytes <= reserved else { return (nil, false) }
            state.pointee.byteCount = newBytes
            return (old, false)
        }
        guard let p = realloc(base, newBytes) else { return (nil, false) }
        memset(p + byteCount, 0, newBytes - byteCount)
        state.pointee = MemoryState(base: p, byteCount: newBytes)
        return (old, false)
    }
}

/// A table of references stored as cells (0 = null).
final class TableEntity {
    /// Engine limit on table length, so a guest cannot make the host allocate without bound.
    static let maxElements: UInt64 = 10_000_000

    var type: TableType
    var elements: [UInt64]

    init(type: TableType, initial: UInt64) throws {
        guard type.limits.min <= TableEntity.maxElements else {
            throw Trap(.host, "table of \(type.limits.min) elements exceeds the engine limit of \(TableEntity.maxElements)")
        }
        self.type = type
        elements = Array(repeating: initial, count: Int(type.limits.min))
    }

    /// Returns the old size or nil if the declared maximum (or 2^32 elements) would be exceeded.
    func grow(by delta: UInt64, initial: UInt64) -> UInt64? {
        let old = UInt64(elements.count)
        let limit = min(type.limits.max ?? UInt64(UInt32.max), UInt64(UInt32.max))
        let (new, overflow) = old.addingReportingOverflow(delta)
        if overflow || new > limit { return nil }
        if new > TableEntity.maxElements { return nil }
        elements.append(contentsOf: repeatElement(initial, count: Int(delta)))
        return old
    }
}

/// A global variable; `cell` is a stable pointer the executor reads and writes directly.
final class GlobalEntity {
    let type: GlobalType
    let cell: UnsafeMutablePointer<UInt64>

    init(type: GlobalType, value: UInt64) {
        self.type = type
        cell = .allocate(capacity: 1)
        cell.initialize(to: value)
    }

    deinit { cell.deallocate() }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
