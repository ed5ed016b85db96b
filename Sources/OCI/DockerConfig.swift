import Foundation

/// The parts of a docker `config.json` that hold credentials.
public struct DockerConfig: Sendable, Equatable {
    public struct AuthEntry: Sendable, Equatable {
        public var username: String?
        public var password: String?
        /// base64 of `user:password`.
        public var auth: String?
        public var identityToken: String?
        public var registryToken: String?
    }

    public var auths: [String: AuthEntry] = [:]
    public var credsStore: String?
    public var credHelpers: [String: String] = [:]
    /// Where it was read from (for error messages).
    public var path: String = ""

    public init() {}

    public init(json: Data, path: String) throws {
        self.path = path
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw OCIError.credentials("\(path): not a JSON object")
        }
        if let auths = root["auths"] as? [String: Any] {
            for (key, value) in auths {
                guard let e = value as? [String: Any] else { continue }
                self.auths[key] = AuthEntry(
                    username: e["username"] as? String, password: e["password"] as? String,
                    auth: e["auth"] as? String, identityToken: e["identitytoken"] as? String,
                    registryToken: e["registrytoken"] as? String)
            }
        }
        credsStore = (root["credsStore"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        if let helpers = root["credHelpers"] as? [String: String] { credHelpers = helpers }
    }

    /// The key docker uses for a registry host; Docker Hub is keyed by its old v1 URL.
    public static func key(forRegistry registry: String) -> String {
        registry == ImageReference.defaultRegistry ? "https://index.docker.io/v1/" : registry
    }

    /// Reduces `https://host/v1/` style keys to `host`, as docker does when matching.
    public static func hostname(ofKey key: String) -> String {
        var s = Substring(key)
        if s.hasPrefix("http://") { s = s.dropFirst(7) } else if s.hasPrefix("https://") { s = s.dropFirst(8) }
        if let slash = s.firstIndex(of: "/") { s = s[..<slash] }
        return String(s)
    }

    /// The `auths` entry for a key: exact key first, then any entry whose key reduces to the same host.
    public func authEntry(forKey key: String) -> AuthEntry? {
        if let e = auths[key] { return e }
        let host = Self.hostname(ofKey: key)
        for k in auths.keys.sorted() where Self.hostname(ofKey: k) == host { return auths[k] }
        return nil
    }

    /// Credentials from an `auths` entry (no helpers involved).
    public static func credentials(from entry: AuthEntry, key: String) throws -> Credentials {
        if let t = entry.registryToken, !t.isEmpty { return .registryToken(t) }
        if let t = entry.identityToken, !t.isEmpty { return .identityToken(t) }
        if let auth = entry.auth, !auth.isEmpty {
            guard let data = Data(base64Encoded: auth), let text = String(data: data, encoding: .utf8),
                  let colon = text.firstIndex(of: ":") else {
                throw OCIError.credentials("auths.\"\(key)\".auth is not base64 of user:password")
            }
            return .basic(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
        }
        if let u = entry.username, let p = entry.password, !u.isEmpty { return .basic(username: u, password: p) }
        return .anonymous
    }
}
