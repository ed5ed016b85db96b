import WasmParser

extension Store {
    /// Copies the active data segments into memory, in order, straight from the module's bytes (what
    /// `memory.init` of each whole segment does, without first copying it out of the module). A mapped
    /// module file gives back the pages already copied every few MiB, and all of them at the end.
    func initializeActiveData(of module: Module, in instance: InstanceEntity) throws {
        let releaseStep = 4 << 20
        var released = 0
        for segment in module.data {
            guard case .active(let memory, let offset) = segment.mode else { continue }
            let start = try evaluate(offset, in: instance)
            try Self.copy(segment, into: instance.memories[Int(memory)], at: u32(start))
            if module.bytes.isMapped && segment.range.upperBound - released >= releaseStep {
                module.bytes.releaseResidentPages(in: released..<segment.range.upperBound)
                released = segment.range.upperBound
            }
        }
        module.bytes.releaseResidentPages()
    }

    private static func copy(_ segment: DataSegment, into memory: MemoryEntity, at destination: UInt32) throws {
        let d = Int(destination), n = segment.range.count
        guard d + n <= memory.byteCount else { throw Trap(.outOfBoundsMemoryAccess) }
        guard n > 0 else { return }
        segment.withUnsafeBytes { bytes in
            (memory.base + d).copyMemory(from: bytes.baseAddress!, byteCount: n)
        }
    }
}
