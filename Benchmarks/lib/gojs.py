"""Go js/wasm programs: hello-world start-up (peers.py --gojs) and the peak memory of a
large module."""
import json
import os
import subprocess
import sys

from . import measure
from .build import log


def hello(ctx, wasm):
    out = os.path.join(ctx["out"], "samples")
    os.makedirs(out, exist_ok=True)
    js = os.path.join(out, "gojs-hello.json")
    argv = [sys.executable, ctx["peers"], "--gojs", wasm, "-n", str(ctx["runs"]), "--json", js,
            "--title", "Go hello world (js/wasm)",
            "--peer", "swift-kpt=%s alpha wasm run {wasm} --program {argv}" % ctx["kpt"]]
    log("Go hello world")
    p = subprocess.run(argv, capture_output=True, text=True)
    with open(js) as fh:
        data = json.load(fh)
    return {"table": p.stdout, "agree": p.returncode == 0, "errors": data["errors"],
            "peers": {k: {"wall": r["wall_med"], "cpu": r["cpu_med"], "results": r["results"]} for k, r in data["rows"].items()}}


def big_memory(ctx, wasm):
    """Peak RSS of running the big module to completion, ours and node's."""
    node_runner = os.path.join(ctx["repo"], "Tests", "Fixtures", "go", "node", "run-program.js")
    expected = []

    def check(stdout):
        expected.append(stdout)
        return None if stdout == expected[0] else "output differs from the first run's"
    cmds = {
        "swift-kpt": {"argv": [ctx["kpt"], "alpha", "wasm", "run", wasm, "--program"], "check": check},
        "node": {"argv": ["node", node_runner, ctx["wasm_exec"], wasm, "--", wasm], "check": check},
    }
    log("big module peak memory")
    res = measure.series(cmds, max(3, ctx["runs"] // 2 + 1))
    return {"size": os.path.getsize(wasm), "peers": res, "stdout": expected[0].decode()[:200] if expected else ""}
