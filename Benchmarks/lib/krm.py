"""A YAML-heavy KRM function (the set-annotation fixture) on 10 and 1000 resources:
`kpt fn eval` on a package, `kpt alpha wasm run` on a ResourceList, and node running the
same module with Go's wasm_exec.js on the same ResourceList."""
import hashlib
import json
import os
import shutil

from . import measure
from .build import log

SIZES = (10, 1000)
CONFIG = ("owner", "bench")


def deployment(i):
    """One Deployment with the nesting real manifests have (about 45 lines)."""
    return """apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-%(i)d
  namespace: ns-%(ns)d
  labels:
    app: app-%(i)d
    tier: backend
  annotations:
    config.kubernetes.io/index: '0'
spec:
  replicas: %(r)d
  selector:
    matchLabels:
      app: app-%(i)d
  template:
    metadata:
      labels:
        app: app-%(i)d
    spec:
      containers:
      - name: main
        image: registry.example/app-%(i)d:v1.%(i)d
        args: ["--port=8080", "--verbose", "--id=%(i)d"]
        ports:
        - containerPort: 8080
          protocol: TCP
        env:
        - name: MODE
          value: production
        - name: INDEX
          value: "%(i)d"
        resources:
          limits: {cpu: 500m, memory: 256Mi}
          requests: {cpu: 100m, memory: 128Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
          initialDelaySeconds: 5
      - name: sidecar
        image: registry.example/proxy:v2
        volumeMounts:
        - {name: cfg, mountPath: /etc/cfg}
      volumes:
      - name: cfg
        configMap: {name: cfg-%(i)d}
""" % {"i": i, "ns": i % 7, "r": 1 + i % 3}


def write_package(root, n, kptfile=None):
    """A package of n Deployments in files of at most 100 each."""
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "Kptfile"), "w") as fh:
        fh.write(kptfile or "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: bench\n")
    for start in range(0, n, 100):
        with open(os.path.join(root, "deploy-%04d.yaml" % start), "w") as fh:
            fh.write("---\n".join(deployment(i) for i in range(start, min(n, start + 100))))


def resource_list(path, n):
    """The ResourceList kpt would hand the function (items indented under `items:`)."""
    with open(path, "w") as fh:
        fh.write("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n")
        for i in range(n):
            lines = deployment(i).rstrip("\n").split("\n")
            fh.write("- " + lines[0] + "\n" + "".join("  " + l + "\n" for l in lines[1:]))
        fh.write("functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: function-input\n"
                 "  data:\n    %s: %s\n" % CONFIG)


def count_annotated(root):
    needle = "%s: %s" % CONFIG
    total = 0
    for f in os.listdir(root):
        if f.endswith(".yaml"):
            with open(os.path.join(root, f)) as fh:
                total += fh.read().count(needle)
    return total


def run_size(ctx, wasm, n):
    work = os.path.join(ctx["out"], "krm-%d" % n)
    shutil.rmtree(work, ignore_errors=True)
    pristine = os.path.join(work, "pristine")
    write_package(pristine, n)
    pkg = os.path.join(work, "pkg")
    rl = os.path.join(work, "resourcelist.yaml")
    resource_list(rl, n)
    report_path = os.path.join(work, "node-report.json")
    node_runner = os.path.join(ctx["repo"], "Tests", "Fixtures", "go", "node", "run-krm.js")
    digests = {}

    def fresh():
        shutil.rmtree(pkg, ignore_errors=True)
        shutil.copytree(pristine, pkg)

    def check_eval(_stdout):
        got = count_annotated(pkg)
        return None if got == n else "expected %d annotated resources, found %d" % (n, got)

    def check_run(stdout):
        digests["kpt alpha wasm run"] = hashlib.sha256(stdout.rstrip(b"\n")).hexdigest()[:12]
        return None

    def check_node(_stdout):
        with open(report_path) as fh:
            result = json.load(fh).get("result")
        if result is None:
            return "node: no result"
        digests["node"] = hashlib.sha256(result.encode().rstrip(b"\n")).hexdigest()[:12]
        return None

    cmds = {
        "kpt fn eval": {"argv": [ctx["kpt"], "fn", "eval", pkg, "--exec", wasm, "--allow-alpha-wasm", "--",
                                 "%s=%s" % CONFIG], "prepare": fresh, "check": check_eval},
        "kpt alpha wasm run": {"argv": [ctx["kpt"], "alpha", "wasm", "run", wasm], "stdin": rl,
                               "check": check_run},
        "node wasm_exec.js": {"argv": ["node", node_runner, ctx["wasm_exec"], wasm, report_path], "stdin": rl,
                              "check": check_node},
    }
    log("KRM function on %d resources" % n)
    res = measure.series(cmds, ctx["runs"])
    same = len(set(digests.values())) == 1 and len(digests) == 2
    return {"n": n, "bytes": os.path.getsize(rl), "peers": res, "digests": digests, "agree": same}


def run_all(ctx, wasm):
    return [run_size(ctx, wasm, n) for n in SIZES]
