#!/usr/bin/env bash
# Runs every check and test of the project. This is the command the README
# gives and the one CI runs (through .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

echo "==> formatting"
cargo fmt --all -- --check

echo "==> lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "==> tests"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast --lib --bins --tests
fi

echo "==> doctests (lib docs and README examples)"
cargo test --workspace --locked --doc

if [ -d ../shared/corpus/dev ]; then
  echo "==> parse accuracy on the dev corpus (../shared/corpus/dev)"
  cargo build --release --locked -p resume-engine-cli
  bin="${CARGO_TARGET_DIR:-target}/release/resume-engine"
  line=$(python3 ../shared/tools/score_parse.py -q --cmd "$bin parse {}" ../shared/corpus/dev | tail -n 1)
  echo "$line"
  # A regression guard, set below the measured score: fail when accuracy drops.
  python3 -c "import sys; v=float(sys.argv[1].rstrip('%')); sys.exit(0 if v >= 95.0 else 'parse accuracy fell below 95%')" "${line##* }"
else
  echo "==> ../shared/corpus/dev not found: skipping the corpus accuracy report"
fi
echo "all checks passed"
