#!/usr/bin/env bash
# `make embed`: the build for host pages, with stable file names in dist-embed/:
#   custom-models-console.js        one ES module: loads the WASM beside it, defines
#                                   <custom-models-console> and <custom-model-select>,
#                                   exports mount, mountModelSelect and version
#   custom-models-console_bg.wasm
#   custom-models-console.d.ts      the exports, the config, both elements, the events
#   custom-model-select.js          the picker alone, for a page that shows only it:
#   custom-model-select_bg.wasm     defines <custom-model-select>, exports
#   custom-model-select.d.ts        mountModelSelect and version (HTTP mode only: no demo)
#   manifest.json                   version, and each file's size and SRI sha384
#   package.json                    an npm package: `npm install ./dist-embed`, or the
#                                   tarball of `npm pack dist-embed`; bundlers find the
#                                   WASM beside each module (new URL(…, import.meta.url))
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=dist-embed
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
rm -rf "$out" && mkdir -p "$out"

# One module: `cargo build` with these feature flags, then wasm-bindgen and wasm-opt.
module() {
  local name=$1
  shift
  cargo build --release --lib --target wasm32-unknown-unknown "$@"
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" \
    target/wasm32-unknown-unknown/release/custom_models_console.wasm
  if command -v wasm-opt > /dev/null; then
    wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      -o "$out/${name}_bg.wasm" "$out/${name}_bg.wasm"
  fi
  rm -f "$out/${name}_bg.wasm.d.ts"
}
module custom-models-console
# Without `console` (and `demo`), nothing reaches the pages: the linker drops them.
module custom-model-select --no-default-features

node - "$out" "$version" <<'JS'
const { readFileSync, writeFileSync, appendFileSync, statSync } = require('node:fs');
const { createHash } = require('node:crypto');
const [out, version] = process.argv.slice(2);
const css = readFileSync('style/main.css', 'utf8') + readFileSync('embed/shadow.css', 'utf8');
const read = (file) => readFileSync(`embed/${file}`, 'utf8');
const modules = {
  'custom-models-console': ['shadow-mount.js', 'console-element.js', 'select-element.js'],
  'custom-model-select': ['shadow-mount.js', 'select-element.js'],
};
const files = {};
for (const [name, parts] of Object.entries(modules)) {
  const elements = parts.map(read).join('\n')
    .replace('__CM_VERSION__', JSON.stringify(version))
    .replace('__CM_STYLES__', JSON.stringify(css));
  appendFileSync(`${out}/${name}.js`, elements);
  appendFileSync(`${out}/${name}.d.ts`, read('types.d.ts'));
  for (const file of [`${name}.js`, `${name}_bg.wasm`, `${name}.d.ts`]) {
    const bytes = readFileSync(`${out}/${file}`);
    files[file] = { bytes: statSync(`${out}/${file}`).size, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
  }
}
writeFileSync(`${out}/manifest.json`, JSON.stringify({ name: 'custom-models-console', version, files }, null, 2) + '\n');
const entry = (name) => ({ types: `./${name}.d.ts`, default: `./${name}.js` });
const pkg = {
  name: 'custom-models-console',
  version,
  description: 'The Custom Models console and model picker as custom elements: <custom-models-console>, <custom-model-select>.',
  type: 'module',
  main: './custom-models-console.js',
  module: './custom-models-console.js',
  types: './custom-models-console.d.ts',
  exports: {
    '.': entry('custom-models-console'),
    './select': entry('custom-model-select'),
    './custom-models-console.js': entry('custom-models-console'),
    './custom-model-select.js': entry('custom-model-select'),
    './custom-models-console_bg.wasm': './custom-models-console_bg.wasm',
    './custom-model-select_bg.wasm': './custom-model-select_bg.wasm',
    './manifest.json': './manifest.json',
    './package.json': './package.json',
  },
  // Importing a module defines its elements: bundlers must keep the import.
  sideEffects: ['./custom-models-console.js', './custom-model-select.js'],
  files: Object.keys(files).concat('manifest.json'),
};
writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
JS
echo "dist-embed/: $(ls "$out" | tr '\n' ' ')"
