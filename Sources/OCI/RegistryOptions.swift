import Foundation

/// How to reach registries.
public struct RegistryOptions: Sendable {
    /// Where credentials come from; default: docker's config files and credential helpers.
    public var keychain: any Keychain
    /// Use plain HTTP for every registry (loopback registries always use plain HTTP).
    public var insecure: Bool
    /// Blobs larger than this are uploaded in PATCH chunks of this size; smaller ones in one PUT.
    public var chunkSize: Int
    /// Per-request timeout in seconds.
    public var timeout: TimeInterval
    public var userAgent: String

    public init(keychain: any Keychain = DockerKeychain(), insecure: Bool = false, chunkSize: Int = 8 << 20,
                timeout: TimeInterval = 120, userAgent: String = "swift-kpt") {
        self.keychain = keychain
        self.insecure = insecure
        self.chunkSize = max(1, chunkSize)
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// HTTP for loopback hosts (and everything when `insecure`), HTTPS otherwise.
    public func scheme(for registry: String) -> String {
        insecure || Self.isLoopback(registry) ? "http" : "https"
    }

    public static func isLoopback(_ registry: String) -> Bool {
        var host = Substring(registry)
        if host.hasPrefix("[") {
            host = host.dropFirst().prefix { $0 != "]" }
        } else if let colon = host.lastIndex(of: ":"), host.firstIndex(of: ":") == colon {
            host = host[..<colon]
        }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }
}
