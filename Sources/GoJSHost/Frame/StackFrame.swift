/// One import call's frame on Go's stack. Go passes only `sp`; arguments
/// start at sp+8 (8-byte slots; strings are 16-byte headers, slices 24-byte
/// headers) and results follow them. Offsets per import are in gojs-abi.md §2.2.
struct StackFrame {
    let memory: GuestMemory
    let sp: UInt64

    init(memory: GuestMemory, sp: UInt32) {
        self.memory = memory
        self.sp = UInt64(sp)   // Go's sp is unsigned
    }

    func int64(_ offset: UInt64) throws -> Int64 { Int64(bitPattern: try memory.loadU64(sp + offset)) }
    func uint64(_ offset: UInt64) throws -> UInt64 { try memory.loadU64(sp + offset) }
    func int32(_ offset: UInt64) throws -> Int32 { Int32(bitPattern: try memory.loadU32(sp + offset)) }

    /// A pointer-sized value; linear-memory addresses fit in 32 bits.
    func address(_ offset: UInt64) throws -> UInt64 { UInt64(UInt32(truncatingIfNeeded: try memory.loadU64(sp + offset))) }

    /// A `[]T` header: pointer and length.
    func slice(_ offset: UInt64) throws -> (address: UInt64, count: Int) {
        let address = try address(offset)
        let count = try int64(offset + 8)
        guard count >= 0, count <= Int64(Int32.max) else {
            throw GoHostError.badGuestAddress(address: address, count: Int(clamping: count), memorySize: 0)
        }
        return (address, Int(count))
    }

    /// The bytes of a `string` or `[]byte` header.
    func bytes(_ offset: UInt64) throws -> [UInt8] {
        let s = try slice(offset)
        return try memory.readBytes(s.address, count: s.count)
    }

    /// A Go `string`, decoded as UTF-8 (invalid sequences become U+FFFD, like TextDecoder).
    func string(_ offset: UInt64) throws -> String {
        String(decoding: try bytes(offset), as: UTF8.self)
    }

    /// A `[]ref` slice, read completely (before anything can re-enter Go).
    func refs(_ offset: UInt64) throws -> [UInt64] {
        let s = try slice(offset)
        return try (0..<s.count).map { try memory.loadU64(s.address + UInt64($0) * 8) }
    }

    func setUInt64(_ offset: UInt64, _ value: UInt64) throws { try memory.storeU64(value, at: sp + offset) }
    func setInt64(_ offset: UInt64, _ value: Int64) throws { try memory.storeU64(UInt64(bitPattern: value), at: sp + offset) }
    func setInt32(_ offset: UInt64, _ value: Int32) throws { try memory.storeU32(UInt32(bitPattern: value), at: sp + offset) }
    func setBool(_ offset: UInt64, _ value: Bool) throws { try memory.storeU8(value ? 1 : 0, at: sp + offset) }
}
