#!/bin/sh
# The container's entry point: one image, two services. WORKER_MODE=true
# runs a job worker; anything else (the default) runs the HTTP API.
# Arguments are passed on (for example --port). The binary is
# $RESUME_ENGINE_BIN, else `resume-engine` on the PATH.
set -eu
bin="${RESUME_ENGINE_BIN:-resume-engine}"
case "${WORKER_MODE:-false}" in
  1 | true | yes) exec "$bin" worker "$@" ;;
  0 | false | no | "") exec "$bin" serve "$@" ;;
  *)
    echo "WORKER_MODE must be true or false, not '$WORKER_MODE'" >&2
    exit 2
    ;;
esac
