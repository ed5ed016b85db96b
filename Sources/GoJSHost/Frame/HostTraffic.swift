/// Bytes the host copied between Go's linear memory and its own buffers.
/// Every import copies only its operands (a write's bytes, a string's bytes),
/// so the totals grow with what the guest passes, never with the size of
/// linear memory or with how much it wrote before. Tests assert that; it is
/// also a cheap diagnostic when a run is slower than its input explains.
public struct HostTraffic: Sendable, Equatable {
    /// Bytes read out of linear memory (strings, written output, byte slices).
    public internal(set) var bytesFromGuest = 0
    /// Bytes written into linear memory (argv/env, strings, stdin, random bytes).
    public internal(set) var bytesToGuest = 0
    /// Copies made (reads and writes of byte ranges; word loads and stores are not counted).
    public internal(set) var copies = 0
    /// The largest single copy either way.
    public internal(set) var largestCopy = 0

    public init() {}

    mutating func record(fromGuest count: Int) {
        bytesFromGuest += count
        copies += 1
        largestCopy = max(largestCopy, count)
    }

    mutating func record(toGuest count: Int) {
        bytesToGuest += count
        copies += 1
        largestCopy = max(largestCopy, count)
    }
}
