/// What entering a frame writes from slot `start` on: zeros for the declared locals from `start` up,
/// then the constants. Padded to whole 16-byte pairs so `Executor.enterFrame` moves two cells per step;
/// a zeroing loop would become a libc memset call per frame, which costs more than the copy for the
/// small frames calls usually have. At least `minimumPairs` pairs (zeros past the end land in
/// temporaries): most calls then copy a fixed four cells with no test of the size.
struct FrameTemplate {
    let cells: UnsafeMutablePointer<UInt64>
    let pairs: Int
    let start: Int

    init(start: Int, localCount: Int, consts: UnsafePointer<UInt64>, constCount: Int) {
        self.start = start
        let zeroCount = localCount - start
        pairs = max((zeroCount + constCount + 1) / 2, FrameTemplate.minimumPairs)
        cells = .allocate(capacity: pairs * 2)
        cells.initialize(repeating: 0, count: pairs * 2)
        (cells + zeroCount).update(from: consts, count: constCount)
    }

    static let minimumPairs = 2

    /// Slots the copy reaches (padding cells land in the first temporaries).
    var end: Int { start + pairs * 2 }

    func deallocate() { cells.deallocate() }
}

extension Executor {
    /// Zeroes the declared locals and writes the constants: one copy of
    /// the callee's `FrameTemplate`. Unrolled by hand for the usual few pairs: a plain loop gets
    /// vectorized with a set-up that costs more than these small copies.
    @inline(__always)
    static func enterFrame(_ sp: UnsafeMutablePointer<UInt64>, _ r: UnsafeMutablePointer<FunctionRecord>) {
        var src = UnsafeRawPointer(r.pointee.template!), dst = UnsafeMutableRawPointer(sp + Int(r.pointee.templateStart))
        copyPair(src, dst, 0); copyPair(src, dst, 1) // FrameTemplate.minimumPairs
        var n = Int(r.pointee.templatePairs) - FrameTemplate.minimumPairs
        guard n > 0 else { return }
        src += 32
        dst += 32
        while n > 4 {
            copyPair(src, dst, 0); copyPair(src, dst, 1); copyPair(src, dst, 2); copyPair(src, dst, 3)
            src += 64
            dst += 64
            n -= 4
        }
        switch n {
        case 4: copyPair(src, dst, 3); fallthrough
        case 3: copyPair(src, dst, 2); fallthrough
        case 2: copyPair(src, dst, 1); fallthrough
        default: copyPair(src, dst, 0)
        }
    }

    @inline(__always)
    private static func copyPair(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ k: Int) {
        dst.storeBytes(of: src.loadUnaligned(fromByteOffset: k * 16, as: SIMD2<UInt64>.self), toByteOffset: k * 16,
                       as: SIMD2<UInt64>.self)
    }
}
