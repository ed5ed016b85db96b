#!/usr/bin/env bash
# Builds the Go test fixtures (Tests/Fixtures/go) for GOOS=js GOARCH=wasm and,
# for the KRM functions, natively (the oracle). Output (never committed):
#   <out>/wasm/<name>.wasm, <out>/native/<name>, <out>/wasm_exec.js
# Usage: scripts/build-go-fixtures.sh [out-dir]   (default Tests/Fixtures/bin)
# Offline: yaml.v3 comes from Debian's golang-gopkg-yaml.v3-dev through a
# replace in a generated go.mod (override the location with YAML_V3_DIR).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/Tests/Fixtures/go"
out="${1:-$root/Tests/Fixtures/bin}"
yaml_dir="${YAML_V3_DIR:-/usr/share/gocode/src/gopkg.in/yaml.v3}"
krm_functions=(set-annotation error-results panic-fn sleep-goroutines add-delete)
native_tools=(quote)   # host-side oracles, native only

command -v go >/dev/null || { echo "build-go-fixtures: 'go' not found on PATH" >&2; exit 1; }
[ -d "$yaml_dir" ] || { echo "build-go-fixtures: yaml.v3 source not found at $yaml_dir (apt-get install golang-gopkg-yaml.v3-dev)" >&2; exit 1; }

mkdir -p "$out/wasm" "$out/native"
out="$(cd "$out" && pwd)"
modfile="$out/go.build.mod"
cp "$src/go.mod" "$modfile"
(cd "$src" && go mod edit -modfile="$modfile" -replace "gopkg.in/yaml.v3=$yaml_dir")
rm -f "$out/go.build.sum"; touch "$out/go.build.sum"

export GOPROXY=off GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=0
cd "$src"
# One invocation builds every main package (the go build cache makes reruns cheap).
GOOS=js GOARCH=wasm go build -modfile="$modfile" -trimpath -o "$out/wasm/" ./...
for f in "$out"/wasm/*; do
  case "$f" in *.wasm) ;; *) mv "$f" "$f.wasm" ;; esac
done
pkgs=(); for n in "${krm_functions[@]}" "${native_tools[@]}"; do pkgs+=("./$n"); done
go build -modfile="$modfile" -trimpath -o "$out/native/" "${pkgs[@]}"
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/wasm_exec.js"

# Optional: the same programs built by Go 1.19 (import module `go`, `debug`
# import, crypto.getRandomValues) with that release's own wasm_exec.js.
# Debian: apt-get install golang-1.19-go. Override the binary with GO119.
go119="${GO119:-/usr/lib/go-1.19/bin/go}"
legacy_programs=(hello crypto-random js-callback date-time deadlock set-annotation)
if [ -x "$go119" ]; then
  legacy_mod="$out/go119.build.mod"
  sed 's/^go 1\.[0-9]*$/go 1.19/' "$src/go.mod" > "$legacy_mod"
  "$go119" mod edit -modfile="$legacy_mod" -replace "gopkg.in/yaml.v3=$yaml_dir"
  rm -f "$out/go119.build.sum"; touch "$out/go119.build.sum"
  mkdir -p "$out/wasm-go1.19"
  pkgs=(); for n in "${legacy_programs[@]}"; do pkgs+=("./$n"); done
  GOOS=js GOARCH=wasm "$go119" build -modfile="$legacy_mod" -trimpath -o "$out/wasm-go1.19/" "${pkgs[@]}"
  for n in "${legacy_programs[@]}"; do mv "$out/wasm-go1.19/$n" "$out/wasm-go1.19/$n.wasm"; done
  cp "$("$go119" env GOROOT)/misc/wasm/wasm_exec.js" "$out/wasm_exec-go1.19.js"
fi
echo "built fixtures into $out"
