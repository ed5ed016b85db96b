import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange, as the registry code sees it.
struct HTTPRequest {
    var method: String
    var url: URL
    var headers: [String: String] = [:]
    var body: Data? = nil
}

struct HTTPResponse {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data
    var url: URL

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A network-level failure (no HTTP status): connection refused, DNS, TLS, timeout.
struct TransportFailure: Error {
    let url: URL
    let message: String
    /// A connection that dropped (not refused, not timed out): worth another try.
    var connectionDropped = false
    /// Set when the connection broke after the response started: bytes received, and Content-Length if known.
    var partial: (received: Int, expected: Int?)? = nil
}

/// Synchronous HTTP over URLSession that never follows redirects by itself: the registry client follows them,
/// so it can drop credentials on a host change and re-send PUT bodies (URLSession would lose both).
final class HTTPTransport: @unchecked Sendable {
    private let session: URLSession
    private let delegate: TaskCollector

    private let timeout: TimeInterval

    init(timeout: TimeInterval = 120) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        delegate = TaskCollector()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue(String(body.count), forHTTPHeaderField: "Content-Length")
        } else if request.method == "PUT" || request.method == "POST" || request.method == "PATCH" {
            urlRequest.httpBody = Data()
            urlRequest.setValue("0", forHTTPHeaderField: "Content-Length")
        }
        let task = session.dataTask(with: urlRequest)
        let pending = delegate.register(task)
        task.resume()
        // The session's idle timeout should fire first; this backstop ends a task whose callbacks stopped coming
        // (no bytes for longer than the timeout), without limiting long downloads that keep making progress.
        var seen = -1
        while pending.done.wait(timeout: .now() + timeout + 30) == .timedOut {
            let now = delegate.progress(of: pending)
            if now == seen {
                task.cancel()
                _ = delegate.finish(task)
                throw TransportFailure(url: request.url, message: "no answer within \(Int(timeout)) seconds")
            }
            seen = now
        }
        let outcome = delegate.finish(task)
        if outcome.challenged, let http = outcome.response, http.statusCode == 401 {
            outcome.error = nil
        }
        if let error = outcome.error {
            let dropped = (error as? URLError)?.code == .networkConnectionLost
            var failure = TransportFailure(url: request.url, message: error.localizedDescription, connectionDropped: dropped)
            if let started = outcome.response {
                let expected = started.expectedContentLength
                failure.partial = (outcome.data.count, expected >= 0 ? Int(expected) : nil)
            }
            throw failure
        }
        guard let http = outcome.response else {
            throw TransportFailure(url: request.url, message: "no HTTP response")
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let k = key as? String, let v = value as? String { headers[k.lowercased()] = v }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: outcome.data, url: request.url)
    }
}

/// Collects each task's response and body, and refuses URLSession's automatic redirects.
private final class TaskCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    final class Pending {
        let done = DispatchSemaphore(value: 0)
        var data = Data()
        var response: HTTPURLResponse?
        var error: Error?
        var challenged = false
        /// Callbacks seen so far (guarded by the collector's lock).
        var events = 0
    }

    func progress(of p: Pending) -> Int { lock.withLock { p.events } }

    private func touch(_ p: Pending?) { if let p { lock.withLock { p.events += 1 } } }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]

    func register(_ task: URLSessionTask) -> Pending {
        let p = Pending()
        lock.withLock { pending[task.taskIdentifier] = p }
        return p
    }

    func finish(_ task: URLSessionTask) -> Pending {
        lock.withLock { pending.removeValue(forKey: task.taskIdentifier)! }
    }

    private func entry(_ task: URLSessionTask) -> Pending? {
        lock.withLock { pending[task.taskIdentifier] }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    /// Registries answer 401 with a challenge that we answer ourselves. corelibs URLSession stops a Basic 401 to ask
    /// for credentials and never finishes the task unless it is cancelled, so cancel it and keep the 401 already received.
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        guard (challenge.failureResponse as? HTTPURLResponse)?.statusCode == 401 else {
            completionHandler(.performDefaultHandling, nil)
            return
        }
        entry(task)?.challenged = true
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let p = entry(dataTask)
        p?.response = response as? HTTPURLResponse
        touch(p)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let p = entry(dataTask)
        p?.data.append(data)
        touch(p)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let p = entry(task) else { return }
        if p.response == nil { p.response = task.response as? HTTPURLResponse }
        p.error = error
        p.done.signal()
    }
}
