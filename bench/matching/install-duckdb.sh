#!/usr/bin/env bash
# Installs DuckDB for the matching benchmark beside it (bench/matching/duckdb/node_modules), not in
# the workspace: only the benchmark needs it, and its per-platform optional packages would make the
# workspace lock unusable for `npm ci` on a mirror that serves only Linux's.
set -euo pipefail
dir="$(cd "$(dirname "$0")/duckdb" && pwd)"
if [ ! -d "$dir/node_modules/@duckdb/node-api" ]; then
  npm install --prefix "$dir" --no-package-lock --no-audit --no-fund --omit=dev >&2
fi
