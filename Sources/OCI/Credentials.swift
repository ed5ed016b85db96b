/// What to authenticate with at one registry.
public enum Credentials: Equatable, Sendable {
    case anonymous
    case basic(username: String, password: String)
    /// An OAuth2 refresh token (docker config `identitytoken`), exchanged at the token realm.
    case identityToken(String)
    /// A ready bearer token (docker config `registrytoken`), sent as is.
    case registryToken(String)
}

/// Finds credentials for a registry (and repository).
public protocol Keychain: Sendable {
    func credentials(registry: String, repository: String) throws -> Credentials
}

/// Always anonymous.
public struct AnonymousKeychain: Keychain {
    public init() {}
    public func credentials(registry: String, repository: String) throws -> Credentials { .anonymous }
}

/// Fixed credentials for one registry host (handy for tests and `--username/--password` style flags).
public struct StaticKeychain: Keychain {
    public let entries: [String: Credentials]
    public init(_ entries: [String: Credentials]) { self.entries = entries }
    public func credentials(registry: String, repository: String) throws -> Credentials {
        entries["\(registry)/\(repository)"] ?? entries[registry] ?? .anonymous
    }
}
