#!/usr/bin/env bash
# The benchmark: release and production builds, the Leptos floor app,
# generated data for the vanilla floor, then
# tests/e2e/bench.mjs, which prints the table and writes docs/perf.md.
#
#   BENCH_ONLY=sizes scripts/bench.sh   # just the size table (a few minutes)
#   BENCH_ONLY=server scripts/bench.sh  # just the reference server's rows (1 GB upload, 100 at once)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p tests/bench/out

# The production bundle, then the same module with its function names kept for
# the size table (tests/bench/sizes.mjs): trunk's own wasm-bindgen and
# `wasm-opt -Oz` steps, plus `-g`, so only the name section differs.
production() {
  trunk build --release --no-default-features --features console --dist dist-production
  local named="$root/target/bench-sizes"
  wasm-bindgen --target=web --no-typescript --out-dir "$named" --out-name custom-models-console \
    target/wasm32-unknown-unknown/release/custom-models-console.wasm
  wasm-opt -Oz -g "$named/custom-models-console_bg.wasm" -o tests/bench/out/named.wasm
}
# The Leptos floor: its own crate and target directory (see its Cargo.toml);
# its module with names too, for the floor's column of the size table.
floor() {
  (cd tests/bench/floor && CARGO_TARGET_DIR="$root/target/floor" trunk build --release)
  local named="$root/target/bench-sizes/floor"
  wasm-bindgen --target=web --no-typescript --out-dir "$named" --out-name leptos-floor \
    target/floor/wasm32-unknown-unknown/release/leptos-floor.wasm
  wasm-opt -Oz -g "$named/leptos-floor_bg.wasm" -o tests/bench/out/floor-named.wasm
}

if [ "${BENCH_ONLY:-}" = sizes ]; then
  production
  floor
  node tests/e2e/bench.mjs
  exit
fi

if [ "${BENCH_ONLY:-}" = server ]; then
  trunk build --release
  cargo build -q --release -p server
  node tests/e2e/bench.mjs
  exit
fi

trunk build --release
production
floor
# The reference server's rows: its release build.
cargo build -q --release -p server
# The host build, for the row of <custom-model-select>'s own module.
bash scripts/build-embed.sh
# The WER alignment row: the domain crate's code alone, as the browser runs it.
(cd tests/bench/wer && CARGO_TARGET_DIR="$root/target/bench-wer" cargo build -q --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir tests/bench/out/wer "$root/target/bench-wer/wasm32-unknown-unknown/release/bench_wer.wasm"
for n in 100 100000; do
  cargo run -q --release -p backend --example generate_models -- "$n" > "tests/bench/out/models-$n.json"
done
node tests/e2e/bench.mjs
