/// Linear memory of the Go instance. Accessed afresh on every use: Go grows
/// memory (and may move it) whenever it runs, so no pointer is cached.
public protocol GuestMemory: AnyObject {
    func withBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R
    /// What `readBytes`/`writeBytes` copied so far.
    var traffic: HostTraffic { get set }
}

/// Bounds-checked little-endian access; a bad address from the guest becomes
/// an error that names it, never a host crash.
extension GuestMemory {
    func checkedRange(_ address: UInt64, _ count: Int, in buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard count >= 0, address <= UInt64(buffer.count), UInt64(count) <= UInt64(buffer.count) - address else {
            throw GoHostError.badGuestAddress(address: address, count: count, memorySize: buffer.count)
        }
        return Int(address)
    }

    func loadU64(_ address: UInt64) throws -> UInt64 {
        try withBytes { b in
            let a = try checkedRange(address, 8, in: b)
            return UInt64(littleEndian: b.loadUnaligned(fromByteOffset: a, as: UInt64.self))
        }
    }

    func loadU32(_ address: UInt64) throws -> UInt32 {
        try withBytes { b in
            let a = try checkedRange(address, 4, in: b)
            return UInt32(littleEndian: b.loadUnaligned(fromByteOffset: a, as: UInt32.self))
        }
    }

    func storeU64(_ value: UInt64, at address: UInt64) throws {
        try withBytes { b in
            let a = try checkedRange(address, 8, in: b)
            b.storeBytes(of: value.littleEndian, toByteOffset: a, as: UInt64.self)
        }
    }

    func storeU32(_ value: UInt32, at address: UInt64) throws {
        try withBytes { b in
            let a = try checkedRange(address, 4, in: b)
            b.storeBytes(of: value.littleEndian, toByteOffset: a, as: UInt32.self)
        }
    }

    func storeU8(_ value: UInt8, at address: UInt64) throws {
        try withBytes { b in
            let a = try checkedRange(address, 1, in: b)
            b[a] = value
        }
    }

    func readBytes(_ address: UInt64, count: Int) throws -> [UInt8] {
        let bytes = try withBytes { b in
            let a = try checkedRange(address, count, in: b)
            return Array(UnsafeRawBufferPointer(rebasing: b[a..<(a + count)]))
        }
        traffic.record(fromGuest: count)
        return bytes
    }

    func writeBytes<C: Collection>(_ bytes: C, at address: UInt64) throws where C.Element == UInt8 {
        let count = bytes.count
        try withBytes { b in
            let a = try checkedRange(address, count, in: b)
            // One memcpy when the bytes are contiguous (arrays, slices); a loop otherwise.
            let copied: Void? = bytes.withContiguousStorageIfAvailable { source in
                if let from = source.baseAddress, count > 0 { (b.baseAddress! + a).copyMemory(from: from, byteCount: count) }
            }
            if copied == nil {
                var i = a
                for byte in bytes { b[i] = byte; i += 1 }
            }
        }
        traffic.record(toGuest: count)
    }
}
