/// Errors that are not an HTTP exchange with a registry (those are `RegistryError`).
public enum OCIError: Error, CustomStringConvertible, Equatable {
    case invalidReference(String, reason: String)
    case invalidDigest(String, reason: String)
    case invalidArchive(String)
    case compression(String)
    case notWasmImage(image: String, platforms: [String])
    case noModuleInImage(image: String)
    case notInCache(image: String)
    case cache(String)
    case credentials(String)
    case io(String)

    public var description: String {
        switch self {
        case let .invalidReference(text, reason): return "invalid image reference \"\(text)\": \(reason)"
        case let .invalidDigest(text, reason): return "invalid digest \"\(text)\": \(reason)"
        case let .invalidArchive(message): return "invalid tar archive: \(message)"
        case let .compression(message): return "gzip: \(message)"
        case let .notWasmImage(image, platforms):
            let list = platforms.isEmpty ? "no platform" : "platform(s) " + platforms.joined(separator: ", ")
            return "image \(image) is not a WebAssembly image: it has \(list), not js/wasm. "
                + "It looks like a container function; container functions need a container runtime, "
                + "which this tool does not provide"
        case let .noModuleInImage(image): return "image \(image) contains no regular file to use as the wasm module"
        case let .notInCache(image):
            return "image \(image) is not in the local wasm cache and the image pull policy is Never"
        case let .cache(message): return "wasm cache: \(message)"
        case let .credentials(message): return "credentials: \(message)"
        case let .io(message): return message
        }
    }
}
