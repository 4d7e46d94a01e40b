#!/usr/bin/env bash
# Property-based checks of a live backend against docs/openapi.yaml: Schemathesis
# sends generated requests (valid and invalid) to every operation and checks each
# answer: no 5xx, a documented status, the documented Content-Type, headers and
# body schema.
#   scripts/schemathesis.sh BASE_URL TOKEN [more schemathesis run options]
#   e.g. scripts/schemathesis.sh http://127.0.0.1:8787/v1 dev-token
# MAX_EXAMPLES (default 20) bounds the generated requests per operation.
# Installs Schemathesis into .tools/venv with pip the first time (idempotent).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BASE_URL TOKEN [schemathesis run options]" >&2
  exit 2
fi
base=$1
token=$2
shift 2

root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.tools/venv"
version=4.32.5

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "version $version$"; then
  if ! python3 -m venv "$venv" 2>/dev/null; then
    echo "python3 -m venv failed: installing python3-venv" >&2
    apt-get update -qq && apt-get install -y -qq python3-venv
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance
exec "$venv/bin/schemathesis" run "$root/docs/openapi.yaml" \
  --url "$base" \
  --header "Authorization: Bearer $token" \
  --max-examples "${MAX_EXAMPLES:-20}" \
  --checks "$checks" \
  --seed "${SEED:-1}" \
  --no-color \
  "$@"
