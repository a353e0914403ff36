#!/usr/bin/env bash
# Builds the Python package (bindings/python) into a virtualenv and runs its
# pytest suite: `pip install ./bindings/python` as a user would, with the
# build cache shared with the other builds ($CARGO_TARGET_DIR, else the
# workspace's target folder).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
venv="${RESUME_ENGINE_PY_VENV:-/var/tmp/resume-engine-py-venv}"
python="${PYTHON:-python3}"

echo "==> virtualenv ($venv)"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
export PATH="$venv/bin:$PATH"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "maturin>=1.9.4,<2" pytest fastapi httpx python-multipart

echo "==> build and install (pip install ./bindings/python)"
# The build backend is maturin (pyproject.toml); without build isolation it
# is the one installed above, so no download happens at build time.
"$venv/bin/python" -m pip install --quiet --no-build-isolation --force-reinstall --no-deps ./bindings/python

echo "==> pytest"
cd bindings/python
"$venv/bin/python" -m pytest -q tests "$@"
