// A minimal backend for the upload benchmark, served by serve.mjs under /sink/api/
// on the same origin: it answers what the console needs to show a model and take
// an upload, holds every request back by LATENCY_MS as a distant server would,
// and reads chunk bodies without keeping them.
const LATENCY_MS = 40;
const CHUNK_SIZE = 8 * 1024 * 1024;

const user = { id: 'u1', name: 'Bench', role: 'ORGADMIN', organization_id: 'org1' };
const model = { id: 'm1', name: 'Bench model', language: 'en-US', organization_id: 'org1', status: 1, last_modified: '2026-11-24T10:00:00Z', failure_code: null };
const uploads = new Map();
let next = 0;

/** Bytes received by the sink's chunk endpoint since it started. */
export const received = { bytes: 0 };

function drain(req) {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    req.on('data', (part) => { bytes += part.length; });
    req.on('end', () => resolve(bytes));
    req.on('error', reject);
  });
}

export async function sink(req, res, path) {
  const bytes = await drain(req);
  await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
  const json = (status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  const m = req.method;
  if (m === 'GET' && path === '/me') return json(200, user);
  if (m === 'GET' && path === '/languages') return json(200, { items: [{ code: 'en-US', name: 'English (US)', trainable: true }] });
  if (m === 'GET' && path === '/credits') return json(200, { remaining: 3 });
  if (m === 'GET' && path === '/custom-models/m1') return json(200, model);
  if (m === 'GET' && path === '/custom-models/m1/datasets') return json(200, { items: [], total: 0, page: 1, page_size: 25 });
  if (m === 'POST' && path === '/custom-models/m1/uploads') {
    const id = `up${++next}`;
    uploads.set(id, new Set());
    return json(201, { upload_id: id, chunk_size: CHUNK_SIZE });
  }
  // Every chunk of an upload goes to its one URL, the index in Upload-Chunk.
  const chunk = path.match(/^\/uploads\/([^/]+)$/);
  if (m === 'PUT' && chunk) {
    received.bytes += bytes;
    uploads.get(chunk[1])?.add(Number(req.headers['upload-chunk']));
    res.writeHead(204);
    return res.end();
  }
  const complete = path.match(/^\/uploads\/([^/]+)\/complete$/);
  if (m === 'POST' && complete) {
    return json(201, { id: `d${complete[1]}`, model_id: 'm1', name: 'bench.bin', type: 'TRANSCRIPT', duration_seconds: null, url: null, started_at: null, finished_at: null });
  }
  return json(404, { error: 'not_found', message: `The sink has no ${m} ${path}` });
}
