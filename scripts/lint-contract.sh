#!/usr/bin/env bash
# Lints docs/openapi.yaml with Redocly (recommended-strict, redocly.yaml) and
# Spectral (spectral:oas, .spectral.yaml). Fails on any error or warning of either.
# Both tools are devDependencies of tests/e2e (scripts/install-tools.sh test).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/tests/e2e/node_modules/.bin"
spec="$root/docs/openapi.yaml"

echo "redocly lint (recommended-strict)"
"$bin/redocly" lint --config "$root/redocly.yaml" "$spec" 2>&1 | grep -v '[║╔╚]'
echo "spectral lint (spectral:oas)"
"$bin/spectral" lint --fail-severity=warn --ruleset "$root/.spectral.yaml" "$spec"
