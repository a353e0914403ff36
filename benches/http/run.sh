#!/usr/bin/env bash
# HTTP load: `resume-engine serve` (release build) under `wrk` from a
# second process on loopback, 100 connections, for job submission
# (POST /api/v1/analyze with a resume JSON) and status
# (GET /api/v1/status/{id}): latency percentiles, requests per second,
# errors, and the service's peak memory (VmHWM). Two loads: saturating
# (every connection sends its next request as soon as the answer comes) and
# paced (each connection pauses PACE_MS, default 10, between requests:
# about 10,000 requests/s offered). Backends: SQLite and Redis (when
# reachable), the service alone (--no-worker: jobs queue, as with separate
# worker processes). Installs wrk with apt-get when absent. Prints JSON
# lines; writes benches/results/http.json.
#   benches/http/run.sh [SECONDS]   (WRK_THREADS: wrk's threads, default 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
threads="${WRK_THREADS:-1}"
pace="${PACE_MS:-10}"
if ! command -v wrk >/dev/null; then
  (apt-get install -y wrk || (apt-get update && apt-get install -y wrk)) >/dev/null
fi
cargo build --release --locked -q -p resume-engine-cli
bin="${CARGO_TARGET_DIR:-target}/release/resume-engine"
export RESUME_ENGINE_BENCH_KEY="bench-key-0123456789abcdef"
out=benches/results/http.json
: >"$out.tmp"

# wrk_run NAME DELAY URL [wrk args…]: one wrk run into $home/NAME.txt.
wrk_run() {
  local name="$1" delay="$2" url="$3"
  shift 3
  WRK_DELAY_MS="$delay" wrk -t"$threads" -c100 -d"${seconds}s" --latency "$@" "$url" >"$home/$name.txt"
}

run_backend() {
  local name="$1" backend="$2" port pid id
  home="$(mktemp -d)"
  port=$((20000 + RANDOM % 20000))
  RESUME_ENGINE_HOME="$home" RESUME_ENGINE_API_KEYS="$RESUME_ENGINE_BENCH_KEY" \
    RESUME_ENGINE_RATE_LIMIT=0 RESUME_ENGINE_LOG=warn \
    "$bin" serve --port "$port" --backend "$backend" --no-worker 2>"$home/serve.log" &
  pid=$!
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 0.1
  done
  local base="http://127.0.0.1:$port"
  id=$(curl -fs -X POST -H "X-API-Key: $RESUME_ENGINE_BENCH_KEY" -H 'Content-Type: application/json' \
    -d '{"resume": {"name": "Probe"}}' "$base/api/v1/analyze" | sed 's/.*"job_id":"\([^"]*\)".*/\1/')
  for mode in saturating paced; do
    local delay=""
    [ "$mode" = paced ] && delay="$pace"
    wrk_run "status-$mode" "$delay" "$base/api/v1/status/$id" \
      -s benches/http/status.lua -H "X-API-Key: $RESUME_ENGINE_BENCH_KEY"
    wrk_run "submit-$mode" "$delay" "$base/api/v1/analyze" -s benches/http/submit.lua
  done
  local peak
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" || true
  python3 benches/http/summarize.py "$name" "$home" "$peak" "$seconds" "$pace" | tee -a "$out.tmp"
  rm -rf "$home"
}

run_backend sqlite "sqlite:$(mktemp -d)/jobs.sqlite3"
if (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  run_backend redis "redis://127.0.0.1:6379/?prefix=bench-http-$RANDOM"
else
  echo "Redis is not reachable on 127.0.0.1:6379: skipped" >&2
fi
python3 -c "import json,sys; print(json.dumps([json.loads(l) for l in open(sys.argv[1])], indent=2))" "$out.tmp" >"$out"
rm -f "$out.tmp"
