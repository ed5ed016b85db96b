#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a module: an array handed in by the caller, or a large file mapped read-only.
///
/// A mapped file costs resident memory only for the pages being read: after decoding (and again after
/// instantiation copied the data segments out) `releaseResidentPages()` drops them, and the few bodies
/// translated later fault back in from the page cache. Small or non-regular files are read instead.
///
/// A mapped file is expected not to change while the module lives: kpt replaces files by rename,
/// which leaves the mapping on the old contents. Truncating it in place makes a later read fault.
public final class ModuleBinary: @unchecked Sendable {
    /// Files below this size are read into an array: mapping saves nothing worth a page table.
    public static let mappingThreshold = 1 << 20

    public let count: Int
    /// First byte; valid for `count` bytes as long as this object lives.
    let base: UnsafePointer<UInt8>
    /// The array that owns the bytes (array-backed), kept so `base` stays valid.
    private let array: [UInt8]?
    /// The mapping to unmap (file-backed).
    private let mapping: UnsafeMutableRawPointer?
    private let mappedLength: Int

    public var isMapped: Bool { mapping != nil }
    /// The mapped addresses (for a fault handler that wants to name the file), nil when not mapped.
    public var addressRange: Range<Int>? {
        mapping.map { Int(bitPattern: $0)..<Int(bitPattern: $0) + mappedLength }
    }

    public init(_ bytes: [UInt8]) {
        // An array held immutably by this object keeps its buffer where it is; empty arrays may have
        // no buffer at all, so they get a static byte that is never read (count is 0).
        array = bytes.isEmpty ? [0] : bytes
        base = array!.withUnsafeBufferPointer { $0.baseAddress! }
        count = bytes.count
        mapping = nil
        mappedLength = 0
    }

    /// Maps `path` read-only when it is a regular file of at least `mappingThreshold` bytes, reads it
    /// otherwise. Throws `ModuleFileError` naming the path and the failing call.
    public init(contentsOfFile path: String, mappingThreshold: Int = ModuleBinary.mappingThreshold) throws(ModuleFileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ModuleFileError(path: path, call: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ModuleFileError(path: path, call: "stat", code: errno) }
        let size = Int(info.st_size)
        if info.st_mode & S_IFMT == S_IFREG && size >= mappingThreshold && size > 0,
           let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
            array = nil
            mapping = p
            mappedLength = size
            base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
            count = size
            return
        }
        let bytes = try ModuleBinary.readAll(fd, path: path, sizeHint: info.st_mode & S_IFMT == S_IFREG ? size : 0)
        array = bytes.isEmpty ? [0] : bytes
        base = array!.withUnsafeBufferPointer { $0.baseAddress! }
        count = bytes.count
        mapping = nil
        mappedLength = 0
    }

    deinit {
        if let mapping { munmap(mapping, mappedLength) }
    }

    @inline(__always)
    public subscript(_ index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "module byte \(index) out of range")
        return base[index]
    }

    /// A copy of `range` (readers check ranges against `count` before asking).
    public subscript(_ range: Range<Int>) -> ArraySlice<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "module bytes \(range) out of range")
        return ArraySlice(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// All bytes as an array (a copy when mapped).
    public var allBytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Gives back the resident pages of a mapped file (they are re-read from the file on next use);
    /// nothing for array-backed bytes.
    public func releaseResidentPages() {
        guard let mapping else { return }
        _ = madvise(mapping, mappedLength, MADV_DONTNEED)
    }

    /// Releases the pages overlapping `range` (whole pages: a neighbour read again just faults back in).
    public func releaseResidentPages(in range: Range<Int>) {
        guard let mapping, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lower = max(0, range.lowerBound) / page * page
        let upper = min(range.upperBound, mappedLength)
        guard lower < upper else { return }
        _ = madvise(mapping + lower, upper - lower, MADV_DONTNEED)
    }

    /// Releases the pages around `range` after it was read. Reading one page maps its already cached
    /// neighbours too (the kernel's fault-around, up to 2 MiB aligned), so the whole aligned window goes.
    public func releaseResidentPages(around range: Range<Int>) {
        guard let mapping, !range.isEmpty else { return }
        let window = 2 << 20
        let lower = range.lowerBound / window * window
        let upper = min((range.upperBound + window - 1) / window * window, mappedLength)
        guard lower < upper else { return }
        _ = madvise(mapping + lower, upper - lower, MADV_DONTNEED)
    }

    private static func readAll(_ fd: Int32, path: String, sizeHint: Int) throws(ModuleFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw ModuleFileError(path: path, call: "read", code: errno)
            }
            bytes += chunk[..<n]
        }
    }
}

/// A module file that could not be opened or read.
public struct ModuleFileError: Error, CustomStringConvertible {
    public let path: String
    public let call: String
    public let code: Int32
    public var description: String {
        let text = String(cString: strerror(code))
        return "\(call) \(path): " + text.prefix(1).lowercased() + text.dropFirst()
    }
}
