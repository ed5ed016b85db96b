"""Wall time and peak memory of a whole process, via /usr/bin/time -v."""
import os
import statistics
import subprocess
import tempfile
import time

TIME = "/usr/bin/time"


def once(argv, stdin_path=None, cwd=None, prepare=None):
    """One run: (wall seconds, max RSS in KiB, user+sys CPU seconds, exit code, stdout bytes, stderr text).
    prepare() runs first, untimed (e.g. a fresh copy of a package)."""
    if not os.path.exists(TIME):
        raise SystemExit("run.py: %s missing (apt-get install time)" % TIME)
    if prepare:
        prepare()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            t0 = time.perf_counter()
            p = subprocess.run([TIME, "-v", "-o", tf.name] + argv, stdin=stdin, cwd=cwd, capture_output=True)
            wall = time.perf_counter() - t0
        finally:
            if stdin_path:
                stdin.close()
        rss, cpu = None, 0.0
        for line in tf.read().splitlines():
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1])
            elif "User time (seconds)" in line or "System time (seconds)" in line:
                cpu += float(line.rsplit(":", 1)[1])
    return wall, rss, cpu, p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def series(commands, runs, warmup=1):
    """Runs every command (name -> dict(argv, stdin, cwd, prepare, check)) `runs` times,
    interleaved round-robin so machine noise hits all alike. check(stdout) -> str|None
    returns an error. Returns name -> {wall, rss, cpu (medians), walls, rsss, cpus, error}."""
    out = {name: {"walls": [], "rsss": [], "cpus": [], "error": None} for name in commands}
    for r in range(warmup + runs):
        for name, c in commands.items():
            if out[name]["error"]:
                continue
            wall, rss, cpu, rc, stdout, stderr = once(c["argv"], c.get("stdin"), c.get("cwd"), c.get("prepare"))
            err = None
            if rc != 0:
                err = "exit %d: %s" % (rc, stderr.strip()[-300:])
            elif c.get("check"):
                err = c["check"](stdout)
            if err:
                out[name]["error"] = err
                continue
            if r >= warmup:
                out[name]["walls"].append(wall)
                out[name]["rsss"].append(rss)
                out[name]["cpus"].append(cpu)
    for v in out.values():
        v["wall"] = statistics.median(v["walls"]) if v["walls"] else None
        v["rss"] = statistics.median(v["rsss"]) if v["rsss"] else None
        v["cpu"] = statistics.median(v["cpus"]) if v["cpus"] else None
    return out
