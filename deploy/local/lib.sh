# Shared by deploy/local/{up,down,status}. Sourced, not run.
# Everything these scripts start is recorded in .run/<name>.pid; `down` stops only those.
set -euo pipefail

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
CACHE_DIR="$LOCAL_DIR/.cache"   # downloaded jars and the SecantusDB virtualenv (git-ignored)
RUN_DIR="${FUPIN_LOCAL_RUN_DIR:-$LOCAL_DIR/.run}"  # data, logs and pid files (git-ignored)

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"
REDIS_PORT="${REDIS_PORT:-6379}"
KAFKA_HEAP="${KAFKA_HEAP:-768m}"
MONGO_CACHE="${MONGO_CACHE:-1G}"   # WiredTiger cache of SecantusDB
START_TIMEOUT="${START_TIMEOUT:-120}"

mkdir -p "$CACHE_DIR" "$RUN_DIR"

log() { printf '[deploy/local] %s\n' "$*" >&2; }
die() { printf '[deploy/local] ERROR: %s\n' "$*" >&2; exit 1; }

pid_file() { echo "$RUN_DIR/$1.pid"; }

# True when the pid file names a live process that this repo started.
is_running() {
  local f
  f="$(pid_file "$1")"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need_cmd() { command -v "$1" >/dev/null 2>&1; }

# apt-get when a Debian package is missing; CI runs as root on a fresh machine.
apt_install() {
  local sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  log "installing Debian package(s): $*"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -q >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@" >/dev/null ||
      die "apt-get install $* failed"
  fi
}

# Resolves a pom's runtime dependencies into a folder once; later runs reuse it.
resolve_jars() {
  local pom="$1" out="$2"
  if [[ -f "$out/.complete" ]]; then return 0; fi
  need_cmd mvn || apt_install maven
  need_cmd java || apt_install openjdk-17-jdk-headless
  log "resolving $(basename "$(dirname "$pom")") jars from Maven Central (first run only)"
  rm -rf "$out" && mkdir -p "$out"
  mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$out" >"$RUN_DIR/mvn-$(basename "$out").log" 2>&1 ||
    die "maven could not resolve $pom (see $RUN_DIR/mvn-$(basename "$out").log)"
  touch "$out/.complete"
}

# Starts a command in the background with its own process group, output to .run/<name>.log.
start_bg() {
  local name="$1"
  shift
  setsid "$@" >"$RUN_DIR/$name.log" 2>&1 < /dev/null &
  echo $! >"$(pid_file "$name")"
}

stop_pid() {
  local name="$1" f pid i
  f="$(pid_file "$name")"
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop in 30 s; killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}
