#!/usr/bin/env bash
# The test command (`npm test`): every workspace's unit and integration tests.
# Integration tests need KAFKA_BROKERS, MONGO_URL and REDIS_URL. When they are not set and no
# Docker engine answers (testcontainers' path), the native local stack is started with
# deploy/local/up (idempotent) and its URLs are used.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${KAFKA_BROKERS:-}" || -z "${MONGO_URL:-}" || -z "${REDIS_URL:-}" ]]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    echo "[test] no *_URL variables: a Docker engine answers, testcontainers will start the servers" >&2
  else
    eval "$(bash deploy/local/up)"
  fi
fi
exec node_modules/.bin/jest "$@"
