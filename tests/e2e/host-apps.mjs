// The host apps of tests/host/ (react/, vue/), for serve.mjs: each production
// build (its dist/, scripts/build-hosts.sh) under /react/ and /vue/, and the React
// app on Vite's dev server (StrictMode checks, unbundled modules) under
// /react-dev/, started on first use in middleware mode so it needs no port.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const hosts = fileURLToPath(new URL('../host/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
};
let dev;

/** Answers a request for one of the apps; false for any other path. */
export async function hostApp(req, res, path) {
  if (path === '/react-dev' || path.startsWith('/react-dev/')) {
    dev ??= startDevServer(join(hosts, 'react'));
    const vite = await dev;
    vite.middlewares(req, res, () => { res.writeHead(404); res.end('not found'); });
    return true;
  }
  const app = ['react', 'vue'].find((name) => path === `/${name}` || path.startsWith(`/${name}/`));
  if (!app) return false;
  const rel = path.slice(app.length + 2);
  // Any path without an extension is one of the app's routes: its index.html.
  const file = join(hosts, app, 'dist', extname(rel) ? rel : 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: build the host apps first (scripts/build-hosts.sh)');
  }
  return true;
}

async function startDevServer(root) {
  const { createServer } = await import(pathToFileURL(join(root, 'node_modules/vite/dist/node/index.js')).href);
  return createServer({ root, base: '/react-dev/', appType: 'spa', server: { middlewareMode: true, hmr: false } });
}
