import Foundation

/// A small HTTP proxy (python3 stdlib) in front of an unauthenticated registry that demands Basic auth itself and
/// redirects: blob GET/HEAD -> 307 to `localhost:<port>/storage/...` (another host: credentials must not follow),
/// the first manifest PUT -> 307 to `/redirected/...` on the same host (the body must be sent again).
/// Blob downloads in repository `fns/cut` stop halfway (full Content-Length, half the bytes, connection closed).
/// Manifest GETs for tag `flaky` answer 503 twice before going through; tag `down` always answers 503.
/// Logs one JSON line per request.
final class RedirectingProxy {
    let port: Int
    let dir: URL
    private var process: ServiceProcess?

    var host: String { "127.0.0.1:\(port)" }
    var logPath: String { dir.appendingPathComponent("requests.log").path }

    init(upstreamPort: Int, user: String, password: String) throws {
        let python = try ToolCheck.require("python3", package: "python3")
        dir = try makeTempDir("proxy")
        port = try freeLoopbackPort()
        let script = dir.appendingPathComponent("proxy.py").path
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: script))
        let credential = Data("\(user):\(password)".utf8).base64EncodedString()
        process = try ServiceProcess(name: "proxy", executable: python,
                                     arguments: [script, String(port), String(upstreamPort), "Basic \(credential)", logPath],
                                     logPath: dir.appendingPathComponent("proxy.log").path)
        guard waitForPort(port) else {
            let log = process?.log ?? ""
            stop()
            throw POSIXFailureMessage("proxy did not start: \(log)")
        }
    }

    func requests() -> [[String: Any]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func stop() {
        process?.stop()
        process = nil
        try? FileManager.default.removeItem(at: dir)
    }

    deinit { stop() }

    static let script = #"""
    import http.client, json, re, sys, threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    port, upstream, expected_auth, log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    lock = threading.Lock()
    redirected_puts = set()
    flaky_count = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def record(self, body_len):
            with lock, open(log, "a") as f:
                f.write(json.dumps({"method": self.command, "path": self.path, "host": self.headers.get("Host"),
                                    "auth": self.headers.get("Authorization") is not None, "body": body_len}) + "\n")

        def send(self, status, headers, body=b""):
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def forward(self, path, body, cut=False):
            conn = http.client.HTTPConnection("127.0.0.1", upstream)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("authorization", "content-length", "connection")}
            headers["Host"] = "127.0.0.1:%d" % port
            if body is not None:
                headers["Content-Length"] = str(len(body))
            conn.request(self.command, path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            out = [(k, v) for k, v in resp.getheaders() if k.lower() not in ("content-length", "connection", "transfer-encoding")]
            if cut and resp.status == 200:
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.send(resp.status, out, data)
            conn.close()

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            self.record(len(body) if body else 0)
            if self.path.startswith("/storage/"):
                cut = self.command == "GET" and "/fns/cut/" in self.path
                return self.forward(self.path[len("/storage"):], body, cut)
            if self.path.startswith("/redirected/"):
                if self.headers.get("Authorization") != expected_auth:
                    return self.send(401, [("WWW-Authenticate", 'Basic realm="proxy"')])
                return self.forward(self.path[len("/redirected"):], body)
            if self.headers.get("Authorization") != expected_auth:
                return self.send(401, [("WWW-Authenticate", 'Basic realm="proxy"'), ("Content-Type", "application/json")],
                                 b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
            if self.command == "GET" and self.path.endswith("/manifests/down"):
                return self.send(503, [("Content-Type", "text/plain")], b"down for maintenance")
            if self.command == "GET" and self.path.endswith("/manifests/flaky"):
                with lock:
                    flaky_count[self.path] = flaky_count.get(self.path, 0) + 1
                    failing = flaky_count[self.path] <= 2
                if failing:
                    return self.send(503, [("Content-Type", "text/plain")], b"try again")
            if self.command in ("GET", "HEAD") and re.search(r"/blobs/sha256:", self.path):
                return self.send(307, [("Location", "http://localhost:%d/storage%s" % (port, self.path))])
            if self.command == "PUT" and "/manifests/" in self.path:
                with lock:
                    first = self.path not in redirected_puts
                    redirected_puts.add(self.path)
                if first:
                    return self.send(307, [("Location", "/redirected" + self.path)])
            return self.forward(self.path, body)

        do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = do_DELETE = handle_any

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """#
}
