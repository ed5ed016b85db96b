import Foundation

/// How one registry wants to be authenticated, learnt by pinging `/v2/`, and the tokens obtained so far.
final class RegistryAuth: @unchecked Sendable {
    enum Scheme { case none, basic, bearer(AuthChallenge) }

    let registry: String
    let repository: String
    let credentials: Credentials
    private let transport: HTTPTransport
    private let userAgent: String
    private let lock = NSLock()
    private var tokens: [String: String] = [:]

    init(registry: String, repository: String, credentials: Credentials, transport: HTTPTransport, userAgent: String) {
        self.registry = registry
        self.repository = repository
        self.credentials = credentials
        self.transport = transport
        self.userAgent = userAgent
    }

    /// `GET /v2/`: 200 means no auth, 401 carries the challenge.
    static func ping(baseURL: URL, transport: HTTPTransport, registry: String, repository: String,
                     userAgent: String) throws -> Scheme {
        let url = baseURL.appendingPathComponent("v2/")
        let response: HTTPResponse
        do {
            response = try RetryPolicy().run(method: "GET") {
                try transport.send(HTTPRequest(method: "GET", url: url, headers: ["User-Agent": userAgent]))
            }
        } catch let failure as TransportFailure {
            throw RegistryError(kind: .unreachable, registry: registry, repository: repository,
                                operation: "GET \(url.absoluteString)", detail: "cannot reach the registry: \(failure.message)")
        }
        switch response.status {
        case 200..<300:
            return .none
        case 401:
            let challenges = AuthChallenge.parse(response.header("WWW-Authenticate") ?? "")
            if let bearer = challenges.first(where: { $0.scheme == "bearer" }) { return .bearer(bearer) }
            if challenges.contains(where: { $0.scheme == "basic" }) { return .basic }
            throw RegistryError(kind: .protocolViolation, registry: registry, repository: repository,
                                operation: "GET /v2/", status: 401,
                                detail: "no Basic or Bearer challenge in WWW-Authenticate: \(response.header("WWW-Authenticate") ?? "(missing)")")
        default:
            throw RegistryError(kind: .http, registry: registry, repository: repository, operation: "GET /v2/",
                                status: response.status, detail: "unexpected answer; is this a Docker registry v2 API?")
        }
    }

    /// The Authorization header value for a request needing `scopes`, fetching a token if needed.
    func authorization(scheme: Scheme, scopes: [String]) throws -> String? {
        switch scheme {
        case .none:
            return nil
        case .basic:
            if case let .basic(user, password) = credentials {
                return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
            }
            return nil
        case let .bearer(challenge):
            if case let .registryToken(token) = credentials { return "Bearer \(token)" }
            let key = scopes.joined(separator: " ")
            if let token = lock.withLock({ tokens[key] }) { return "Bearer \(token)" }
            let token = try fetchToken(challenge: challenge, scopes: scopes)
            lock.withLock { tokens[key] = token }
            return "Bearer \(token)"
        }
    }

    func forgetTokens() { lock.withLock { tokens.removeAll() } }

    private func fetchToken(challenge: AuthChallenge, scopes: [String]) throws -> String {
        guard let realm = challenge.realm, var components = URLComponents(string: realm), components.host != nil else {
            throw RegistryError(kind: .protocolViolation, registry: registry, repository: repository,
                                operation: "token auth", detail: "Bearer challenge has no usable realm: \(challenge.parameters)")
        }
        var request: HTTPRequest
        if case let .identityToken(refresh) = credentials {
            // OAuth2 refresh-token grant, as docker does for identity tokens.
            var form = URLComponents()
            form.queryItems = [URLQueryItem(name: "grant_type", value: "refresh_token"),
                               URLQueryItem(name: "refresh_token", value: refresh),
                               URLQueryItem(name: "service", value: challenge.service ?? ""),
                               URLQueryItem(name: "client_id", value: userAgent),
                               URLQueryItem(name: "scope", value: scopes.joined(separator: " "))]
            request = HTTPRequest(method: "POST", url: components.url!,
                                  headers: ["Content-Type": "application/x-www-form-urlencoded", "User-Agent": userAgent],
                                  body: Data((form.percentEncodedQuery ?? "").utf8))
        } else {
            var items = components.queryItems ?? []
            if let service = challenge.service { items.append(URLQueryItem(name: "service", value: service)) }
            items += scopes.map { URLQueryItem(name: "scope", value: $0) }
            components.queryItems = items
            request = HTTPRequest(method: "GET", url: components.url!, headers: ["User-Agent": userAgent])
            if case let .basic(user, password) = credentials {
                request.headers["Authorization"] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
            }
        }
        let operation = "token request to \(realm)"
        let response: HTTPResponse
        do { response = try transport.send(request) } catch let failure as TransportFailure {
            throw RegistryError(kind: .unreachable, registry: registry, repository: repository, operation: operation,
                                detail: "cannot reach the token server: \(failure.message)")
        }
        guard response.status == 200 else {
            let who = credentials.summary
            throw RegistryError(kind: response.status == 401 || response.status == 403 ? .unauthorized : .http,
                                registry: registry, repository: repository, operation: operation, status: response.status,
                                detail: "token server refused \(who) for scope \(scopes.joined(separator: " "))"
                                    + Self.bodySnippet(response.body))
        }
        guard let json = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let token = (json["token"] as? String) ?? (json["access_token"] as? String), !token.isEmpty else {
            throw RegistryError(kind: .protocolViolation, registry: registry, repository: repository,
                                operation: operation, status: 200, detail: "response has no token or access_token")
        }
        return token
    }

    static func bodySnippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : " (\(text))"
    }
}

extension Credentials {
    /// Names who we are without revealing secrets.
    var summary: String {
        switch self {
        case .anonymous: return "anonymous access"
        case let .basic(user, _): return "user \"\(user)\""
        case .identityToken: return "the identity token"
        case .registryToken: return "the registry token"
        }
    }
}
