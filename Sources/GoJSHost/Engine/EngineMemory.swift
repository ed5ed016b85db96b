import WasmInterpreter

/// GuestMemory over the engine's exported `mem`: every access goes through
/// the engine's accessor, so growth (and relocation) is always seen.
final class EngineMemory: GuestMemory {
    let memory: Memory
    var traffic = HostTraffic()

    init(_ memory: Memory) {
        self.memory = memory
    }

    func withBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R {
        try memory.withUnsafeMutableBytes(body)
    }
}
