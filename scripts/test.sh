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
cargo clippy -p resume-engine --features http-parser --all-targets --locked -- -D warnings

# The workspace runs build the core with the `llm` feature (the CLI and the
# tests crate turn it on), so the Gemini/Claude loopback tests run there; the
# `-p resume-engine --features http-parser` runs build it without `llm`, the
# default offline improver.
echo "==> test servers"
# s3s-fs, the S3-compatible server the S3 blob-store tests talk to (built
# once into /var/tmp/resume-engine-tools; skipped tests say so when absent).
./scripts/install-s3s-fs.sh >/dev/null

echo "==> tests"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
  cargo nextest run -p resume-engine --features http-parser --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast --lib --bins --tests
  cargo test -p resume-engine --features http-parser --locked --no-fail-fast --lib --bins --tests
fi

echo "==> doctests (lib docs and README examples)"
cargo test --workspace --locked --doc

echo "==> benches build (cargo bench --no-run, on the tests' dev profile, features and build cache)"
# The criterion benches must keep compiling; timing them is
# benches/peers/run.sh's and `cargo bench`'s job, not CI's.
cargo bench --no-run --locked --workspace --bench '*' --profile dev

echo "==> Python package (pip install ./bindings/python, pytest)"
# The dev profile reuses the build cache of the tests above; a user's
# `pip install ./bindings/python` builds the optimized wheel.
MATURIN_PEP517_ARGS="--profile dev" ./scripts/test-python.sh

echo "==> Node package (npm install in bindings/node, node --test)"
./scripts/test-node.sh

echo "==> uniffi bindings (Kotlin test, Swift generated)"
./scripts/test-uniffi.sh

echo "==> parse accuracy (regression guards, set below the measured scores)"
if [ -d ../shared/tools ]; then
  # The debug binary the workspace tests built (a no-op build with their
  # feature set): a release build would compile Typst once more.
  if cargo nextest --version >/dev/null 2>&1; then
    cargo nextest run --workspace --locked --no-run
  else
    cargo test --workspace --locked --no-run
  fi
  bin="${CARGO_TARGET_DIR:-target}/debug/resume-engine"
  score() { # DIR FLOOR
    local line
    line=$(python3 ../shared/tools/score_parse.py -q --cmd "$bin parse {}" "$1" | tail -n 1)
    echo "$1: $line"
    python3 -c "import sys; v=float(sys.argv[1].rstrip('%')); sys.exit(0 if v >= float(sys.argv[2]) else f'{sys.argv[3]}: parse accuracy {v}% fell below {sys.argv[2]}%')" "${line##* }" "$2" "$1"
  }
  score corpus/docs 95
  for dir in ../shared/corpus/dev ../shared/corpus/external; do
    if [ -d "$dir" ]; then score "$dir" 97; fi
  done
  echo "==> render round trip (every template, PDF and DOCX, parsed back)"
  if [ -d ../shared/corpus/dev ]; then
    ./scripts/roundtrip.sh "$bin" ../shared/corpus/dev 99
  fi
else
  echo "../shared/tools not found: skipping the accuracy report (the labelled corpus is in corpus/docs)"
fi
echo "all checks passed"
