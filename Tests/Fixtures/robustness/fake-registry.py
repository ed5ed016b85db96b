#!/usr/bin/env python3
"""A registry that misbehaves on purpose (loopback only), for `kpt alpha wasm pull` error tests.

Usage: fake-registry.py PORT_FILE   -- binds 127.0.0.1 on a free port, writes the port to PORT_FILE,
serves until killed (and stops by itself after 120 s). Repositories:
  garbage-manifest  the manifest is not JSON
  wrong-digest      the manifest is valid; the layer blob's bytes do not match its digest
  garbage-layer     digests match, but the layer is neither gzip nor tar
  truncated-layer   the layer blob ends early (Content-Length honest, fewer bytes than the descriptor says)
"""
import hashlib, http.server, json, sys, threading

def sha(b): return "sha256:" + hashlib.sha256(b).hexdigest()

CONFIG = json.dumps({"architecture": "wasm", "os": "js"}).encode()
LAYER_CLAIMED = b"\0asm\1\0\0\0" * 64          # what the manifest promises
LAYER_GARBAGE = b"this is not a gzip or a tar archive" * 20

def manifest(layer_digest, layer_size):
    return json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": sha(CONFIG), "size": len(CONFIG)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": layer_size}],
    }).encode()

REPOS = {
    "garbage-manifest": {"manifest": b"\x00\xffnot json{{{", "blobs": {}},
    "wrong-digest": {"manifest": manifest(sha(LAYER_CLAIMED), len(LAYER_CLAIMED)),
                     "blobs": {sha(LAYER_CLAIMED): b"X" * len(LAYER_CLAIMED)}},
    "garbage-layer": {"manifest": manifest(sha(LAYER_GARBAGE), len(LAYER_GARBAGE)),
                      "blobs": {sha(LAYER_GARBAGE): LAYER_GARBAGE}},
    "truncated-layer": {"manifest": manifest(sha(LAYER_CLAIMED), len(LAYER_CLAIMED)),
                        "blobs": {sha(LAYER_CLAIMED): LAYER_CLAIMED[:100]}},
}

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass

    def send(self, code, body, ctype="application/octet-stream", extra=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items(): self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(body)

    def do_HEAD(self): self.do_GET()

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts == ["v2"]: return self.send(200, b"{}", "application/json")
        if len(parts) == 4 and parts[0] == "v2" and parts[1] in REPOS:
            repo = REPOS[parts[1]]
            if parts[2] == "manifests":
                body = repo["manifest"]
                return self.send(200, body, "application/vnd.oci.image.manifest.v1+json",
                                 {"Docker-Content-Digest": sha(body)})
            if parts[2] == "blobs":
                if parts[3] == sha(CONFIG): return self.send(200, CONFIG)
                if parts[3] in repo["blobs"]: return self.send(200, repo["blobs"][parts[3]])
        self.send(404, b'{"errors":[{"code":"NAME_UNKNOWN","message":"not here"}]}', "application/json")

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f: f.write(str(server.server_address[1]))
threading.Timer(120, server.shutdown).start()
server.serve_forever()
