#!/usr/bin/env bash
# Builds the Go helpers under deploy/tools into deploy/local/.cache/bin (modules from the Go
# module proxy): compose-check (docker-compose.yml as Compose loads it) and k8s-check (the
# kustomize manifests rendered and strictly decoded into the Kubernetes API types). Used by
# .ci/run before the tests so no test waits on a compiler.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../local/.cache/bin"
mkdir -p "$out"
command -v go >/dev/null || { echo "go is required to build deploy/tools" >&2; exit 1; }
for tool in compose-check k8s-check; do
  (cd "$here/$tool" && go build -o "$out/$tool" .)
  echo "built $out/$tool" >&2
done
