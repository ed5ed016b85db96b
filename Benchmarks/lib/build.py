"""Builds everything the benchmarks run: kpt (release), the C kernels, the Go workloads."""
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile

CLANG_FLAGS = ["--target=wasm32", "-mcpu=mvp", "-O2", "-nostdlib"]


def log(msg):
    print("[bench] " + msg, file=sys.stderr, flush=True)


def _run(argv, cwd=None, env=None):
    p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("run.py: %s failed (exit %d):\n%s%s" % (" ".join(argv), p.returncode, p.stdout[-3000:], p.stderr[-3000:]))
    return p.stdout


def snapshot_head(repo, dst):
    """Writes HEAD's files into dst, touching only files whose content changed (so the
    next release build there is incremental). Returns the short commit."""
    data = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=repo, capture_output=True, check=True).stdout
    seen = set()
    with tarfile.open(fileobj=io.BytesIO(data)) as tf:
        for m in tf.getmembers():
            if not m.isfile():
                continue
            path = os.path.join(dst, m.name)
            seen.add(path)
            body = tf.extractfile(m).read()
            if os.path.exists(path):
                with open(path, "rb") as fh:
                    if fh.read() == body:
                        continue
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(body)
            os.chmod(path, m.mode)
    for root, _, files in os.walk(dst):
        for f in files:
            p = os.path.join(root, f)
            if p not in seen and f != "Package.resolved" and "/." not in p[len(dst):]:
                os.remove(p)
    return _run(["git", "rev-parse", "--short", "HEAD"], cwd=repo).strip()


def kpt_binary(repo, opts):
    """The kpt to measure and the commit it was built from."""
    if opts.kpt:
        return os.path.abspath(opts.kpt), "(given: %s)" % opts.kpt
    if opts.source == "head":
        src = os.path.join(opts.out, "src")
        commit = snapshot_head(repo, src)
    else:
        src = repo
        commit = _run(["git", "rev-parse", "--short", "HEAD"], cwd=repo).strip() + " + work tree"
    scratch = os.path.join(repo, ".build-bench")
    log("building kpt (release) from %s at %s" % (opts.source, commit))
    _run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "kpt"], cwd=src)
    bindir = _run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--show-bin-path"], cwd=src).strip()
    return os.path.join(bindir, "kpt"), commit


def _tool(name):
    for cand in (os.path.join("/opt/swift/usr/bin", name), shutil.which(name)):
        if cand and os.path.exists(cand):
            return cand
    sys.exit("run.py: %s not found (the Swift toolchain's clang and wasm-ld build the kernels)" % name)


def kernels(repo, out):
    """Compiles Benchmarks/kernels/*.c to out/kernels/NAME.wasm (MVP features only, so
    every peer can load them); mini.c gets -fno-builtin so memcpy/memset stay loops."""
    src = os.path.join(repo, "Benchmarks", "kernels")
    dst = os.path.join(out, "kernels")
    os.makedirs(dst, exist_ok=True)
    clang = _tool("clang")
    mini = os.path.join(dst, "mini.o")
    _run([clang] + CLANG_FLAGS + ["-fno-builtin", "-c", "-o", mini, os.path.join(src, "mini.c")])
    for f in sorted(os.listdir(src)):
        if f.endswith(".c") and f != "mini.c":
            _run([clang] + CLANG_FLAGS + ["-Wl,--no-entry", "-o", os.path.join(dst, f[:-2] + ".wasm"),
                                         os.path.join(src, f), mini])
    log("kernels built into " + dst)
    return dst


def go_fixtures(repo, out):
    """The repo's Go fixtures (hello, set-annotation, ...) built by its own script."""
    dst = os.path.join(out, "go")
    _run(["bash", os.path.join(repo, "scripts", "build-go-fixtures.sh"), dst])
    log("Go fixtures built into " + dst)
    return dst


def big_module(repo, out):
    """A generated Go js/wasm program of about 40 MB (Benchmarks/go/genbig.py)."""
    gen = os.path.join(repo, "Benchmarks", "go", "genbig.py")
    with open(gen, "rb") as fh:
        tag = hashlib.sha256(fh.read()).hexdigest()[:8]
    src = os.path.join(out, "big-src")
    wasm = os.path.join(out, "big-%s.wasm" % tag)   # rebuilt when the generator changes
    if os.path.exists(wasm):
        return wasm
    shutil.rmtree(src, ignore_errors=True)
    _run([sys.executable, gen, src])
    env = dict(os.environ, GOOS="js", GOARCH="wasm", GOPROXY="off", GOTOOLCHAIN="local", GOFLAGS="",
               CGO_ENABLED="0")
    log("building the big Go module (a few minutes)")
    _run(["go", "build", "-trimpath", "-o", wasm, "."], cwd=src, env=env)
    return wasm


def machine_summary():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as fh:
            mem = "%.0f GiB" % (int(fh.readline().split()[1]) / 1048576)
    except OSError:
        pass
    return "Linux %s, %d cores (%s), %s RAM" % (platform.release(), os.cpu_count(), cpu, mem)
