import Foundation

/// Talks to one repository of one registry: authentication, redirects and error mapping live here;
/// the manifest and blob operations are in extensions.
public final class RegistryClient: @unchecked Sendable {
    public let registry: String
    public let repository: String
    public let options: RegistryOptions
    let transport: HTTPTransport
    let baseURL: URL
    let retry = RetryPolicy()
    private let lock = NSLock()
    private var auth: RegistryAuth?
    private var scheme: RegistryAuth.Scheme?

    public init(registry: String, repository: String, options: RegistryOptions = RegistryOptions()) {
        self.registry = registry
        self.repository = repository
        self.options = options
        transport = HTTPTransport(timeout: options.timeout)
        baseURL = URL(string: "\(options.scheme(for: registry))://\(registry)/")!
    }

    public convenience init(reference: ImageReference, options: RegistryOptions = RegistryOptions()) {
        self.init(registry: reference.registry, repository: reference.repository, options: options)
    }

    /// `GET /v2/` once, to learn whether and how to authenticate.
    public func ping() throws {
        _ = try authState()
    }

    private func authState() throws -> (RegistryAuth, RegistryAuth.Scheme) {
        if let auth, let scheme { return (auth, scheme) }
        let credentials: Credentials
        do { credentials = try options.keychain.credentials(registry: registry, repository: repository) } catch {
            throw RegistryError(kind: .unauthorized, registry: registry, repository: repository,
                                operation: "looking up credentials", detail: "\(error)")
        }
        let newScheme = try RegistryAuth.ping(baseURL: baseURL, transport: transport, registry: registry,
                                              repository: repository, userAgent: options.userAgent)
        let newAuth = RegistryAuth(registry: registry, repository: repository, credentials: credentials,
                                   transport: transport, userAgent: options.userAgent)
        lock.withLock { auth = newAuth; scheme = newScheme }
        return (newAuth, newScheme)
    }

    func url(_ path: String) -> URL { URL(string: "v2/\(repository)/\(path)", relativeTo: baseURL)!.absoluteURL }

    /// Sends an authenticated request, follows redirects ourselves, and retries once with fresh tokens on 401.
    /// `scopes` are the token scopes the request needs (default: pull on this repository).
    func send(_ request: HTTPRequest, operation: String, push: Bool = false, extraScopes: [String] = []) throws -> HTTPResponse {
        let (auth, scheme) = try authState()
        let scopes = ["repository:\(repository):" + (push ? "pull,push" : "pull")] + extraScopes
        var response = try sendFollowingRedirects(request, authorization: auth.authorization(scheme: scheme, scopes: scopes),
                                                  operation: operation)
        if response.status == 401, case .bearer = scheme {
            auth.forgetTokens()
            response = try sendFollowingRedirects(request, authorization: auth.authorization(scheme: scheme, scopes: scopes),
                                                  operation: operation)
        }
        return response
    }

    private func sendFollowingRedirects(_ original: HTTPRequest, authorization: String?, operation: String) throws -> HTTPResponse {
        var request = original
        request.headers["User-Agent"] = options.userAgent
        let origin = Self.origin(of: original.url)
        for _ in 0..<10 {
            // Credentials only ever go to the registry's own host.
            request.headers["Authorization"] = Self.origin(of: request.url) == origin ? authorization : nil
            let response: HTTPResponse
            do { response = try retry.run(method: request.method) { try transport.send(request) } } catch let failure as TransportFailure {
                if let partial = failure.partial {
                    let of = partial.expected.map { " of \($0)" } ?? ""
                    throw RegistryError(kind: .sizeMismatch, registry: registry, repository: repository, operation: operation,
                                        detail: "truncated download: the connection closed after \(partial.received)\(of) bytes "
                                            + "from \(failure.url.absoluteString) (\(failure.message))")
                }
                throw RegistryError(kind: .unreachable, registry: registry, repository: repository,
                                    operation: operation, detail: "cannot reach \(failure.url.absoluteString): \(failure.message)")
            }
            guard [301, 302, 303, 307, 308].contains(response.status) else { return response }
            guard let location = response.header("Location"), let next = URL(string: location, relativeTo: request.url) else {
                throw error(response, operation: operation, detail: "redirect without a usable Location header")
            }
            request.url = next.absoluteURL
            if response.status == 303 || (response.status != 307 && response.status != 308 && request.method == "POST") {
                request.method = "GET"
                request.body = nil
            }
        }
        throw RegistryError(kind: .protocolViolation, registry: registry, repository: repository,
                            operation: operation, detail: "too many redirects")
    }

    static func origin(of url: URL) -> String {
        "\(url.scheme ?? "")://\(url.host ?? ""):\(url.port.map(String.init) ?? "")"
    }

    /// An error for an unexpected response, classified by status and registry error codes.
    func error(_ response: HTTPResponse, operation: String, detail: String? = nil) -> RegistryError {
        let (codes, messages) = RegistryError.parseErrors(response.body)
        var kind: RegistryError.Kind = .http
        var text = detail ?? (messages.isEmpty ? "unexpected response" + RegistryAuth.bodySnippet(response.body)
                                                : messages.joined(separator: "; "))
        if response.status == 401 || response.status == 403 {
            kind = .unauthorized
            let who = (try? authState().0.credentials.summary) ?? "anonymous access"
            text += " (authenticated as \(who); check the credentials in your docker config)"
        }
        return RegistryError(kind: kind, registry: registry, repository: repository, operation: operation,
                             status: response.status, codes: codes, detail: text)
    }
}
