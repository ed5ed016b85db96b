import WasmParser

/// Executes `Instruction.memoryOther(start)`: an access to a memory other than memory 0.
/// aux[start...]: kind, memory index, result slot, operand slots a, b, c, immediate, byte width
/// (for `copy` the immediate is the source memory, for `initialize` the data segment).
enum OtherMemoryAccess {
    static let load: Int32 = 0, store: Int32 = 1, size: Int32 = 2, grow: Int32 = 3, fill: Int32 = 4,
               copy: Int32 = 5, initialize: Int32 = 6

    static func execute(_ p: UnsafeMutablePointer<Int32>, _ sp: UnsafeMutablePointer<UInt64>, _ owner: Store,
                        _ instance: Instance) throws {
        let memories = instance.memories
        func memory(_ index: Int32) throws -> MemoryEntity {
            guard index >= 0 && Int(index) < memories.count else { throw Trap(.host, "unknown memory \(index)") }
            return memories[Int(index)]
        }
        let m = try memory(p[1])
        func operand(_ i: Int) -> UInt64 { sp[Int(p[i])] }
        switch p[0] {
        case load, store:
            let width = Int(p[7])
            let address = Int(u32(operand(3))) &+ Int(UInt32(bitPattern: p[6]))
            guard address &+ width <= m.byteCount else { throw Trap(.outOfBoundsMemoryAccess) }
            if p[0] == store {
                let v = operand(4)
                for i in 0..<width {
                    m.base.storeBytes(of: UInt8(truncatingIfNeeded: v >> UInt64(8 * i)), toByteOffset: address + i, as: UInt8.self)
                }
                return
            }
            var v: UInt64 = 0
            for i in 0..<width { v |= UInt64(m.base.load(fromByteOffset: address + i, as: UInt8.self)) << UInt64(8 * i) }
            // i32 results only read the low half, so sign-extending to 64 bits serves both widths.
            if p[5] == 1 && width < 8 { v = UInt64(bitPattern: Lanes.signed(v, width * 8)) }
            sp[Int(p[2])] = v
        case size:
            sp[Int(p[2])] = m.pageCount
        case grow:
            sp[Int(p[2])] = owner.grow(m, by: UInt64(u32(operand(3)))) ?? UInt64.max
        case fill:
            let d = Int(u32(operand(3))), n = Int(u32(operand(5)))
            guard d &+ n <= m.byteCount else { throw Trap(.outOfBoundsMemoryAccess) }
            if n > 0 { (m.base + d).initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: operand(4)), count: n) }
        case copy:
            let source = try memory(p[6])
            let d = Int(u32(operand(3))), s = Int(u32(operand(4))), n = Int(u32(operand(5)))
            guard d &+ n <= m.byteCount && s &+ n <= source.byteCount else { throw Trap(.outOfBoundsMemoryAccess) }
            if n > 0 { (m.base + d).copyMemory(from: source.base + s, byteCount: n) }  // overlap-safe (memmove)
        case initialize:
            let segment = Int(p[6])
            guard segment < instance.dataSegments.count else { throw Trap(.host, "unknown data segment \(segment)") }
            try Executor.memoryInit(m, instance.dataSegments[segment], destination: u32(operand(3)),
                                    source: u32(operand(4)), count: u32(operand(5)))
        default:
            throw Trap(.host, "corrupt memory instruction")
        }
    }
}
