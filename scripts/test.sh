#!/usr/bin/env bash
# Installs the prerequisites, then runs every test: unit, spec suite, Go js/wasm host, KptFn e2e, OCI against a real registry.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=
swift build --build-tests
swift test --skip-build
