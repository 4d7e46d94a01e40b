#!/usr/bin/env bash
# make test's property-based contract run: cm-server on a free loopback port with a
# fresh data directory, and Schemathesis (scripts/schemathesis.sh) against it. The
# server is stopped however the run ends.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

cargo build --quiet -p server --bin cm-server
work=$(mktemp -d)
"$root/target/debug/cm-server" --addr 127.0.0.1:0 --data-dir "$work/data" --seed empty --training-ms 3000 \
  > "$work/address" 2> "$work/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

# The server prints its bound address as its first line once it listens.
for _ in $(seq 300); do
  address=$(head -n 1 "$work/address")
  [ -n "$address" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "cm-server did not start" >&2; exit 1; }

status=0
MAX_EXAMPLES=${MAX_EXAMPLES:-15} scripts/schemathesis.sh "http://$address/v1" dev-admin || status=$?
if grep -q "panicked" "$work/server.log"; then
  echo "cm-server panicked during the run:" >&2
  grep -A3 "panicked" "$work/server.log" >&2
  status=1
fi
exit "$status"
