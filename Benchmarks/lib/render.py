"""Issue 5: what a module's second use in one `kpt fn render` costs next to its first.
Four packages of 10 Deployments, rendered in place (fresh copy per run):
  none        an empty pipeline (the render's own cost)
  once        set-annotation once
  twice-same  set-annotation twice (the same module: parsed, translated and started once)
  twice-copy  set-annotation, then a byte-different copy of it (a custom section appended:
              same code, but nothing can be shared, so this is what a second use costs cold)"""
import os
import shutil

from . import measure
from .build import log
from .krm import write_package

N = 10


def _leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def byte_different_copy(src, dst):
    name = b"bench-copy"
    payload = _leb(len(name)) + name + b"\x01"
    with open(src, "rb") as fh:
        body = fh.read()
    with open(dst, "wb") as fh:
        fh.write(body + b"\x00" + _leb(len(payload)) + payload)


def kptfile(modules):
    text = "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: bench\n"
    if modules:
        text += "pipeline:\n  mutators:\n"
        for i, m in enumerate(modules):
            text += "  - exec: \"%s\"\n    configMap:\n      step%d: done\n" % (m, i)
    return text


def run_all(ctx, wasm):
    work = os.path.join(ctx["out"], "render")
    shutil.rmtree(work, ignore_errors=True)
    copy = os.path.join(work, "set-annotation-copy.wasm")
    os.makedirs(work)
    byte_different_copy(wasm, copy)
    cases = {"none": [], "once": [wasm], "twice-same": [wasm, wasm], "twice-copy": [wasm, copy]}
    cmds = {}
    for name, modules in cases.items():
        pristine = os.path.join(work, name, "pristine")
        write_package(pristine, N, kptfile(modules))
        pkg = os.path.join(work, name, "pkg")

        def fresh(pristine=pristine, pkg=pkg):
            shutil.rmtree(pkg, ignore_errors=True)
            shutil.copytree(pristine, pkg)

        def check(_stdout, pkg=pkg, steps=len(modules)):
            with open(os.path.join(pkg, "deploy-0000.yaml")) as fh:
                text = fh.read()
            found = sum(text.count("step%d: done" % i) for i in range(steps))
            return None if found == steps * N else "expected %d annotations, found %d" % (steps * N, found)
        cmds[name] = {"argv": [ctx["kpt"], "fn", "render", pkg, "--allow-alpha-wasm"], "prepare": fresh,
                      "check": check}
    log("render: module reuse")
    res = measure.series(cmds, ctx["runs"])
    return {"n": N, "cases": res}
