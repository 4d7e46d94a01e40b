// The React host app of tests/host/react/, for serve.mjs: its production build
// (dist/, `npm run build` there) under /react/, and Vite's dev server (StrictMode
// checks, unbundled modules) under /react-dev/, started on first use in
// middleware mode so it needs no port of its own.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const app = fileURLToPath(new URL('../host/react/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
};
let dev;

/** Answers a request under /react/ or /react-dev/; false for any other path. */
export async function reactHost(req, res, path) {
  if (path === '/react-dev' || path.startsWith('/react-dev/')) {
    dev ??= startDevServer();
    const vite = await dev;
    vite.middlewares(req, res, () => { res.writeHead(404); res.end('not found'); });
    return true;
  }
  if (path !== '/react' && !path.startsWith('/react/')) return false;
  const rel = path.slice('/react/'.length);
  // Any path without an extension is one of the app's routes: its index.html.
  const file = join(app, 'dist', extname(rel) ? rel : 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: build tests/host/react first (scripts/build-hosts.sh)');
  }
  return true;
}

async function startDevServer() {
  const { createServer } = await import(pathToFileURL(join(app, 'node_modules/vite/dist/node/index.js')).href);
  return createServer({
    root: app,
    base: '/react-dev/',
    appType: 'spa',
    server: { middlewareMode: true, hmr: false },
  });
}
