#!/usr/bin/env python3
"""Benchmarks/run.py - one run of every benchmark, our engine against its peers.

Builds what it needs (the C kernels, the Go workloads, a release `kpt` from a snapshot
of the committed HEAD), runs each workload through ../shared/bench/peers.py and through
its own timing loops, prints the tables, and writes Benchmarks/RESULTS.md.
See Benchmarks/README.md for the prerequisites and the flags.
"""
import argparse
import datetime
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # no __pycache__ in the repo

from lib import build, dispatch, kernels, gojs, krm, render, report  # noqa: E402


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.environ.get("BENCH_OUT", "/tmp/swift-kpt-bench"),
                    help="work folder for builds and samples (outside the repo; default %(default)s)")
    ap.add_argument("--peers", help="path of peers.py (default: ../shared/bench/peers.py beside the repo)")
    ap.add_argument("--kpt", help="use this kpt binary instead of building one")
    ap.add_argument("--source", choices=("head", "worktree"), default="head",
                    help="build kpt from a snapshot of HEAD (default; immune to edits in progress) "
                         "or from the work tree as it is")
    ap.add_argument("--wasmkit", action="append", default=[],
                    help="a WasmKit CLI to add as a peer (repeatable; e.g. a 0.4.2 build)")
    ap.add_argument("-n", "--runs", type=int, default=5, help="timed runs per peer and workload (default 5)")
    ap.add_argument("--only", help="comma-separated sections: kernels,gojs,krm,bigmem,render")
    ap.add_argument("--kernels", help="comma-separated kernel names (default: all)")
    ap.add_argument("--no-write", action="store_true", help="print only, leave RESULTS.md alone")
    ap.add_argument("--report-only", action="store_true",
                    help="measure nothing: rewrite RESULTS.md from the last run's OUT/results.json")
    return ap.parse_args()


def main():
    opts = parse_args()
    if opts.report_only:
        with open(os.path.join(opts.out, "results.json")) as fh:
            return write(report.markdown(json.load(fh)), opts)
    repo = os.path.dirname(HERE)
    os.makedirs(opts.out, exist_ok=True)
    peers = opts.peers or os.path.join(os.path.dirname(repo), "shared", "bench", "peers.py")
    if not os.path.exists(peers):
        sys.exit("run.py: peers.py not found at %s (use --peers)" % peers)
    sections = set((opts.only or "kernels,gojs,krm,bigmem,render").split(","))
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()

    kpt, commit = build.kpt_binary(repo, opts)
    branches = dispatch.indirect_branches(kpt)
    if branches and min(branches.values()) < dispatch.EXPECTED_AT_LEAST:
        print("run.py: WARNING: the interpreter loop has lost its per-case dispatch copies (indirect "
              "branches: %s); see Benchmarks/lib/dispatch.py" % branches, file=sys.stderr)
    ctx = {"repo": repo, "out": opts.out, "peers": peers, "kpt": kpt, "runs": opts.runs,
           "wasmkit": opts.wasmkit}
    results = {"started": started.strftime("%Y-%m-%d %H:%M UTC"), "commit": commit,
               "machine": build.machine_summary(), "load_before": load_before, "runs": opts.runs,
               "dispatch": branches}

    if "kernels" in sections:
        wasm_dir = build.kernels(repo, opts.out)
        names = opts.kernels.split(",") if opts.kernels else list(kernels.SIZES)
        results["kernels"] = kernels.run_all(ctx, wasm_dir, names)
    go_dir = None
    if sections & {"gojs", "krm", "render", "bigmem"}:
        go_dir = build.go_fixtures(repo, opts.out)
        ctx["wasm_exec"] = os.path.join(go_dir, "wasm_exec.js")
    if "gojs" in sections:
        results["gojs"] = gojs.hello(ctx, os.path.join(go_dir, "wasm", "hello.wasm"))
    if "krm" in sections:
        results["krm"] = krm.run_all(ctx, os.path.join(go_dir, "wasm", "set-annotation.wasm"))
    if "bigmem" in sections:
        big = build.big_module(repo, opts.out)
        results["bigmem"] = gojs.big_memory(ctx, big)
    if "render" in sections:
        results["render"] = render.run_all(ctx, os.path.join(go_dir, "wasm", "set-annotation.wasm"))

    results["load_after"] = os.getloadavg()
    results["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M UTC")
    with open(os.path.join(opts.out, "results.json"), "w") as fh:
        json.dump(results, fh, indent=1, default=str)
    write(report.markdown(results), opts)


def write(text, opts):
    print(text)
    if not opts.no_write:
        with open(os.path.join(HERE, "RESULTS.md"), "w") as fh:
            fh.write(text)
        print("wrote Benchmarks/RESULTS.md", file=sys.stderr)


if __name__ == "__main__":
    main()
