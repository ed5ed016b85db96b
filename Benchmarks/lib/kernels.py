"""The C compute kernels on every peer, through peers.py (one call per kernel)."""
import json
import math
import os
import subprocess
import statistics
import sys

from .build import log

# Argument of run(n) per kernel: sized for roughly 0.4 s of call time on wasm3 (pywasm3) on an
# unloaded machine here, so that CPU time (10 ms ticks) and the run(0) subtraction stay small next to
# it: at 0.06 s (nbody and memops before they were resized on a faster machine) one tick is 17%.
SIZES = {
    "fib": 35,          # recursive calls
    "sieve": 16,        # byte loads/stores
    "matmul": 60,       # f64 multiply-add, strided loads
    "sha256": 80,       # i32 rotates/xors
    "interp": 1800000,  # switch dispatch (br_table)
    "memops": 180,      # memset/memcpy loops
    "nbody": 600000,    # f64 with sqrt
}

OURS = "swift-kpt"


def compute_time(row):
    """Time inside the call: in-process peers measure it; CLI peers get wall - wall(run(0))."""
    if row.get("call_med") is not None:
        return row["call_med"]
    return row.get("net_med")


def net_cpu(samples, baseline):
    """CPU seconds (user+sys) of run(n) minus those of run(0), medians: the machine is shared,
    and CPU time is what a busy scheduler leaves alone."""
    if not samples or not baseline:
        return None
    return statistics.median(x["cpu_s"] for x in samples) - statistics.median(x["cpu_s"] for x in baseline)


def run_one(ctx, wasm, n):
    out = os.path.join(ctx["out"], "samples")
    os.makedirs(out, exist_ok=True)
    name = os.path.basename(wasm)[:-5]
    js = os.path.join(out, "kernel-%s.json" % name)
    argv = [sys.executable, ctx["peers"], wasm, str(n), "--baseline", "0", "-n", str(ctx["runs"]),
            "--slow-runs", "1", "--json", js, "--title", "kernel %s run(%d)" % (name, n),
            "--peer", "%s=%s alpha wasm run {wasm} --invoke {export} {args}" % (OURS, ctx["kpt"])]
    for wk in ctx["wasmkit"]:
        argv += ["--wasmkit", wk]
    log("kernel %s run(%d)" % (name, n))
    p = subprocess.run(argv, capture_output=True, text=True)
    with open(js) as fh:
        data = json.load(fh)
    rows = data["rows"]
    return {"name": name, "n": n, "table": p.stdout, "agree": p.returncode == 0, "errors": data["errors"],
            "skipped": data["skipped"],
            "peers": {k: {"wall": r["wall_med"], "compute": compute_time(r), "cpu": net_cpu(data["samples"].get(k), data["baseline_samples"].get(k)),
                          "version": r["version"],
                          "results": r["results"]} for k, r in rows.items()}}


def run_all(ctx, wasm_dir, names):
    return [run_one(ctx, os.path.join(wasm_dir, n + ".wasm"), SIZES[n]) for n in names]


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None
