"""Counts the interpreter loop's indirect branches in a release kpt binary.

The executor's switch is fast only when LLVM copies the dispatch (load, jump-table branch) into every
case: one indirect branch per instruction kind, which the CPU predicts per kind. Small source changes can
silently undo that (an empty case makes the dispatch block its own successor and LLVM keeps one shared
branch), and instruction counts do not show it. Each run reports the count so a regression is seen."""
import re
import shutil
import subprocess

# Executor.run specialized with fuel metering (Metered) and without (Unmetered).
SYMBOL = re.compile(r"8Executor.*3run5store5entry4base8metering.*AC[0-9]+(Metered|Unmetered)O_")
# Fewer than this in a loop with ~250 instruction kinds means the copies are gone.
EXPECTED_AT_LEAST = 100


def indirect_branches(kpt):
    """{"metered": n, "unmetered": m} or None when nm/objdump are missing."""
    if not (shutil.which("nm") and shutil.which("objdump")):
        return None
    symbols = subprocess.run(["nm", "-n", kpt], capture_output=True, text=True, check=True).stdout.splitlines()
    counts = {}
    for i, line in enumerate(symbols):
        m = SYMBOL.search(line)
        if not m or i + 1 >= len(symbols):
            continue
        start, end = line.split()[0], symbols[i + 1].split()[0]
        text = subprocess.run(["objdump", "-d", "--no-show-raw-insn", "--start-address=0x" + start,
                               "--stop-address=0x" + end, kpt], capture_output=True, text=True, check=True).stdout
        counts[m.group(1).lower()] = len(re.findall(r"\bjmp\s+\*%", text))
    return counts or None
