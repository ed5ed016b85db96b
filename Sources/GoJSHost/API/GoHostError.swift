/// Why a Go program could not be run or called. Descriptions are meant for
/// users: they name the limit, export or address involved and include what
/// the guest printed to stderr when that explains the failure.
public enum GoHostError: Error, CustomStringConvertible {
    /// The module is not a Go js/wasm module (a required export is missing).
    case missingExport(String, expected: String)
    /// The module imports something this host does not provide.
    case unsupportedImport(module: String, name: String)
    /// Instantiation failed in the engine (link error, start trap).
    case instantiationFailed(String)
    /// argv and environment do not fit below Go's data segment.
    case argumentsTooLong(limit: Int)
    /// The guest passed an address outside its memory.
    case badGuestAddress(address: UInt64, count: Int, memorySize: Int)
    case notStarted
    /// The program exited (normally it only may between calls when it is done).
    case exited(code: Int32, stderr: String)
    /// A call was attempted after the program exited.
    case alreadyExited(code: Int32)
    /// The engine trapped while Go was running; the instance is unusable.
    case trapped(String, stderr: String)
    /// The guest died because a memory.grow was refused at the configured limit.
    case memoryLimitExceeded(limitBytes: UInt64, stderr: String)
    /// The wall-clock budget ran out.
    case timedOut(limit: Duration)
    /// `call(global:)` found no such property on the global object.
    case globalNotFound(String)
    /// The global property exists but is not a function.
    case globalNotAFunction(String)

    public var description: String {
        switch self {
        case .missingExport(let name, let expected):
            return "\(name): missing export (not a Go js/wasm module? expected \(expected))"
        case .unsupportedImport(let module, let name):
            return "unsupported import \(module).\(name): the Go js/wasm host provides only the gojs/go runtime and syscall/js functions"
        case .instantiationFailed(let message):
            return "unable to instantiate wasm module: \(message)"
        case .argumentsTooLong(let limit):
            return "total length of command line and environment variables exceeds limit (\(limit) bytes)"
        case .badGuestAddress(let address, let count, let size):
            return "guest passed a bad address: \(count) bytes at \(address) (memory size \(size))"
        case .notStarted:
            return "the Go program was not started"
        case .exited(let code, let stderr):
            return "the Go program exited with code \(code)" + Self.detail(stderr)
        case .alreadyExited(let code):
            return "the Go program has already exited (code \(code))"
        case .trapped(let message, let stderr):
            return "wasm trap: \(message)" + Self.detail(stderr)
        case .memoryLimitExceeded(let limit, let stderr):
            return "memory limit \(Self.formatBytes(limit)) exceeded" + Self.detail(stderr)
        case .timedOut(let limit):
            return "function timed out after \(Self.formatDuration(limit))"
        case .globalNotFound(let name):
            return "\(name): not found"
        case .globalNotAFunction(let name):
            return "\(name): not a function"
        }
    }

    private static func detail(_ stderr: String) -> String {
        let trimmed = stderr.hasSuffix("\n") ? String(stderr.dropLast()) : stderr
        return trimmed.isEmpty ? "" : ":\n" + trimmed
    }

    static func formatBytes(_ n: UInt64) -> String {
        if n >= 1 << 30, n % (1 << 30) == 0 { return "\(n >> 30)GiB" }
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20)MiB" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10)KiB" }
        return "\(n) bytes"
    }

    static func formatDuration(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if ms % 1000 == 0 { return "\(seconds)s" }
        return "\(ms)ms"
    }
}
