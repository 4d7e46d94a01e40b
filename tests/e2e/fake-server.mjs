// The fake backend of specs/fake-backend.mjs on a real socket, for what a page's
// routes cannot show: a backend on another origin, with its CORS preflights
// (specs/cross-origin.spec.mjs), and property-based runs of Schemathesis
// (scripts/schemathesis.sh). Every request and answer is still checked against
// docs/openapi.yaml; the problems are printed when it runs alone:
//   PORT=8787 node fake-server.mjs     # serves http://127.0.0.1:8787/api
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

import { backendState, recordOf, serve } from './specs/fake-backend.mjs';
import { openStream } from './specs/fake-events.mjs';

/** What a browser on another origin may send and read (docs/api.md, "Retries and idempotency"). */
export const cors = {
  methods: 'GET, POST, PUT, PATCH, DELETE',
  requestHeaders: 'Authorization, Content-Type, Content-Digest, Idempotency-Key, Upload-Chunk',
  exposedHeaders: 'Retry-After, Location',
};

function body(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    req.on('data', (part) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/**
 * Starts the fake on 127.0.0.1 (`port` 0: any free one). `maxAge`: the seconds a
 * browser may cache a preflight (`Access-Control-Max-Age`), null to send none.
 * Resolves to `{ url, state, preflights, close }`; `url` ends in `/api`.
 */
export function startFakeServer({ port = 0, maxAge = 7200, ...options } = {}) {
  const state = backendState(options);
  const preflights = [];
  const server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    const allow = origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
    const url = new URL(req.url, 'http://fake');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      preflights.push({ path: url.pathname, method: req.headers['access-control-request-method'], at: Date.now() });
      const cache = maxAge === null ? {} : { 'Access-Control-Max-Age': String(maxAge) };
      res.writeHead(204, { ...allow, ...cache, 'Access-Control-Allow-Methods': cors.methods, 'Access-Control-Allow-Headers': cors.requestHeaders });
      return res.end();
    }
    const record = recordOf(req.method, url, req.headers, await body(req));
    const outcome = await serve(state, record);
    if (outcome.drop || outcome.lose) return req.socket.destroy();
    if (outcome.hang) return undefined;
    if (outcome.answer.stream) return openStream(state, res, allow);
    const { status, contentType, headers = {}, body: text } = outcome.answer;
    res.writeHead(status, { ...allow, 'Access-Control-Expose-Headers': cors.exposedHeaders, ...headers, ...(contentType ? { 'Content-Type': contentType } : {}) });
    return res.end(text);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/api`;
      resolve({ url, state, preflights, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, state } = await startFakeServer({ port: Number(process.env.PORT || 8787), chunkSize: 1024 * 1024, refuseInvalid: true });
  console.log(`fake backend on ${url}`);
  let reported = 0;
  setInterval(() => {
    for (const problem of state.contractProblems.slice(reported)) console.log(`contract: ${problem}`);
    reported = state.contractProblems.length;
    state.requests.length = 0; // a long run keeps no history
  }, 1000);
}
