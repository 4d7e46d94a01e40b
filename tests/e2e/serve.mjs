// Serves the release build (dist/) like a production host would: static files,
// and index.html for any other path so deep links into the console work.
// Under /sink/api/ answers the upload benchmark's sink (sink.mjs).
// Under /workspace/ it serves instead the example host page of tests/host/,
// which embeds the console; /embed/console.{js,css} and console_bg.wasm alias
// the build's hashed file names for it. /console/ serves the host build
// (dist-embed/, `make embed`), used by the host pages under /plain/ and /app/
// (tests/host/plain.html, app.html; their own files under /hosts/). /react/,
// /react-dev/ and /vue/ serve the host apps of tests/host/ (host-apps.mjs).
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sink } from './sink.mjs';
import { hostApp } from './host-apps.mjs';

// The console's page is served under the strict policy the README gives to
// deployments (its API is same-origin here, so connect-src 'self' covers it).
export const strictCsp = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "media-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

// DIST serves another build (a profiling build with function names, say).
const root = process.env.DIST || fileURLToPath(new URL('../../dist/', import.meta.url));
const hostPage = fileURLToPath(new URL('../host/index.html', import.meta.url));
const hostDir = fileURLToPath(new URL('../host/', import.meta.url));
const embedDir = process.env.DIST_EMBED || fileURLToPath(new URL('../../dist-embed/', import.meta.url));
const elementHosts = { '/plain': 'plain.html', '/app': 'app.html', '/picker': 'picker.html' };
const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));

async function resolve(path) {
  if (path === '/workspace' || path.startsWith('/workspace/')) return hostPage;
  if (path.startsWith('/console/')) return join(embedDir, path.slice('/console/'.length));
  if (path.startsWith('/hosts/')) return join(hostDir, path.slice('/hosts/'.length));
  const host = Object.keys(elementHosts).find((p) => path === p || path.startsWith(`${p}/`));
  if (host) return join(hostDir, elementHosts[host]);
  if (path.startsWith('/bench/data/')) return join(benchDir, 'out', path.slice('/bench/data/'.length));
  // The Leptos floor app (tests/bench/floor), built by scripts/bench.sh.
  if (path.startsWith('/bench/floor/')) return join(benchDir, 'out', 'floor', extname(path) ? path.slice('/bench/floor/'.length) : 'index.html');
  if (path.startsWith('/bench/')) return join(benchDir, path.slice('/bench/'.length));
  const alias = { '/embed/console.js': /^custom-models-console-.*\.js$/, '/embed/console_bg.wasm': /_bg\.wasm$/, '/embed/console.css': /^main-.*\.css$/ }[path];
  if (alias) return join(root, (await readdir(root)).find((f) => alias.test(f)) ?? 'missing');
  return extname(path) ? join(root, path) : join(root, 'index.html');
}
const port = Number(process.env.PORT || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path.startsWith('/sink/api/')) return sink(req, res, path.slice('/sink/api'.length));
  if (await hostApp(req, res, path)) return;
  const file = await resolve(path);
  try {
    const body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    const strict = file === join(root, 'index.html') || Object.values(elementHosts).some((f) => file === join(hostDir, f));
    if (strict) headers['content-security-policy'] = strictCsp;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ on http://127.0.0.1:${port}`));
