import Foundation

/// File reads and writes that keep the system's reason for a failure (FileManager's
/// `contents(atPath:)` only says nil).
extension FileSystem {
    /// The whole file; a failure names the call, the path and the reason. A FIFO, socket or
    /// device is refused, not read: opening or draining one could block forever.
    public static func read(_ path: String) throws(PathError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw PathError(op: "open", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw PathError(op: "stat", path: path, code: errno) }
        let type = info.st_mode & S_IFMT
        if type != S_IFREG && type != S_IFDIR {   // a directory fails below with "is a directory"
            throw PathError(op: "read", path: path, code: EINVAL, note: "not a regular file")
        }
        var bytes: [UInt8] = []
        if type == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw PathError(op: "read", path: path, code: errno)
            }
            bytes += chunk[..<n]
        }
    }

    /// Creates a new file (it must not exist) holding `bytes`, with `mode` less the umask.
    public static func create(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o666) throws(PathError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PathError(op: "open", path: path, code: errno) }
        var failure: PathError?
        var offset = 0
        while offset < bytes.count && failure == nil {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n >= 0 { offset += n } else if errno != EINTR { failure = PathError(op: "write", path: path, code: errno) }
        }
        if close(fd) != 0 && failure == nil { failure = PathError(op: "close", path: path, code: errno) }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    /// `mkdir -p`, failing like Go's os.MkdirAll (a file in the way is "not a directory").
    public static func makeDirectories(_ path: String) throws(PathError) {
        if isDirectory(path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o777) == 0 { return }
        let code = errno
        if code == EEXIST && isDirectory(path) { return }
        throw PathError(op: "mkdir", path: path, code: code == EEXIST ? ENOTDIR : code)
    }
}
