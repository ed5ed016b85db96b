import Foundation
import XCTest

/// A tiny Docker-registry token server (python3 stdlib + openssl for RS256) on 127.0.0.1. Anyone may pull;
/// pushing needs one of `users` (Basic auth). Tokens carry the signing certificate in `x5c`, and the registry
/// trusts that certificate through its `rootcertbundle`. Every request is logged as a JSON line.
final class TokenServer {
    static let service = "swift-kpt-test-registry"
    static let issuer = "swift-kpt-test-issuer"

    let port: Int
    let dir: URL
    let certPath: String
    private var process: ServiceProcess?

    var realm: String { "http://127.0.0.1:\(port)/token" }

    init(users: [String: String]) throws {
        let python = try ToolCheck.require("python3", package: "python3")
        let openssl = try ToolCheck.require("openssl", package: "openssl")
        dir = try makeTempDir("token-server")
        port = try freeLoopbackPort()
        let key = dir.appendingPathComponent("key.pem").path
        certPath = dir.appendingPathComponent("cert.pem").path
        let made = try runTool(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certPath,
                                         "-days", "2", "-subj", "/CN=swift-kpt-token-issuer"])
        guard made.status == 0 else { throw POSIXFailureMessage("openssl req failed: \(made.stderr)") }
        let script = dir.appendingPathComponent("token_server.py").path
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: script))
        let usersJSON = String(decoding: try JSONSerialization.data(withJSONObject: users), as: UTF8.self)
        process = try ServiceProcess(name: "token server", executable: python,
                                     arguments: [script, String(port), key, certPath, Self.issuer, usersJSON, logPath, openssl],
                                     logPath: dir.appendingPathComponent("server.log").path)
        guard waitForPort(port) else {
            let log = process?.log ?? ""
            stop()
            throw POSIXFailureMessage("token server did not start: \(log)")
        }
    }

    var logPath: String { dir.appendingPathComponent("requests.log").path }

    /// The requests seen so far: path, whether Basic auth was sent, scopes.
    func requests() -> [[String: Any]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func stop() {
        process?.stop()
        process = nil
        try? FileManager.default.removeItem(at: dir)
    }

    deinit { stop() }

    static let script = #"""
    import base64, json, subprocess, sys, time, uuid
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlparse, parse_qs

    port, key, cert, issuer, users, log, openssl = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], json.loads(sys.argv[5]), sys.argv[6], sys.argv[7]

    def b64url(b):
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

    der = subprocess.run([openssl, "x509", "-in", cert, "-outform", "DER"], capture_output=True, check=True).stdout
    header = {"alg": "RS256", "typ": "JWT", "x5c": [base64.b64encode(der).decode()]}

    def sign(claims):
        signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
        sig = subprocess.run([openssl, "dgst", "-sha256", "-sign", key], input=signing_input.encode(),
                             capture_output=True, check=True).stdout
        return signing_input + "." + b64url(sig)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            # OAuth2 refresh-token grant: the refresh token "refresh-<user>" stands for that user.
            form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            with open(log, "a") as f:
                f.write(json.dumps({"path": urlparse(self.path).path, "method": "POST", "basic": False,
                                    "grant_type": form.get("grant_type", [""])[0],
                                    "scope": form.get("scope", [""])[0].split(" "), "service": form.get("service", [""])[0]}) + "\n")
            refresh = form.get("refresh_token", [""])[0]
            if form.get("grant_type") != ["refresh_token"] or not refresh.startswith("refresh-") or refresh[8:] not in users:
                return self.reply(401, {"error": "invalid_grant"})
            self.grant(refresh[8:], form.get("scope", [""])[0].split(" "), form.get("service", [""])[0], "access_token")

        def do_GET(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            auth = self.headers.get("Authorization")
            with open(log, "a") as f:
                f.write(json.dumps({"path": url.path, "basic": auth is not None,
                                    "scope": query.get("scope", []), "service": query.get("service", [""])[0]}) + "\n")
            user = None
            if auth is not None:
                if not auth.startswith("Basic "):
                    return self.reply(401, {"details": "only Basic auth"})
                name, _, password = base64.b64decode(auth[6:]).decode().partition(":")
                if users.get(name) != password:
                    return self.reply(401, {"details": "wrong user name or password"})
                user = name
            self.grant(user, query.get("scope", []), query.get("service", [""])[0], "token")

        def grant(self, user, scopes, service, field):
            access = []
            for scope in scopes:
                for part in scope.split(" "):
                    if not part:
                        continue
                    kind, _, rest = part.partition(":")
                    name, _, actions = rest.rpartition(":")
                    granted = [a for a in actions.split(",") if a == "pull" or (a == "push" and user)]
                    access.append({"type": kind, "name": name, "actions": granted})
            now = int(time.time())
            claims = {"iss": issuer, "sub": user or "", "aud": service, "exp": now + 600,
                      "nbf": now - 60, "iat": now, "jti": uuid.uuid4().hex, "access": access}
            self.reply(200, {field: sign(claims), "expires_in": 600})

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """#
}
