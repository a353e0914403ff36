#!/usr/bin/env bash
# The uniffi bindings' test (bindings/uniffi): checks that the library's
# dependency tree stays offline, generates the Kotlin and Swift sources from
# the built library and compares them with the committed ones, checks the
# Swift output (Swift cannot be compiled here), compiles the Kotlin sources
# and runs bindings/uniffi/tests/engine_test.kts against the library on the
# JVM. Installs what it needs when absent: a JRE and JNA (Debian packages),
# the Kotlin compiler (the npm package kotlin-compiler, with the
# kotlinx-coroutines jar), all under $RESUME_ENGINE_TOOLS.
#
# The compiled Kotlin bindings are cached by a hash of the generated
# sources, so a re-run only compiles and runs the test script.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
start=$SECONDS
tools="${RESUME_ENGINE_TOOLS:-/var/tmp/resume-engine-tools}"
kotlin_version=2.4.20
kotlin_home="$tools/kotlin/node_modules/kotlin-compiler"
jna=/usr/share/java/jna.jar
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

echo "==> offline: no HTTP client or server backend in the library's dependencies"
tree=$(cargo tree -p resume-engine-uniffi -e normal --locked --prefix none --format '{p}')
online=$(grep -E '^(reqwest|hyper|hyper-util|ureq|rustls|tokio-postgres|deadpool-postgres|redis|object_store) ' <<<"$tree" || true)
if [ -n "$online" ]; then
  echo "resume-engine-uniffi must build without network crates, found:" >&2
  echo "$online" >&2
  exit 1
fi

echo "==> tools (JRE, JNA, kotlinc $kotlin_version)"
apt_install() { # PACKAGE... (Debian)
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing $*: install it as root (apt-get install -y $*) and run again" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! command -v java >/dev/null 2>&1; then apt_install default-jre-headless; fi
if [ ! -f "$jna" ]; then apt_install libjna-java; fi
installed=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$kotlin_home/package.json" 2>/dev/null || true)
if [ "$installed" != "$kotlin_version" ] || [ ! -x "$kotlin_home/bin/kotlinc" ]; then
  mkdir -p "$tools/kotlin"
  npm install --prefix "$tools/kotlin" --save-exact --no-audit --no-fund --loglevel=error \
    "kotlin-compiler@$kotlin_version"
fi
kotlinc="$kotlin_home/bin/kotlinc"
coroutines="$kotlin_home/lib/kotlinx-coroutines-core-jvm.jar"
if [ ! -f "$coroutines" ]; then
  echo "$coroutines not found: the kotlin-compiler package no longer ships it" >&2
  exit 1
fi

echo "==> generate the Kotlin and Swift sources from the built library"
generated="$target_dir/uniffi-bindings"
library=$(bindings/uniffi/scripts/generate.sh "$generated" | tail -n 1)

echo "==> the generated sources match bindings/uniffi/generated"
if ! diff -r bindings/uniffi/generated "$generated" >/dev/null; then
  diff -ru bindings/uniffi/generated "$generated" | head -n 40 >&2 || true
  echo "the bindings' API changed: regenerate with bindings/uniffi/scripts/generate.sh bindings/uniffi/generated, review and commit" >&2
  exit 1
fi

echo "==> Swift: generated with the expected declarations (not compiled here)"
swift="$generated/swift/resume_engine.swift"
header="$generated/swift/include/resume_engineFFI.h"
modulemap="$generated/swift/include/module.modulemap"
for file in "$swift" "$header" "$modulemap"; do
  [ -s "$file" ] || { echo "missing $file" >&2; exit 1; }
done
expect() { # FILE PATTERN
  grep -Eq "$2" "$1" || { echo "$(basename "$1") does not declare: $2" >&2; exit 1; }
}
# (uniffi's unformatted output: spacing around `throws` and `->` varies.)
expect "$swift" '^open class ResumeEngine\b'
expect "$swift" 'public convenience init\(backend: String\? = nil, storage: String\? = nil\) ?throws'
expect "$swift" 'public static func `open`\(backend: String\? = nil, storage: String\? = nil\) ?async throws +-> ResumeEngine'
expect "$swift" 'open func parse\(data: Data\) ?throws +-> Resume'
expect "$swift" 'open func parseAsync\(data: Data\) ?async throws +-> Resume'
expect "$swift" 'open func analyze\(resume: Resume, jobDescription: String\? = nil, keywords: String\? = nil\) ?throws +-> Analysis'
expect "$swift" 'open func improve\(resume: Resume\) ?async throws +-> Improvements'
expect "$swift" 'open func apply\(resume: Resume, improvements: Improvements, ids: \[String\]\? = nil\) ?throws +-> Applied'
expect "$swift" 'open func render\(resume: Resume, template: String\? = nil, format: String\? = nil\) ?throws +-> Data'
expect "$swift" 'open func submit\(kind: String, data: Data\?, options: JobOptions\? = nil\) ?async throws +-> String'
expect "$swift" 'open func wait\(id: String, timeoutMs: UInt64\? = nil\) ?async throws +-> JobSummary'
expect "$swift" '^enum ResumeEngineError: Swift.Error'
expect "$swift" '^ *case Corrupt\($'
for record in Resume Sections Experience Analysis Category Improvements Suggestion Applied JobSummary; do
  expect "$swift" "^public struct $record: "
done
expect "$swift" '^public func templates\(\) +-> \[String\]'
expect "$header" 'uniffi_resume_engine_uniffi_fn_method_resumeengine_parse_async'
expect "$modulemap" '^module resume_engineFFI \{'

echo "==> Kotlin: compile the generated bindings"
kotlin_sources="$generated/kotlin/uniffi/resume_engine/resume_engine.kt"
key=$( (cat "$kotlin_sources"; echo "$kotlin_version") | sha256sum | cut -c1-16)
jar="$tools/uniffi-kotlin/$key/resume_engine.jar"
if [ -f "$jar" ]; then
  echo "(cached: $jar)"
else
  mkdir -p "$(dirname "$jar")"
  compile_start=$SECONDS
  "$kotlinc" -nowarn "$kotlin_sources" -cp "$jna:$coroutines" -d "$jar.partial.jar"
  mv "$jar.partial.jar" "$jar"
  echo "(compiled in $((SECONDS - compile_start)) s: $jar)"
fi

echo "==> Kotlin: bindings/uniffi/tests/engine_test.kts"
JAVA_OPTS="-Djna.library.path=$(dirname "$library") ${JAVA_OPTS:-}" \
  "$kotlinc" -nowarn -cp "$jar:$jna:$coroutines" -script bindings/uniffi/tests/engine_test.kts "$PWD"

echo "uniffi bindings: passed in $((SECONDS - start)) s"
