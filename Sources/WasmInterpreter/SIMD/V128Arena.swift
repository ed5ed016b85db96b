import WasmParser

/// Where v128 values live: a frame cell of type v128 holds a handle (an index here), so every generic
/// move of the register code (copies, calls, block results, globals) carries a vector without knowing
/// its type. Values are immutable; each SIMD result gets a new entry. Handle 0 is the zero vector, so
/// zero-filled locals and cells start as v128.const 0.
///
/// Entries are not reclaimed while the store lives (a known limitation: a long SIMD loop grows the
/// arena, up to `limit` entries, then traps instead of exhausting host memory).
final class V128Arena {
    static let limit = 1 << 24
    private var storage: UnsafeMutablePointer<V128>
    private(set) var count = 1
    private var capacity = 256

    init() {
        storage = .allocate(capacity: capacity)
        storage.initialize(to: V128(lo: 0, hi: 0))
    }

    deinit { storage.deallocate() }

    /// A handle for `v` (0 for the zero vector).
    @inline(__always)
    func handle(_ v: V128) throws(Trap) -> UInt64 {
        if v.lo == 0 && v.hi == 0 { return 0 }
        if count == capacity { try grow() }
        (storage + count).initialize(to: v)
        count += 1
        return UInt64(count - 1)
    }

    /// The vector behind a handle; a handle that was never issued reads as zero rather than crashing.
    @inline(__always)
    subscript(handle: UInt64) -> V128 {
        handle < UInt64(count) ? storage[Int(handle)] : V128(lo: 0, hi: 0)
    }

    private func grow() throws(Trap) {
        guard capacity < V128Arena.limit else {
            throw Trap(.host, "v128 value space exhausted (\(V128Arena.limit) vectors)")
        }
        let bigger = UnsafeMutablePointer<V128>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }
}
