/// The host half of Go's value references: every non-number value Go holds
/// lives here under an id, with a reference count (one per store into Go,
/// minus one per `syscall/js.finalizeRef`). Ids 0–6 are predefined and never
/// freed; freed ids are reused LIFO.
final class ValueTable {
    static let nanHead: UInt64 = 0x7FF8_0000_0000_0000

    enum PredefinedID: UInt32 {
        case nan = 0, zero = 1, null = 2, `true` = 3, `false` = 4, global = 5, go = 6
    }
    static let predefinedCount: UInt32 = 7

    /// Identity of a stored value: objects by reference, strings by content.
    private enum Key: Hashable {
        case object(ObjectIdentifier)
        case string(String)
    }

    private var slots: [JSValue?]
    private var counts: [Int]
    private var ids: [Key: UInt32] = [:]
    private var freeIDs: [UInt32] = []

    init(global: JSObject, go: JSObject) {
        slots = [.number(.nan), .number(0), .null, .bool(true), .bool(false), .object(global), .object(go)]
        counts = Array(repeating: Int.max, count: slots.count)
        ids[.object(ObjectIdentifier(global))] = PredefinedID.global.rawValue
        ids[.object(ObjectIdentifier(go))] = PredefinedID.go.rawValue
    }

    /// Slots in use (live + free), for tests and diagnostics.
    var slotCount: Int { slots.count }
    var liveCount: Int { slots.count - freeIDs.count }

    /// Decodes a ref Go passed to the host. Unknown ids load as undefined.
    func load(_ ref: UInt64) -> JSValue {
        let asDouble = Double(bitPattern: ref)
        if ref == 0 { return .undefined }
        if !asDouble.isNaN { return .number(asDouble) }
        let id = Int(UInt32(truncatingIfNeeded: ref))
        guard id < slots.count, let value = slots[id] else { return .undefined }
        return value
    }

    /// Encodes a value for Go, taking a reference for table entries.
    func store(_ value: JSValue) -> UInt64 {
        switch value {
        case .undefined:
            return 0
        case .number(let d):
            if d.isNaN { return Self.nanHead | UInt64(PredefinedID.nan.rawValue) }
            if d == 0 { return Self.nanHead | UInt64(PredefinedID.zero.rawValue) }
            return d.bitPattern
        case .null:
            return Self.nanHead | UInt64(PredefinedID.null.rawValue)
        case .bool(let b):
            return Self.nanHead | UInt64(b ? PredefinedID.true.rawValue : PredefinedID.false.rawValue)
        case .string(let s):
            return Self.nanHead | (2 << 32) | UInt64(reference(.string(s), value))
        case .object(let o):
            return Self.nanHead | (UInt64(o.typeFlag) << 32) | UInt64(reference(.object(ObjectIdentifier(o)), value))
        }
    }

    /// `finalizeRef`: drop one reference; free the id at zero.
    func release(_ ref: UInt64) {
        let id = UInt32(truncatingIfNeeded: ref)
        guard id >= Self.predefinedCount, Int(id) < slots.count, let value = slots[Int(id)] else { return }
        counts[Int(id)] -= 1
        guard counts[Int(id)] <= 0 else { return }
        switch value {
        case .string(let s): ids[.string(s)] = nil
        case .object(let o): ids[.object(ObjectIdentifier(o))] = nil
        default: break
        }
        slots[Int(id)] = nil
        counts[Int(id)] = 0
        freeIDs.append(id)
    }

    private func reference(_ key: Key, _ value: JSValue) -> UInt32 {
        if let id = ids[key] {
            if counts[Int(id)] != Int.max { counts[Int(id)] += 1 }
            return id
        }
        let id: UInt32
        if let reused = freeIDs.popLast() {
            id = reused
            slots[Int(id)] = value
            counts[Int(id)] = 1
        } else {
            id = UInt32(slots.count)
            slots.append(value)
            counts.append(1)
        }
        ids[key] = id
        return id
    }
}
