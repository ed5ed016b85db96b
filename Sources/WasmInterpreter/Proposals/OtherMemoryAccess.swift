import WasmParser

/// Executes `Instruction.memoryOther(start)`: an access to a memory other than memory 0, or to a 64-bit memory.
/// aux[start...]: kind, memory index, result slot, operand slots a, b, c, immediate, byte width, offset high word
/// (the immediate is the offset's low word for loads/stores, the source memory for `copy`, the data segment
/// for `initialize`). Addresses are i64 for a 64-bit memory, else i32; bounds checks never overflow.
enum OtherMemoryAccess {
    static let load: Int32 = 0, store: Int32 = 1, size: Int32 = 2, grow: Int32 = 3, fill: Int32 = 4,
               copy: Int32 = 5, initialize: Int32 = 6

    static func execute(_ p: UnsafeMutablePointer<Int32>, _ sp: UnsafeMutablePointer<UInt64>, _ owner: Store,
                        _ instance: InstanceEntity) throws {
        let memories = instance.memories
        func memory(_ index: Int32) throws -> MemoryEntity {
            guard index >= 0 && Int(index) < memories.count else { throw Trap(.host, "unknown memory \(index)") }
            return memories[Int(index)]
        }
        let m = try memory(p[1])
        let wide = m.type.limits.is64
        func operand(_ i: Int) -> UInt64 { sp[Int(p[i])] }
        /// An address or length operand at the width of `memory`.
        func address(_ i: Int, _ memory64: Bool) -> UInt64 { memory64 ? operand(i) : UInt64(u32(operand(i))) }
        /// [start, start + count) inside `size` bytes, without overflow.
        func inBounds(_ start: UInt64, _ count: UInt64, _ size: Int) -> Bool {
            start <= UInt64(size) && count <= UInt64(size) - start
        }
        switch p[0] {
        case load, store:
            let width = Int(p[7])
            let offset = UInt64(UInt32(bitPattern: p[6])) | UInt64(UInt32(bitPattern: p[8])) << 32
            let (ea, overflow) = address(3, wide).addingReportingOverflow(offset)
            guard !overflow, inBounds(ea, UInt64(width), m.byteCount) else { throw Trap(.outOfBoundsMemoryAccess) }
            let at = Int(ea)
            if p[0] == store {
                let v = operand(4)
                for i in 0..<width {
                    m.base.storeBytes(of: UInt8(truncatingIfNeeded: v >> UInt64(8 * i)), toByteOffset: at + i, as: UInt8.self)
                }
                return
            }
            var v: UInt64 = 0
            for i in 0..<width { v |= UInt64(m.base.load(fromByteOffset: at + i, as: UInt8.self)) << UInt64(8 * i) }
            // i32 results only read the low half, so sign-extending to 64 bits serves both widths.
            if p[5] == 1 && width < 8 { v = UInt64(bitPattern: Lanes.signed(v, width * 8)) }
            sp[Int(p[2])] = v
        case size:
            sp[Int(p[2])] = m.pageCount
        case grow:
            // Failure is -1 at the memory's address width; i32 readers see -1 in the low half.
            sp[Int(p[2])] = owner.grow(m, by: address(3, wide)) ?? UInt64.max
        case fill:
            let d = address(3, wide), n = address(5, wide)
            guard inBounds(d, n, m.byteCount) else { throw Trap(.outOfBoundsMemoryAccess) }
            if n > 0 { (m.base + Int(d)).initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: operand(4)), count: Int(n)) }
        case copy:
            let source = try memory(p[6])
            let sourceWide = source.type.limits.is64
            let d = address(3, wide), s = address(4, sourceWide), n = address(5, wide && sourceWide)
            guard inBounds(d, n, m.byteCount) && inBounds(s, n, source.byteCount) else {
                throw Trap(.outOfBoundsMemoryAccess)
            }
            if n > 0 { (m.base + Int(d)).copyMemory(from: source.base + Int(s), byteCount: Int(n)) }  // overlap-safe (memmove)
        case initialize:
            let segment = Int(p[6])
            guard segment < instance.dataSegments.count else { throw Trap(.host, "unknown data segment \(segment)") }
            let d = address(3, wide)
            guard d <= UInt64(m.byteCount) else { throw Trap(.outOfBoundsMemoryAccess) }
            try Executor.memoryInit(m, instance.dataSegments[segment], destination: UInt32(truncatingIfNeeded: d),
                                    source: u32(operand(4)), count: u32(operand(5)))
        default:
            throw Trap(.host, "corrupt memory instruction")
        }
    }
}
