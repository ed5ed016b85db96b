/// Collects what the guest writes to fd 1 and fd 2 (through `fs.write`,
/// `fs.writeSync` and the runtime's `wasmWrite`), optionally passing it on live.
public final class GuestOutput {
    public private(set) var stdout: [UInt8] = []
    public private(set) var stderr: [UInt8] = []
    /// Bytes dropped because a stream reached `limit`.
    public private(set) var droppedBytes = 0
    /// Called for every write, e.g. to stream to the terminal.
    public var onWrite: ((_ fd: Int, _ bytes: ArraySlice<UInt8>) -> Void)?
    let limit: Int

    public init(limit: Int = 64 << 20, onWrite: ((_ fd: Int, _ bytes: ArraySlice<UInt8>) -> Void)? = nil) {
        self.limit = limit
        self.onWrite = onWrite
    }

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// Appends to fd 1 or 2; returns false for any other descriptor.
    @discardableResult
    func write(fd: Int, _ bytes: ArraySlice<UInt8>) -> Bool {
        guard fd == 1 || fd == 2 else { return false }
        onWrite?(fd, bytes)
        let room = max(0, limit - (fd == 1 ? stdout.count : stderr.count))
        let kept = bytes.prefix(room)
        droppedBytes += bytes.count - kept.count
        if fd == 1 { stdout.append(contentsOf: kept) } else { stderr.append(contentsOf: kept) }
        return true
    }
}
