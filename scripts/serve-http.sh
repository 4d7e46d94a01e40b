#!/usr/bin/env bash
# `make serve-http`: the console (trunk serve, http://127.0.0.1:8080) in HTTP mode
# against the reference server (cm-server, http://127.0.0.1:8787/v1, data in .data/,
# signed in with the development token dev-admin). Ctrl-C stops both.
# CM_ADDR, CM_DATA_DIR and CM_DEV_TOKEN change the address, the data and the user.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

addr=${CM_ADDR:-127.0.0.1:8787}
token=${CM_DEV_TOKEN:-dev-admin}
config="$root/target/serve-http/config.js"
mkdir -p "$(dirname "$config")"
cat > "$config" <<JS
// Written by scripts/serve-http.sh: the console talks to the reference server.
window.customModelsConfig = window.customModelsConfig || { apiBaseUrl: "http://$addr/v1", token: "$token" };
JS

target/debug/cm-server --addr "$addr" --data-dir "${CM_DATA_DIR:-.data}" \
  --cors-origin http://127.0.0.1:8080 --cors-origin http://localhost:8080 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

# Trunk's post_build hook (Trunk.toml) serves this config.js instead of public/config.js.
CM_CONFIG_JS="$config" trunk serve
