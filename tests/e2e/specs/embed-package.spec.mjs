// The files of dist-embed/ as a host receives them: each matches manifest.json
// (size and SRI hash), package.json makes it an npm package, and a strict
// TypeScript host compiles against the declarations. (scripts/build-hosts.sh packs
// it with `npm pack` and installs the tarball into the React host app.)
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const dir = new URL('../../../dist-embed/', import.meta.url);

test('every file of dist-embed matches manifest.json', () => {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));
  const cargo = readFileSync(new URL('../../../Cargo.toml', import.meta.url), 'utf8');
  expect(manifest.version).toBe(cargo.match(/^version = "(.*)"/m)[1]);
  expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(Object.keys(manifest.files).sort()).toEqual([
    'custom-model-select.d.ts', 'custom-model-select.js', 'custom-model-select_bg.wasm',
    'custom-models-console.d.ts', 'custom-models-console.js', 'custom-models-console_bg.wasm',
  ]);
  for (const [file, { bytes, integrity }] of Object.entries(manifest.files)) {
    const body = readFileSync(new URL(file, dir));
    expect(body.length, file).toBe(bytes);
    expect(`sha384-${createHash('sha384').update(body).digest('base64')}`, file).toBe(integrity);
  }
});

test('dist-embed is an npm package whose exports, types and files are all there', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));
  expect(pkg).toMatchObject({ name: 'custom-models-console', version: manifest.version, type: 'module', types: './custom-models-console.d.ts' });
  expect(pkg.exports['.']).toEqual({ types: './custom-models-console.d.ts', default: './custom-models-console.js' });
  expect(pkg.exports['./select']).toEqual({ types: './custom-model-select.d.ts', default: './custom-model-select.js' });
  expect(pkg.sideEffects).toEqual(['./custom-models-console.js', './custom-model-select.js']);
  expect([...pkg.files].sort()).toEqual([...Object.keys(manifest.files), 'manifest.json'].sort());
  const targets = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
  for (const target of targets) expect(() => readFileSync(new URL(target, dir)), target).not.toThrow();
});

test('a TypeScript host compiles with tsc --strict against the declarations', () => {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const host = fileURLToPath(new URL('../../host/host.ts', import.meta.url));
  const run = () => execFileSync(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', '--lib', 'esnext,dom', host], { encoding: 'utf8' });
  expect(run).not.toThrow();
});
