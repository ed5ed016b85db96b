/// A loop whose whole body stores one byte at `base + i` and steps `i` by a slot until it reaches a bound (the
/// sieve's `for (j = i + i; j < N; j += i) composite[j] = 1`, a strided memset): one instruction that runs
/// the loop itself, each iteration with the store's bounds check and the back edge's deadline count, so a
/// timeout still stops it. Not in code metered for fuel, which charges every iteration through the header.
struct ByteStrideLoop: Equatable {
    /// The i32 local stepped, its step's slot, the address's other addend and the byte's value slot.
    let index: Int16
    let step: Int16
    let base: Int16
    let value: Int16
}

extension ByteStrideLoop: CustomStringConvertible {
    var description: String { "[\(base) + \(index)] = \(value), \(index) += \(step)" }
}

extension Translator {
    /// Replaces `loopHeader; i32Store8Add; addBrIfI32LtUImm` back to that header (the last three instructions,
    /// the branch at `index`) by the header and one `byteStrideLoop`. Only when the stepped local is none of
    /// the other slots, which must stay constant through the loop.
    mutating func fuseStrideLoop(branchAt index: Int, loop: Int) {
        guard !meterFuel, index == code.count - 1, index == loop + 2,
              case let .addBrIfI32LtUImm(s, limit, t) = code[index], t == Int32(loop),
              case let .i32Store8Add(a, b, v) = code[index - 1], Int32(s.local) != v else { return }
        let i = Int32(s.local), base: Int32
        if a == i && b != i { base = b } else if b == i && a != i { base = a } else { return }
        guard Int32(s.amount) != i, let baseSlot = Int16(exactly: base), let valueSlot = Int16(exactly: v) else { return }
        code.removeLast()
        code[index - 1] = .byteStrideLoop(ByteStrideLoop(index: s.local, step: s.amount, base: baseSlot, value: valueSlot),
                                          limit: UInt32(bitPattern: limit))
        lastProducer = nil
    }
}

extension Executor {
    /// Runs a `byteStrideLoop` to its end: `i` ends at the first value not below `limit`. Out of line: inlined,
    /// its loop costs the interpreter loop registers (every other instruction got slower).
    @inline(never)
    static func runByteStrideLoop(_ f: ByteStrideLoop, limit: UInt32, _ sp: UnsafeMutablePointer<UInt64>,
                                  _ memBase: UnsafeMutableRawPointer, _ memSize: Int, _ countdown: inout Int,
                                  _ deadline: ContinuousClock.Instant?) throws {
        let base = u32(sp[Int(f.base)]), step = u32(sp[Int(f.step)])
        let byte = UInt8(truncatingIfNeeded: sp[Int(f.value)])
        var i = u32(sp[Int(f.index)])
        while true {
            let ea = Int(base &+ i)
            guard ea < memSize else { throw Trap(.outOfBoundsMemoryAccess) }
            memBase.storeBytes(of: byte, toByteOffset: ea, as: UInt8.self)
            i &+= step
            guard i < limit else { break }
            countdown -= 1
            if countdown == 0 {
                countdown = deadlineInterval
                try checkDeadline(deadline)
            }
        }
        sp[Int(f.index)] = UInt64(i)
    }
}
