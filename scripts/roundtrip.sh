#!/usr/bin/env bash
# Round trip: renders every labelled resume of a corpus with every template,
# as PDF and as DOCX, parses the documents back and scores them against the
# source JSON with ../shared/tools/score_parse.py. Prints one line per
# template and format; with FLOOR, fails when a score is below it.
#   scripts/roundtrip.sh BIN [CORPUS_DIR] [FLOOR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: scripts/roundtrip.sh BIN [CORPUS_DIR] [FLOOR]}
corpus=${2:-../shared/corpus/dev}
floor=${3:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for template in $("$bin" templates); do
  for format in pdf docx; do
    dir="$tmp/$template-$format"
    mkdir -p "$dir"
    for truth in "$corpus"/*.truth.json; do
      base=$(basename "$truth" .truth.json)
      "$bin" render "$truth" --template "$template" --format "$format" --out "$dir/$base.$format"
      cp "$truth" "$dir/$base.truth.json"
    done
    line=$(python3 ../shared/tools/score_parse.py -q --cmd "$bin parse {}" "$dir" | tail -n 1)
    echo "round trip $template $format: $line"
    if ! python3 -c "import sys; sys.exit(float(sys.argv[1].rstrip('%')) < float(sys.argv[2]))" "${line##* }" "$floor"; then
      echo "round trip $template $format fell below $floor%" >&2
      status=1
    fi
  done
done
exit $status
