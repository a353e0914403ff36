#!/usr/bin/env bash
# Side-by-side render timing: resume-engine `render` against WeasyPrint and
# RenderCV, each as a fresh process per document on the same resumes.
# Installs both into the local virtualenv (benches/peers/.venv).
#   benches/peers/render.sh [CORPUS_DIR]     (default: ../shared/corpus/dev)
# Writes benches/results/render-peers.json and prints medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpus/dev}"
venv=benches/peers/.venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# RenderCV 2.3's CLI imports click, which current typer no longer installs.
"$venv/bin/python" -c "import weasyprint, rendercv.cli.commands" 2>/dev/null || "$venv/bin/pip" install --quiet weasyprint "rendercv[full]" click
cargo build --release --locked -p resume-engine-cli
"$venv/bin/python" benches/peers/render_peers.py --bin "${CARGO_TARGET_DIR:-target}/release/resume-engine" \
  --venv "$venv" --corpus "$corpus" --out benches/results/render-peers.json
