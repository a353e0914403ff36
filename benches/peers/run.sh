#!/usr/bin/env bash
# One command for the side-by-side performance report: our stages against
# the tools people use today, on the same documents on the same machine.
#
#   benches/peers/run.sh [CORPUS_DIR]     (default: ../shared/corpus/dev, else corpus/docs)
#
# Installs the peers from PyPI into benches/peers/.venv (a peer that cannot
# install is skipped and named), builds our release binaries, and runs
# report.py: parse (PyMuPDF, pdfminer.six, pdfplumber; docx2txt,
# python-docx), render (WeasyPrint in-process and as a CLI, RenderCV's CLI),
# queue (ARQ on the same Redis), peak RSS of each. Writes
# benches/results/peers.json and benches/results/peers.svg.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus="${1:-../shared/corpus/dev}"
[ -d "$corpus" ] || corpus=corpus/docs
target="${CARGO_TARGET_DIR:-target}"
venv=benches/peers/.venv

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# RenderCV 2.3's CLI imports click, which current typer no longer installs.
for peer in pymupdf pdfminer.six pdfplumber docx2txt python-docx weasyprint "rendercv[full] click" "arq==0.26.*"; do
  # shellcheck disable=SC2086 # "rendercv[full] click" is two packages
  "$venv/bin/pip" install --quiet $peer || echo "could not install $peer: it is skipped" >&2
done

cargo build --release --locked -p resume-engine-cli -p resume-engine-benches \
  --bin resume-engine --bin stage-timing --bin job-throughput

"$venv/bin/python" benches/peers/report.py --bin-dir "$target/release" --venv "$venv" \
  --corpus "$corpus" --out benches/results/peers.json --chart benches/results/peers.svg
