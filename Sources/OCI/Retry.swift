import Foundation

/// Retries for idempotent requests (GET, HEAD) on answers that are usually passing: 429, 502, 503, 504 and
/// dropped connections. Refused connections and timeouts are not retried (nothing answers there, and retrying
/// would multiply the wait), nor is any other status.
struct RetryPolicy: Sendable {
    var attempts = 3
    var delays: [TimeInterval] = [0.3, 1.0]

    static func isIdempotent(_ method: String) -> Bool { method == "GET" || method == "HEAD" }

    static func isTransient(status: Int) -> Bool { [429, 502, 503, 504].contains(status) }

    /// Runs `send`, retrying as described; the last answer or failure is returned or thrown.
    func run(method: String, _ send: () throws -> HTTPResponse) throws -> HTTPResponse {
        guard Self.isIdempotent(method) else { return try send() }
        var attempt = 0
        while true {
            attempt += 1
            let last = attempt >= attempts
            do {
                let response = try send()
                if last || !Self.isTransient(status: response.status) { return response }
            } catch let failure as TransportFailure where failure.connectionDropped && !last {
                // fall through to the delay and try again
            }
            Thread.sleep(forTimeInterval: delays[min(attempt - 1, delays.count - 1)])
        }
    }
}
