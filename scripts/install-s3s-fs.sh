#!/usr/bin/env bash
# Installs s3s-fs (a small S3-compatible server over a folder) for the S3
# blob-store tests, into ${RESUME_ENGINE_TOOLS:-/var/tmp/resume-engine-tools}/bin,
# when it is not there yet. Prints the binary's path. The tests look for it
# there (or at $RESUME_ENGINE_S3S_FS).
set -euo pipefail
version=0.12.0
tools="${RESUME_ENGINE_TOOLS:-/var/tmp/resume-engine-tools}"
bin="$tools/bin/s3s-fs"
if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "$version"; then
  echo "$bin"
  exit 0
fi
mkdir -p "$tools"
# Its own target dir: the build never touches the project's cache.
CARGO_TARGET_DIR="$tools/target" cargo install s3s-fs \
  --version "$version" --locked --features binary --root "$tools" >&2
echo "$bin"
