/// What the host needs from the running Go module: its memory and the two
/// exports it calls back into (`getsp`, `resume`). The engine binding
/// (GoInstance) implements this; unit tests can use a fake.
protocol GoGuest: AnyObject {
    var memory: GuestMemory { get }
    func getsp() throws -> UInt32
    func resume() throws
}
