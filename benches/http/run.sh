#!/usr/bin/env bash
# HTTP load: `resume-engine serve` (release build) under `wrk` from a
# second process on loopback, 100 connections: job submission
# (POST /api/v1/analyze with a resume JSON) and status
# (GET /api/v1/status/{id}); latency percentiles, errors, and the service's
# peak memory (VmHWM). Backends: SQLite with the in-process worker running
# the submitted jobs, and Redis (queue only) when reachable. Installs wrk
# with apt-get when absent. Prints JSON lines; writes
# benches/results/http.json.
#   benches/http/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
if ! command -v wrk >/dev/null; then
  (apt-get install -y wrk || (apt-get update && apt-get install -y wrk)) >/dev/null
fi
cargo build --release --locked -q -p resume-engine-cli
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/resume-engine"
export RESUME_ENGINE_BENCH_KEY="bench-key-0123456789abcdef"
out=benches/results/http.json
: > "$out.tmp"

run_backend() {
  local name="$1" backend="$2" home port pid id
  home="$(mktemp -d)"
  port=$((20000 + RANDOM % 20000))
  RESUME_ENGINE_HOME="$home" RESUME_ENGINE_API_KEYS="$RESUME_ENGINE_BENCH_KEY" \
    RESUME_ENGINE_RATE_LIMIT=0 RESUME_ENGINE_LOG=warn \
    "$bin" serve --port "$port" --backend "$backend" 2>"$home/serve.log" &
  pid=$!
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 0.1
  done
  local base="http://127.0.0.1:$port"
  id=$(curl -fs -X POST -H "X-API-Key: $RESUME_ENGINE_BENCH_KEY" -H 'Content-Type: application/json' \
    -d '{"resume": {"name": "Probe"}}' "$base/api/v1/analyze" | sed 's/.*"job_id":"\([^"]*\)".*/\1/')
  wrk -t2 -c100 -d"${seconds}s" --latency -s benches/http/submit.lua "$base/api/v1/analyze" >"$home/submit.txt"
  wrk -t2 -c100 -d"${seconds}s" --latency -H "X-API-Key: $RESUME_ENGINE_BENCH_KEY" \
    "$base/api/v1/status/$id" >"$home/status.txt"
  local peak
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" || true
  python3 - "$name" "$home" "$peak" "$seconds" >>"$out.tmp" <<'PY'
import json, re, sys
name, home, peak_kib, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def read(kind):
    text = open(f"{home}/{kind}.txt").read()
    def ms(label):
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 3)
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return {"p50_ms": ms("50%"), "p90_ms": ms("90%"), "p99_ms": ms("99%"),
            "requests_per_second": round(requests / seconds), "errors": errors}
print(json.dumps({"backend": name, "connections": 100, "seconds": seconds,
                  "submit": read("submit"), "status": read("status"),
                  "peak_rss_mib": round(peak_kib / 1024, 1)}))
PY
  tail -1 "$out.tmp"
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
