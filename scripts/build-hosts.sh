#!/usr/bin/env bash
# The host apps of tests/host/ as a host team builds them: dist-embed/ (`make embed`)
# packed by `npm pack`, that tarball installed into the React app like any npm
# package, then the app bundled by Vite into tests/host/react/dist/ (served under
# /react/ by tests/e2e/serve.mjs). Its own packages come from
# `scripts/install-tools.sh test`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist-embed/package.json ] || { echo "dist-embed/ is missing: run scripts/build-embed.sh first" >&2; exit 1; }
pack=target/embed-pack
rm -rf "$pack" && mkdir -p "$pack"
tarball=$(cd dist-embed && npm pack --silent --pack-destination "../$pack")
echo "packed dist-embed/ as $pack/$tarball"
cd tests/host/react
# --no-save: the app's package.json and lock stay as checked in.
npm install --no-save --no-audit --no-fund --silent "../../../$pack/$tarball"
npx vite build
echo "tests/host/react/dist/: $(ls dist/assets | tr '\n' ' ')"
