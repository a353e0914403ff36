#!/usr/bin/env bash
# The Node package's test suite: `npm install` builds the addon (debug, into
# CARGO_TARGET_DIR when set), then `node --test` runs bindings/node/__test__.
set -euo pipefail
cd "$(dirname "$0")/../bindings/node"
npm install
npm test
