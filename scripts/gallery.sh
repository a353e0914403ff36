#!/usr/bin/env bash
# Renders the sample resume (fixtures/render/sample.json) with every built-in
# template and writes a PNG preview of each first page to docs/gallery/.
# Needs pdftoppm (Debian: poppler-utils).
#   scripts/gallery.sh [BIN]     (default: builds and uses the release CLI)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --release --locked -p resume-engine-cli
  bin="${CARGO_TARGET_DIR:-target}/release/resume-engine"
fi
command -v pdftoppm >/dev/null || { echo "pdftoppm not found (apt-get install poppler-utils)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs/gallery
for template in $("$bin" templates); do
  "$bin" render fixtures/render/sample.json --template "$template" --out "$tmp/$template.pdf"
  pdftoppm -png -r 75 -f 1 -l 1 -singlefile "$tmp/$template.pdf" "docs/gallery/$template"
  echo "docs/gallery/$template.png"
done
