@testable import GoJSHost

/// A byte buffer standing in for linear memory.
final class FakeMemory: GuestMemory {
    var bytes: [UInt8]
    var traffic = HostTraffic()

    init(size: Int = 65536) {
        bytes = Array(repeating: 0, count: size)
    }

    func withBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R {
        try bytes.withUnsafeMutableBytes(body)
    }
}

/// A guest without an engine: `getsp` answers `currentSP` and `resume` runs
/// `onResume`, so import handlers can be driven directly from tests.
final class FakeGuest: GoGuest {
    let fake = FakeMemory()
    var memory: GuestMemory { fake }
    var currentSP: UInt32 = 1024
    var onResume: () throws -> Void = {}
    var resumeCount = 0

    func getsp() throws -> UInt32 { currentSP }

    func resume() throws {
        resumeCount += 1
        try onResume()
    }

    /// A runtime wired to this guest.
    func runtime(stdin: [UInt8] = []) -> GoRuntime {
        let rt = GoRuntime(stdin: stdin, output: GuestOutput())
        rt.guest = self
        return rt
    }

    func put64(_ value: UInt64, at address: Int) { try! fake.storeU64(value, at: UInt64(address)) }
    func get64(_ address: Int) -> UInt64 { try! fake.loadU64(UInt64(address)) }

    /// Writes a Go string header at `address` pointing to bytes placed at `dataAddress`.
    func putString(_ s: String, header address: Int, data dataAddress: Int) {
        let utf8 = Array(s.utf8)
        try! fake.writeBytes(utf8, at: UInt64(dataAddress))
        put64(UInt64(dataAddress), at: address)
        put64(UInt64(utf8.count), at: address + 8)
    }

    /// Writes a `[]ref` slice header at `address` with the refs at `dataAddress`.
    func putRefs(_ refs: [UInt64], header address: Int, data dataAddress: Int) {
        for (i, r) in refs.enumerated() { put64(r, at: dataAddress + 8 * i) }
        put64(UInt64(dataAddress), at: address)
        put64(UInt64(refs.count), at: address + 8)
        put64(UInt64(refs.count), at: address + 16)
    }
}

/// Looks up an import handler by name.
func importHandler(_ name: String) -> (GoRuntime, UInt32) throws -> Void {
    (RuntimeImports.handlers + JSImports.handlers).first { $0.0 == name }!.1
}
