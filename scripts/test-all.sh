#!/usr/bin/env bash
# Runs every test tier in order and ends with one summary line
# ("tests: N passed, M failed"). Stops at the first failing tier.
#   0. lint of docs/openapi.yaml (Redocly, Spectral)
#   1. native unit tests of the pure domain and backend crates, plus format and lint checks
#   1b. the reference server's unit and integration tests (crates/server, over TCP)
#   2. wasm-bindgen-test in headless Chromium (components, mock API)
#   3. Playwright end-to-end tests of the release build in the system Chromium
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

passed=0
failed=0

summary() {
  echo
  echo "tests: $passed passed, $failed failed"
}

# tier NAME COMMAND...: runs the command, adds its test counts, stops on failure.
tier() {
  local name=$1; shift
  local log; log=$(mktemp)
  printf '\n\033[1m== %s ==\033[0m\n' "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  # cargo: "test result: ok. 50 passed; 0 failed"; Playwright: "  12 passed (9.1s)"
  p=$(grep -aoE '(test result: [a-zA-Z]+\. [0-9]+ passed|^ +[0-9]+ passed)' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -aoE '([0-9]+ failed;|^ +[0-9]+ failed)' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  rm -f "$log"
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" -ne 0 ]; then
    [ "$f" -eq 0 ] && failed=$((failed + 1))
    echo "$name failed (exit $status)" >&2
    summary
    exit "$status"
  fi
}

tier "format" cargo fmt --all --check
tier "structure (floors, no import circles, no file over 400 lines)" python3 scripts/check-structure.py
tier "contract lint (Redocly, Spectral)" scripts/lint-contract.sh
tier "lint" cargo clippy --workspace --exclude server --all-targets --target wasm32-unknown-unknown -- -D warnings
tier "lint (native: domain, backend, server)" cargo clippy -p domain -p backend -p server --all-targets -- -D warnings
tier "lint (production build)" cargo clippy --no-default-features --features console --lib --bins --target wasm32-unknown-unknown -- -D warnings
tier "lint (model select alone)" cargo clippy --no-default-features --lib --target wasm32-unknown-unknown -- -D warnings
tier "1. native unit tests (domain, backend)" cargo test -p domain -p backend --lib
tier "1b. reference server (cm-server over TCP)" cargo test -p server
tier "1c. contract against cm-server (Schemathesis)" scripts/schemathesis-server.sh
tier "2. browser unit tests (wasm-bindgen-test)" cargo test --target wasm32-unknown-unknown --test web
tier "release build" trunk build --release
tier "production build (no demo backend)" trunk build --release --no-default-features --features console --dist dist-production
tier "host build (dist-embed/)" scripts/build-embed.sh
tier "host apps (dist-embed/ packed, installed and bundled by Vite)" scripts/build-hosts.sh
tier "3. end-to-end tests (Playwright)" bash -c "cd tests/e2e && CI=1 npx playwright test"
summary
