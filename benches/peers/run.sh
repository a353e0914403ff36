#!/usr/bin/env bash
# Side-by-side timing: resume-engine's full structured parse (criterion
# medians) against PyMuPDF's raw text extraction, page.get_text("dict"), on
# the same PDFs on the same machine. Installs PyMuPDF into a local virtualenv.
#
#   benches/peers/run.sh [CORPUS_DIR]      (default: ../shared/corpus/dev, else corpus/docs)
#
# Writes benches/results/peers.json and prints a table of medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus="${1:-../shared/corpus/dev}"
[ -d "$corpus" ] || corpus=corpus/docs
corpus=$(cd "$corpus" && pwd)
target="${CARGO_TARGET_DIR:-target}"
venv=benches/peers/.venv

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import pymupdf" 2>/dev/null; then
  "$venv/bin/pip" install --quiet pymupdf || echo "PyMuPDF could not be installed: it is skipped"
fi

rm -rf "$target/criterion/parse_pdf"   # never compare against an earlier run's medians
RESUME_ENGINE_BENCH_CORPUS="$corpus" cargo bench --locked -p resume-engine-benches --bench parse -- parse_pdf \
  --warm-up-time 1 --measurement-time 3 --noplot >/dev/null

"$venv/bin/python" benches/peers/compare.py --corpus "$corpus" --criterion "$target/criterion/parse_pdf" \
  --out benches/results/peers.json
