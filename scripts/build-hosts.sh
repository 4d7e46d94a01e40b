#!/usr/bin/env bash
# The host apps of tests/host/ as a host team builds them: dist-embed/ (`make embed`)
# packed by `npm pack`, that tarball installed into the React and the Vue app like
# any npm package, then each app bundled by Vite into its dist/ (served under
# /react/ and /vue/ by tests/e2e/serve.mjs). Their own packages come from
# `scripts/install-tools.sh test`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist-embed/package.json ] || { echo "dist-embed/ is missing: run scripts/build-embed.sh first" >&2; exit 1; }
pack=target/embed-pack
rm -rf "$pack" && mkdir -p "$pack"
tarball=$(cd dist-embed && npm pack --silent --pack-destination "../$pack")
echo "packed dist-embed/ as $pack/$tarball"
for app in react vue; do
  (
    cd "tests/host/$app"
    # --no-save: the app's package.json and lock stay as checked in.
    npm install --no-save --no-audit --no-fund --silent "../../../$pack/$tarball"
    npx vite build
    echo "tests/host/$app/dist/: $(ls dist/assets | tr '\n' ' ')"
  )
done
