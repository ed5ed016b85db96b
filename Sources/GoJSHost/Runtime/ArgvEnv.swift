/// Writes argv and the environment where Go's runtime reads them: strings
/// from address 4096 (NUL-terminated, 8-aligned), then the pointer array
/// (argv…, 0, env…, 0). Everything must end below 12288, where Go's data starts.
enum ArgvEnv {
    static let start: UInt64 = 4096
    static let limit: UInt64 = 12288

    /// Returns (argc, argv address) for the `run` export.
    static func write(arguments: [String], environment: [(String, String)], to memory: GuestMemory) throws -> (argc: Int32, argv: Int32) {
        var cursor = start
        var pointers: [UInt64] = []
        func put(_ s: String) throws -> UInt64 {
            let bytes = Array(s.utf8) + [0]
            let at = cursor
            guard at + UInt64(bytes.count) <= limit else { throw GoHostError.argumentsTooLong(limit: Int(limit - start)) }
            try memory.writeBytes(bytes, at: at)
            cursor = (at + UInt64(bytes.count) + 7) & ~7
            return at
        }
        for a in arguments { pointers.append(try put(a)) }
        pointers.append(0)
        for (k, v) in environment { pointers.append(try put("\(k)=\(v)")) }
        pointers.append(0)
        let argv = cursor
        guard argv + UInt64(pointers.count) * 8 < limit else { throw GoHostError.argumentsTooLong(limit: Int(limit - start)) }
        for (i, p) in pointers.enumerated() { try memory.storeU64(p, at: argv + UInt64(i) * 8) }
        return (Int32(arguments.count), Int32(argv))
    }
}
