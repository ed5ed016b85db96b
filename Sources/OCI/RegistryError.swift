import Foundation

/// A failed exchange with a registry; always names the registry, the repository and, when there was one, the HTTP status.
public struct RegistryError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// No HTTP answer at all (connection refused, DNS, TLS, timeout).
        case unreachable
        /// The registry answered with an unexpected status.
        case http
        /// 401/403: credentials missing, wrong, or without the right permission.
        case unauthorized
        /// 404 for a manifest (tag or digest).
        case manifestUnknown
        /// Content does not match its digest.
        case digestMismatch
        /// Fewer (or more) bytes than the descriptor promised.
        case sizeMismatch
        /// A response we could not understand.
        case protocolViolation
    }

    public let kind: Kind
    public let registry: String
    public let repository: String
    /// What we were doing, e.g. "GET manifest v1".
    public let operation: String
    public let status: Int?
    /// Registry error codes from the JSON body, e.g. MANIFEST_UNKNOWN.
    public let codes: [String]
    public let detail: String

    public init(kind: Kind, registry: String, repository: String, operation: String, status: Int? = nil,
                codes: [String] = [], detail: String) {
        self.kind = kind
        self.registry = registry
        self.repository = repository
        self.operation = operation
        self.status = status
        self.codes = codes
        self.detail = detail
    }

    public var description: String {
        var s = "registry \(registry), repository \(repository): \(operation): "
        if let status { s += "HTTP \(status)" + (codes.isEmpty ? "" : " " + codes.joined(separator: ",")) + ": " }
        return s + detail
    }

    /// Registry error codes and messages from a `{"errors":[{"code":..,"message":..}]}` body.
    static func parseErrors(_ body: Data) -> (codes: [String], messages: [String]) {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let errors = root["errors"] as? [[String: Any]] else { return ([], []) }
        return (errors.compactMap { $0["code"] as? String }, errors.compactMap { $0["message"] as? String })
    }
}
