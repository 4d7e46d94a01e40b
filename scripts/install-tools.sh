#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present,
# so a warm run costs a few version checks. Versions are pinned to what
# ../shared/TOOLCHAIN.md verified on this machine kind (no internet but registries).
#
#   scripts/install-tools.sh build   # wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/install-tools.sh test    # the above + Chromium, chromedriver, e2e and host-app npm packages
set -euo pipefail

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=123
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
what=${1:-build}

say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the library in Cargo.lock exactly, or trunk
# tries to download one and fails offline.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$root/Cargo.lock"
}

install_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "building trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  local wbg
  wbg=$(wasm_bindgen_version)
  if [ -z "$wbg" ]; then
    say "Cargo.lock names no wasm-bindgen; run 'cargo generate-lockfile' first" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    say "building wasm-bindgen-cli $wbg"
    # No --locked: one locked dependency of the CLI is missing from the registry mirror.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi

  if [ "$("$tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
    say "installing wasm-opt (binaryen@$BINARYEN_VERSION) into .tools/"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
}

install_test_tools() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and chromedriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi

  local e2e="$root/tests/e2e"
  if [ ! -d "$e2e/node_modules/@playwright/test" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
    say "installing the end-to-end suite's npm packages"
    # Playwright must never fetch its own browsers here: we drive /usr/bin/chromium.
    (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi

  # The host apps: tests/host/react/ (React 19, react-router 7) and tests/host/vue/
  # (Vue 3, vue-router 4), both built by Vite.
  local app
  for app in react vue; do
    local dir="$root/tests/host/$app"
    if [ ! -d "$dir/node_modules/vite" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      say "installing the $app host app's npm packages"
      (cd "$dir" && npm ci --no-audit --no-fund --silent)
    fi
  done
}

case "$what" in
  build) install_build_tools ;;
  test) install_build_tools; install_test_tools ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
