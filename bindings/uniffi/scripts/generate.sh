#!/usr/bin/env bash
# Builds the uniffi library (a cdylib, debug unless --release) and generates
# its Kotlin and Swift sources with the workspace's uniffi-bindgen (library
# mode: the interface is read from the built library, no UDL):
#
#   OUT_DIR/kotlin/uniffi/resume_engine/resume_engine.kt
#   OUT_DIR/swift/resume_engine.swift
#   OUT_DIR/swift/include/resume_engineFFI.h, module.modulemap (for an XCFramework)
#
# Prints the path of the built library on its last line.
# Usage: bindings/uniffi/scripts/generate.sh [--release] OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/../../.."

profile=debug
args=()
for arg in "$@"; do
  case "$arg" in
    --release) profile=release ;;
    -h | --help)
      sed -n '2,11p' "$0"
      exit 0
      ;;
    *) args+=("$arg") ;;
  esac
done
if [ "${#args[@]}" -ne 1 ]; then
  echo "usage: $0 [--release] OUT_DIR" >&2
  exit 2
fi
out=$(mkdir -p "${args[0]}" && cd "${args[0]}" && pwd)

cargo_profile=()
if [ "$profile" = release ]; then cargo_profile=(--release); fi
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

# Only the cdylib: the crate's staticlib (for iOS) is large in a debug build
# and the generator does not need it.
cargo rustc -p resume-engine-uniffi --lib --crate-type cdylib --locked "${cargo_profile[@]}" >&2
cargo build -p resume-engine-uniffi-bindgen --locked >&2
library="$target_dir/$profile/libresume_engine_uniffi.so"
if [ "$(uname -s)" = Darwin ]; then library="$target_dir/$profile/libresume_engine_uniffi.dylib"; fi
bindgen="$target_dir/debug/uniffi-bindgen"

rm -rf "$out/kotlin" "$out/swift"
# Formatting needs ktlint and swift-format; unformatted output is the same
# on every machine, so it can be committed and compared. Every exported
# type is in this crate: `cargo metadata` need not resolve dependencies.
"$bindgen" generate --library "$library" --language kotlin --no-format \
  --metadata-no-deps --out-dir "$out/kotlin" >&2
"$bindgen-swift" --swift-sources --metadata-no-deps "$library" "$out/swift" >&2
"$bindgen-swift" --headers --modulemap --module-name resume_engineFFI \
  --modulemap-filename module.modulemap --metadata-no-deps "$library" "$out/swift/include" >&2
echo "$library"
