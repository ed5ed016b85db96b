/// The `runtime.*` imports (and `debug`): exit, raw writes, clocks, timers,
/// random bytes. Frame offsets: gojs-abi.md §2.2.
enum RuntimeImports {
    static let handlers: [(String, @Sendable (GoRuntime, UInt32) throws -> Void)] = [
        ("runtime.wasmExit", { rt, sp in
            rt.exit(code: try rt.frame(sp).int32(8))
        }),
        ("runtime.wasmWrite", { rt, sp in
            let f = try rt.frame(sp)
            let fd = try f.int64(8)
            let address = try f.address(16)
            let count = try f.int32(24)
            let bytes = try f.memory.readBytes(address, count: Int(max(count, 0)))
            rt.output.write(fd: Int(fd), bytes[...])
        }),
        // Memory is re-fetched on every access, so there is no view to rebuild.
        ("runtime.resetMemoryDataView", { _, _ in }),
        ("runtime.nanotime1", { rt, sp in
            try rt.frame(sp).setInt64(8, HostClock.monotonicNanoseconds())
        }),
        ("runtime.walltime", { rt, sp in
            let f = try rt.frame(sp)
            let t = HostClock.wallTime()
            try f.setInt64(8, t.sec)
            try f.setInt32(16, t.nsec)
        }),
        ("runtime.scheduleTimeoutEvent", { rt, sp in
            let f = try rt.frame(sp)
            let id = rt.timers.schedule(afterMilliseconds: try f.int64(8))
            try f.setInt32(16, id)
        }),
        ("runtime.clearTimeoutEvent", { rt, sp in
            rt.timers.clear(try rt.frame(sp).int32(8))
        }),
        ("runtime.getRandomData", { rt, sp in
            let f = try rt.frame(sp)
            let s = try f.slice(8)
            try f.memory.writeBytes(RandomBytes.make(s.count), at: s.address)
        }),
        // Go ≤ 1.20 binaries import it; its parameter is a value, not an sp.
        ("debug", { _, _ in }),
    ]
}

/// Cryptographically secure bytes (the system generator uses getrandom/arc4random).
enum RandomBytes {
    static func make(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            var word = rng.next()
            for _ in 0..<min(8, count - out.count) {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }
}
