#!/usr/bin/env bash
# Builds the Go helpers under deploy/tools into deploy/local/.cache/bin (modules from the Go
# module proxy). Used by .ci/run before the tests so no test waits on a compiler.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../local/.cache/bin"
mkdir -p "$out"
command -v go >/dev/null || { echo "go is required to build deploy/tools" >&2; exit 1; }
(cd "$here/compose-check" && go build -o "$out/compose-check" .)
echo "built $out/compose-check" >&2
