# The two commands of the README. Both install what is missing first.
.PHONY: serve serve-http test bench embed

# Serve the console on http://127.0.0.1:8080 in mock mode (demo data).
serve:
	scripts/install-tools.sh build
	PATH="$(CURDIR)/.tools/node_modules/.bin:$$HOME/.cargo/bin:$$PATH" trunk serve

# The same console in HTTP mode against the reference server (crates/server, cm-server
# on http://127.0.0.1:8787/v1, data kept in .data/, signed in as dev-admin).
serve-http:
	scripts/install-tools.sh build
	cargo build -p server
	scripts/serve-http.sh

# Run every test tier: native, browser unit, and end-to-end against the release build.
test:
	scripts/install-tools.sh test
	scripts/test-all.sh

# The build for host pages: dist-embed/ with stable names (see README, Embedding).
embed:
	scripts/install-tools.sh build
	scripts/build-embed.sh

# Build the release bundle and print the performance table (also docs/perf.md).
# `make bench BENCH_ONLY=sizes`: only the size table by crate and module (a few minutes).
bench:
	scripts/install-tools.sh test
	scripts/bench.sh
