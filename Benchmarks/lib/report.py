"""RESULTS.md from one run's results (nothing here is typed in by hand)."""
from .kernels import OURS, geomean

ORDER = [OURS, "wasm3", "wasmkit-0.4", "wasmkit-0.1", "wasmtime", "node", "wabt"]


def _rank(name):
    for i, prefix in enumerate(ORDER):
        if name.startswith(prefix):
            return i
    return len(ORDER)


def s(x, unit=""):
    if x is None:
        return "-"
    return ("%.3f" % x if x < 10 else "%.2f" % x) + unit


def ratio(a, b):
    return a / b if a is not None and b else None


def r(x):
    return "-" if x is None else ("%.2fx" % x)


def mib(kib):
    return "-" if kib is None else "%.0f MiB" % (kib / 1024)


def wasmkit_042(peers):
    for name in peers:
        if name.startswith("wasmkit-0.4"):
            return name
    return None


def kernel_tables(ks, lines):
    names = sorted({p for k in ks for p in k["peers"]}, key=_rank)
    wk = wasmkit_042(names)
    for metric, title, note in (
            ("cpu", "Kernels: CPU time of the call (s, median)",
             "user+sys CPU seconds of the process running run(n) minus those of run(0) (medians), for "
             "every peer alike: this removes process start, parse, translation and instantiation, and "
             "unlike wall time it is not inflated by other work on a shared machine. The targets are "
             "judged on this (JIT peers may add compiler-thread CPU)."),
            ("compute", "Kernels: wall time inside the call (s, median)",
             "In-process peers (wasm3, wasmtime, node) time the call itself; CLI peers (swift-kpt, "
             "WasmKit, wabt) get `net` = median wall of run(n) - median wall of run(0). Noisy when the "
             "machine is loaded."),
            ("wall", "Kernels: whole-process wall time (s, median)",
             "Everything from exec to exit (Python start-up for the pywasm3/wasmtime drivers, "
             "node start-up, our CLI's start-up, parse and translation).")):
        lines += ["## " + title, "", note, ""]
        head = ["kernel", "n", "checksums"] + names + ["%s/wasm3" % OURS] + (["%s/%s" % (OURS, wk)] if wk else [])
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        r3, rk = [], []
        for k in ks:
            row = [k["name"], str(k["n"]), "agree" if k["agree"] else "**MISMATCH/FAIL**"]
            for p in names:
                v = k["peers"].get(p, {}).get(metric)
                row.append(s(v) if p in k["peers"] else ("FAILED" if p in k["errors"] else "-"))
            ours = k["peers"].get(OURS, {}).get(metric)
            a = ratio(ours, k["peers"].get("wasm3", {}).get(metric))
            r3.append(a)
            row.append(r(a))
            if wk:
                b = ratio(ours, k["peers"].get(wk, {}).get(metric))
                rk.append(b)
                row.append(r(b))
            lines.append("| " + " | ".join(row) + " |")
        geo = ["**geometric mean**", "", ""] + [""] * len(names) + [r(geomean(r3))] + ([r(geomean(rk))] if wk else [])
        lines.append("| " + " | ".join(geo) + " |")
        lines.append("")
    fails = [(k["name"], p, e) for k in ks for p, e in k["errors"].items()]
    if fails:
        lines += ["Failures:", ""] + ["- %s on %s: %s" % f for f in fails] + [""]


def targets(res, lines):
    rows = []
    ks = res.get("kernels")
    if ks:
        wk = wasmkit_042({p for k in ks for p in k["peers"]})
        for metric, label in (("cpu", "CPU"), ("compute", "wall")):
            g3 = geomean([ratio(k["peers"].get(OURS, {}).get(metric), k["peers"].get("wasm3", {}).get(metric)) for k in ks])
            rows.append(("kernels: geometric mean of %s time vs wasm3" % label, "<= 0.50x", r(g3), g3 is not None and g3 <= 0.5))
            if not wk:
                continue
            per = [(k["name"], ratio(k["peers"].get(OURS, {}).get(metric), k["peers"].get(wk, {}).get(metric)))
                   for k in ks]
            gk = geomean([x for _, x in per])
            rows.append(("kernels: geometric mean of %s time vs WasmKit 0.4.2" % label, "<= 0.67x", r(gk),
                         gk is not None and gk <= 0.67))
            worst = max((x for x in per if x[1] is not None), key=lambda x: x[1], default=None)
            if worst:
                rows.append(("kernels: slowest one vs WasmKit 0.4.2 (%s time)" % label, "<= 1.00x",
                             "%s (%s)" % (r(worst[1]), worst[0]), worst[1] <= 1.0))
        if not wk:
            rows.append(("kernels vs WasmKit 0.4.2", "measured", "not measured (no 0.4.2 CLI given)", False))
        rows.append(("kernels: checksums agree with every peer", "all", "%d of %d" % (sum(k["agree"] for k in ks), len(ks)),
                     all(k["agree"] for k in ks)))
    g = res.get("gojs")
    if g:
        for metric, label in (("wall", "wall"), ("cpu", "CPU")):
            ref = g["peers"].get("node-wasm_exec") or g["peers"].get("node", {})
            ours, node = g["peers"].get(OURS, {}).get(metric), ref.get(metric)
            x = ratio(ours, node)
            rows.append(("Go hello-world start-up vs node + wasm_exec.js (%s time)" % label, "< 1.00x", r(x),
                         x is not None and x < 1))
    b = res.get("bigmem")
    if b:
        rss = b["peers"]["swift-kpt"]["rss"]
        x = rss * 1024 / b["size"] if rss else None
        rows.append(("peak memory of a %.0f MB Go module / its size" % (b["size"] / 1e6), "<= 2.00x", r(x), x is not None and x <= 2))
    for k in res.get("krm", []):
        p = k["peers"]
        x = ratio(p["kpt fn eval"]["wall"], p["node wasm_exec.js"]["wall"])
        c = ratio(p["kpt fn eval"]["cpu"], p["node wasm_exec.js"]["cpu"])
        m = ratio(p["kpt fn eval"]["rss"], p["node wasm_exec.js"]["rss"])
        rows.append(("`kpt fn eval` vs node, %d resources: wall / CPU / peak memory" % k["n"], "state the ratio",
                     "%s / %s / %s" % (r(x), r(c), r(m)), None))
    lines += ["## Targets", "", "| target | wanted | measured | met |", "|---|---|---|---|"]
    for name, want, got, ok in rows:
        lines.append("| %s | %s | %s | %s |" % (name, want, got, "-" if ok is None else ("yes" if ok else "**no**")))
    lines.append("")


def dispatch_line(branches):
    if not branches:
        return "indirect branches not counted (nm/objdump missing)"
    counts = ", ".join("%s %d" % kv for kv in sorted(branches.items()))
    return ("indirect branches per specialization: %s (one per instruction kind when LLVM copies the "
            "dispatch into every case; 1 would mean one shared branch)" % counts)


def markdown(res):
    lines = ["# Benchmark results", "",
             "One run of `python3 Benchmarks/run.py` (see README.md); every number below comes from that run. "
             "Do not edit by hand: re-run to regenerate.", "",
             "- date: %s (finished %s)" % (res["started"], res.get("finished", "?")),
             "- machine: %s; load average before/after: %s / %s (a shared machine: absolute times drift, "
             "only ratios within this run are comparable)" % (
                 res["machine"], "%.1f" % res["load_before"][0], "%.1f" % res.get("load_after", [0])[0]),
             "- kpt: release build of commit %s" % res["commit"],
             "- interpreter loop: %s" % dispatch_line(res.get("dispatch")),
             "- runs per peer: %d (medians), after one warm-up run; wabt gets 1 run" % res["runs"], ""]
    targets(res, lines)
    if res.get("kernels"):
        kernel_tables(res["kernels"], lines)
    g = res.get("gojs")
    if g:
        lines += ["## Go hello world (js/wasm start-up, whole process)", "",
                  "| peer | wall (s, median) | CPU (s, median) | output (sha256 prefix) |", "|---|---|---|---|"]
        for p, v in sorted(g["peers"].items(), key=lambda kv: _rank(kv[0])):
            lines.append("| %s | %s | %s | %s |" % (p, s(v["wall"]), s(v.get("cpu")), ",".join(v["results"])))
        for p, e in g["errors"].items():
            lines.append("| %s | FAILED: %s | |" % (p, e.replace("|", "/")))
        lines += ["", "`node` is peers.py's in-process driver of wasm_exec.js; `node-wasm_exec` is Go's own "
                  "wasm_exec_node.js.", ""]
    if res.get("krm"):
        lines += ["## KRM function (set-annotation, Go js/wasm) on Deployments", "",
                  "`kpt fn eval PKG --exec fn.wasm` reads the package, runs the function and writes it back; "
                  "`kpt alpha wasm run fn.wasm < rl.yaml` and node (`Tests/Fixtures/go/node/run-krm.js` with "
                  "Go's wasm_exec.js) only run the function on the same ResourceList.", "",
                  "| resources | ResourceList | runner | wall (s, median) | CPU (s, median) | peak RSS (median) | wall / node | CPU / node | RSS / node |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for k in res["krm"]:
            node = k["peers"]["node wasm_exec.js"]
            for name, v in k["peers"].items():
                wall = "FAILED: " + v["error"].replace("|", "/")[:120] if v["error"] else s(v["wall"])
                lines.append("| %d | %.0f KiB | %s | %s | %s | %s | %s | %s | %s |" % (
                    k["n"], k["bytes"] / 1024, name, wall, s(v["cpu"]), mib(v["rss"]),
                    r(ratio(v["wall"], node["wall"])), r(ratio(v["cpu"], node["cpu"])), r(ratio(v["rss"], node["rss"]))))
        lines += ["", "Output of `kpt alpha wasm run` and node's, sha256: " + "; ".join(
            "%d resources: %s (%s)" % (k["n"], ", ".join("%s %s" % kv for kv in k["digests"].items()),
                                       "identical" if k["agree"] else "**DIFFERENT**") for k in res["krm"]), ""]
    b = res.get("bigmem")
    if b:
        lines += ["## Peak memory of a large Go module", "",
                  "A generated Go js/wasm program (`Benchmarks/go/genbig.py`) of %.1f MB, run to completion." % (b["size"] / 1e6),
                  "", "| runner | wall (s, median) | CPU (s, median) | peak RSS (median) | RSS / module size |", "|---|---|---|---|---|"]
        for name, v in b["peers"].items():
            wall = "FAILED: " + v["error"][:120] if v["error"] else s(v["wall"])
            lines.append("| %s | %s | %s | %s | %s |" % (name, wall, s(v["cpu"]), mib(v["rss"]),
                                                  r(v["rss"] * 1024 / b["size"] if v["rss"] else None)))
        lines.append("")
    rd = res.get("render")
    if rd:
        c = rd["cases"]
        w = {k: v["wall"] for k, v in c.items()}
        lines += ["## Issue 5: a module used twice in one `kpt fn render`", "",
                  "Packages of %d Deployments; pipelines: none, set-annotation once, the same module twice, "
                  "and the module plus a byte-different copy of it (same code; nothing can be shared)." % rd["n"], "",
                  "| pipeline | wall (s, median) | CPU (s, median) | peak RSS |", "|---|---|---|---|"]
        for k, v in c.items():
            lines.append("| %s | %s | %s | %s |" % (k, "FAILED: " + v["error"][:120] if v["error"] else s(v["wall"]),
                                                  s(v["cpu"]), mib(v["rss"])))
        if all(v["cpu"] is not None for v in c.values()):
            lines.append("")
            for metric in ("cpu", "wall"):
                w = {k: v[metric] for k, v in c.items()}
                first = w["once"] - w["none"]
                second = w["twice-same"] - w["once"]
                cold = w["twice-copy"] - w["once"]
                lines.append("- %s time: first use of the module %s s (once - none); second use of the same module "
                             "%s s (twice-same - once) = %s of the first; second use of a different module (cold) "
                             "%s s (twice-copy - once)" % (
                                 metric.upper() if metric == "cpu" else metric, s(first), s(second),
                                 "%.0f%%" % (100 * second / first) if first > 0 else "-", s(cold)))
            lines += [
                      "- across runs: each `kpt` process starts cold (the cache is in memory only), "
                      "so a second run costs what the first did."]
        lines.append("")
    raw = [x["table"] for x in res.get("kernels", [])] + ([g["table"]] if g else [])
    if raw:
        lines += ["## peers.py output of this run", "", "<details><summary>tables</summary>", "", "```"]
        for t in raw:
            lines += t.rstrip("\n").split("\n") + [""]
        lines += ["```", "", "</details>", ""]
    return "\n".join(lines)
