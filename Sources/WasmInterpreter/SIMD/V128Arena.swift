import WasmParser

/// Where v128 values live: a frame cell of type v128 holds a handle, so every generic move of the register
/// code (copies, calls, block results, globals) carries a vector without knowing its type. Values are
/// immutable. Handle 0 is the zero vector, so zero-filled locals and cells start as v128.const 0.
///
/// Two regions: *transient* entries for SIMD results (reclaimed when the outermost invocation returns,
/// see `reclaim`), and *pinned* entries (tagged handles) for values that outlive it: frame constants,
/// values crossing the host boundary, and v128 globals at reclaim time. Within one invocation the transient
/// region grows with every SIMD result, up to `limit` entries, then traps instead of exhausting host memory.
final class V128Arena {
    static let limit = 1 << 24
    static let pinnedTag: UInt64 = 1 << 62

    private struct Region {
        var storage: UnsafeMutablePointer<V128>
        var count = 1
        var capacity = 256
        init() {
            storage = .allocate(capacity: capacity)
            storage.initialize(to: V128(lo: 0, hi: 0))
        }

        mutating func append(_ v: V128) throws(Trap) -> UInt64 {
            if count == capacity {
                guard capacity < V128Arena.limit else {
                    throw Trap(.host, "v128 value space exhausted (\(V128Arena.limit) vectors in one invocation)")
                }
                let bigger = UnsafeMutablePointer<V128>.allocate(capacity: capacity * 2)
                bigger.moveInitialize(from: storage, count: count)
                storage.deallocate()
                storage = bigger
                capacity *= 2
            }
            (storage + count).initialize(to: v)
            count += 1
            return UInt64(count - 1)
        }
    }

    private var transient = Region()
    private var pinned = Region()

    deinit {
        transient.storage.deallocate()
        pinned.storage.deallocate()
    }

    /// A transient handle for a SIMD result (0 for the zero vector).
    @inline(__always)
    func handle(_ v: V128) throws(Trap) -> UInt64 {
        if v.lo == 0 && v.hi == 0 { return 0 }
        return try transient.append(v)
    }

    /// A handle that survives `reclaim`.
    func pin(_ v: V128) throws(Trap) -> UInt64 {
        if v.lo == 0 && v.hi == 0 { return 0 }
        return try pinned.append(v) | V128Arena.pinnedTag
    }

    /// The vector behind a handle; a handle that was never issued reads as zero rather than crashing.
    @inline(__always)
    subscript(handle: UInt64) -> V128 {
        if handle & V128Arena.pinnedTag != 0 {
            let i = handle & ~V128Arena.pinnedTag
            return i < UInt64(pinned.count) ? pinned.storage[Int(i)] : V128(lo: 0, hi: 0)
        }
        return handle < UInt64(transient.count) ? transient.storage[Int(handle)] : V128(lo: 0, hi: 0)
    }

    /// Frees every transient entry; `cells` (the v128 globals) are re-pinned first. Call only when no wasm
    /// frame is live, since frames may hold transient handles.
    func reclaim(keeping cells: [UnsafeMutablePointer<UInt64>]) throws {
        guard transient.count > 1 else { return }
        for cell in cells where cell.pointee != 0 && cell.pointee & V128Arena.pinnedTag == 0 {
            cell.pointee = try pin(self[cell.pointee])
        }
        transient.count = 1
    }
}

extension Store {
    /// After the outermost invocation: frees the SIMD results it left behind.
    func reclaimVectors() throws {
        var cells: [UnsafeMutablePointer<UInt64>] = []
        for instance in instances {
            for global in instance.globals where global.type.valueType == .v128 { cells.append(global.cell) }
        }
        try vectors.reclaim(keeping: cells)
    }
}
