#!/usr/bin/env bash
# Builds the libFuzzer targets (one per engine layer) and runs each for a bounded time.
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default: 300 s, all of FuzzDecode FuzzTranslate FuzzExecute
# Seeds: every .wasm of the spec suite ($WASM_SPEC_TESTS, else ../shared/wasm-spec-tests), copied into a
# temp dir at run time, plus the few in Fuzz/seeds. The growing corpus lives in Fuzz/corpus/<target>,
# crashes/timeouts/leaks in Fuzz/findings/<target>, logs in Fuzz/logs (all git-ignored).
# Each finding is minimised by hand and becomes a test in Tests/RobustnessTests (FuzzRegressionTests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-300}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(FuzzDecode FuzzTranslate FuzzExecute)
spec="${WASM_SPEC_TESTS:-$here/../../shared/wasm-spec-tests}"
[ -d "$spec/core" ] || { echo "run.sh: spec suite not found at $spec (set WASM_SPEC_TESTS)" >&2; exit 1; }

cd "$here"
# libFuzzer needs its own main; SwiftPM's gold link trips on the sanitizer objects, so link with lld.
build() {
    swift build -c debug --scratch-path .build-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
        -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld > .build-fuzz.log 2>&1
}
# A source edited during the build (a shared checkout) fails it: try again before giving up.
build || build || { grep -v "Cannot export local symbol" .build-fuzz.log | tail -20 >&2; exit 1; }
bin="$(swift build -c debug --scratch-path .build-fuzz --show-bin-path)"

seeds="$(mktemp -d)"; trap 'rm -rf "$seeds"' EXIT
# Spec files share names across folders: copy each under its path with '/' turned into '_'.
(cd "$spec/core" && find . -name '*.wasm' -size -256k -printf '%P\n') | python3 -c '
import shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for rel in sys.stdin.read().split():
    shutil.copy(src + "/" + rel, dst + "/" + rel.replace("/", "_"))
' "$spec/core" "$seeds"
cp "$here"/seeds/*.wasm "$seeds/" 2>/dev/null || true
echo "seeds: $(ls "$seeds" | wc -l) modules"

mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "findings/$t"
    log="logs/$t.log"
    echo "== $t for ${seconds}s"
    # -timeout: one input running over 30 s is a hang (generous: the machine is shared, ASan is slow); -rss_limit_mb: a host-side memory blow-up.
    set +e
    # Leaks are findings for every target (FUZZ_DETECT_LEAKS=0 turns detection off, e.g. to chase a crash first).
    leaks="${FUZZ_DETECT_LEAKS:-1}"
    ASAN_OPTIONS="detect_leaks=$leaks" "$bin/$t" "corpus/$t" "$seeds" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -detect_leaks="$leaks" \
        -max_len=65536 -artifact_prefix="findings/$t/" -print_final_stats=1 > "$log" 2>&1
    status=$?
    set -e
    runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || true)"
    [ -n "$runs" ] || runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')"
    echo "$t: exit $status, $runs executions, corpus $(ls "corpus/$t" | wc -l), findings: $(ls "findings/$t" | tr '\n' ' ')"
done
