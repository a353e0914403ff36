#!/usr/bin/env bash
# Builds the Node addon optimized, installs pdf.js 3.11 here, and times the
# Node package's parse against pdf.js as OpenResume's parser uses it, on the
# dev corpus PDFs. Writes benches/results/node-parse.json.
#
#   bindings/node/benches/run.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")"
corpus="${1:-../../../../shared/corpus/dev}"
[ -d "$corpus" ] || corpus=../../../corpus/docs
corpus=$(cd "$corpus" && pwd)
(cd .. && npm install --ignore-scripts --no-audit --no-fund >/dev/null && npx napi build --platform --release --js index.js --dts index.d.ts)
npm install --no-audit --no-fund >/dev/null
node parse-vs-pdfjs.mjs "$corpus" --out ../../../benches/results/node-parse.json
