#!/usr/bin/env bash
# Job throughput side by side: our backends (the `job-throughput` bench
# binary: memory, SQLite, PostgreSQL and Redis when reachable) and ARQ on
# the same Redis with equivalent no-op jobs. Installs ARQ into
# benches/jobs/.venv from PyPI on first use. Prints JSON lines.
#   benches/jobs/run.sh [JOBS]
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs="${1:-10000}"
cargo run --release --locked -q -p resume-engine-benches --bin job-throughput -- "$jobs" 4 16
venv=benches/jobs/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "arq==0.26.*" || { echo "arq could not be installed: skipped" >&2; exit 0; }
fi
"$venv/bin/python" benches/jobs/arq_throughput.py "$jobs"
