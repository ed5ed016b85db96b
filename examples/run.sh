#!/usr/bin/env bash
# Builds the example Go KRM function (examples/function) to WebAssembly and
# runs it with `kpt fn eval` on a copy of examples/package.
#   examples/run.sh [key=value ...]     (default: processed-by=example)
# KPT: the kpt binary to use (default: this repository's debug build).
# Offline-friendly: yaml.v3 comes from Debian's golang-gopkg-yaml.v3-dev
# (override with YAML_V3_DIR), through a generated go.mod.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
yaml_dir="${YAML_V3_DIR:-/usr/share/gocode/src/gopkg.in/yaml.v3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# On a fresh machine, install what building kpt and the function needs.
if ! command -v go >/dev/null 2>&1 || [ ! -d "$yaml_dir" ] || ! dpkg -s libyaml-dev zlib1g-dev libssl-dev >/dev/null 2>&1; then
  "$root/scripts/install-prerequisites.sh"
fi

if [ -z "${KPT:-}" ]; then
  (cd "$root" && swift build --product kpt >&2)
  KPT="$(cd "$root" && swift build --show-bin-path)/kpt"
fi

echo "== building the function (GOOS=js GOARCH=wasm)" >&2
cp "$here/function/go.mod" "$work/go.mod"
(cd "$here/function" && go mod edit -modfile="$work/go.mod" -replace "gopkg.in/yaml.v3=$yaml_dir")
touch "$work/go.sum"
(cd "$here/function" && GOPROXY=off GOTOOLCHAIN=local GOFLAGS= GOOS=js GOARCH=wasm \
  go build -modfile="$work/go.mod" -trimpath -o "$work/set-annotations.wasm" .)

cp -r "$here/package" "$work/package"
[ $# -gt 0 ] || set -- processed-by=example
echo "== kpt fn eval --allow-alpha-wasm --exec set-annotations.wasm -- $*" >&2
"$KPT" fn eval "$work/package" --allow-alpha-wasm --exec "$work/set-annotations.wasm" -- "$@"

echo "== the package afterwards" >&2
for f in "$work/package"/*.yaml; do
  echo "--- $(basename "$f")"
  cat "$f"
done
