import WasmParser

extension Store {
    /// Copies the active data segments into memory, in order, straight from the module's bytes (what
    /// `memory.init` of each whole segment does, without first copying it out of the module). A mapped
    /// module file gives back the pages already copied every few MiB, and all of them at the end.
    func initializeActiveData(of module: Module, in instance: InstanceEntity) throws {
        let releaseStep = 4 << 20
        var released = 0
        let data = module.data
        for i in data.indices {
            let range: Range<Int>
            if let placement = data.constantPlacement(at: i) {
                range = placement.range
                try Self.copy(range, of: data, into: instance.memories[0], at: placement.offset)
            } else {
                let segment = data[i]
                guard case .active(let memory, let offset) = segment.mode else { continue }
                range = segment.range
                let start = try evaluate(offset, in: instance)
                try Self.copy(range, of: data, into: instance.memories[Int(memory)], at: u32(start))
            }
            if module.bytes.isMapped && range.upperBound - released >= releaseStep {
                module.bytes.releaseResidentPages(in: released..<range.upperBound)
                released = range.upperBound
            }
        }
        module.bytes.releaseResidentPages()
    }

    private static func copy(_ range: Range<Int>, of data: DataSegments, into memory: MemoryEntity,
                             at destination: UInt32) throws {
        let d = Int(destination), n = range.count
        guard d + n <= memory.byteCount else { throw Trap(.outOfBoundsMemoryAccess) }
        guard n > 0 else { return }
        data.withUnsafeBytes(of: range) { bytes in
            (memory.base + d).copyMemory(from: bytes.baseAddress!, byteCount: n)
        }
    }
}
