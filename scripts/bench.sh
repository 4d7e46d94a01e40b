#!/usr/bin/env bash
# The benchmark: release and production builds, the Leptos floor app,
# generated data for the vanilla floor, then
# tests/e2e/bench.mjs, which prints the table and writes docs/perf.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
trunk build --release --no-default-features --dist dist-production
# The Leptos floor: its own crate and target directory (see its Cargo.toml).
(cd tests/bench/floor && CARGO_TARGET_DIR="$root/target/floor" trunk build --release)
# The WER alignment row: the domain crate's code alone, as the browser runs it.
(cd tests/bench/wer && CARGO_TARGET_DIR="$root/target/bench-wer" cargo build -q --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir tests/bench/out/wer "$root/target/bench-wer/wasm32-unknown-unknown/release/bench_wer.wasm"
mkdir -p tests/bench/out
for n in 100 100000; do
  cargo run -q --release -p domain --example generate_models -- "$n" > "tests/bench/out/models-$n.json"
done
node tests/e2e/bench.mjs
