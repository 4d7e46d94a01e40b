// Sends the chosen file as the console does: start, chunks three at a time,
// complete. Each chunk carries its SHA-256 digest, as the console's do, so the
// floor does the same work with nothing else around it. The query string may
// name another API (`api`, `token`, `model`: the reference server's row).
const params = new URLSearchParams(location.search);
const API = params.get('api') ?? '/sink/api';
const MODEL = params.get('model') ?? 'm1';
const auth = params.has('token') ? { authorization: `Bearer ${params.get('token')}` } : {};
const PARALLEL = 3;

async function send(file) {
  const t0 = performance.now();
  const start = await fetch(`${API}/custom-models/${MODEL}/uploads`, {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ file_name: file.name, size: file.size, type: 'TRANSCRIPT' }),
  });
  if (!start.ok) throw new Error(`start: HTTP ${start.status}`);
  const { upload_id: id, chunk_size: chunk } = await start.json();
  const count = Math.max(1, Math.ceil(file.size / chunk));
  let nextIndex = 0;
  async function worker() {
    while (nextIndex < count) {
      const index = nextIndex++;
      const blob = file.slice(index * chunk, Math.min(file.size, (index + 1) * chunk));
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
      const header = `sha-256=:${btoa(String.fromCharCode(...digest))}:`;
      const headers = { ...auth, 'content-type': 'application/octet-stream', 'content-digest': header, 'upload-chunk': String(index) };
      const answer = await fetch(`${API}/uploads/${id}`, { method: 'PUT', headers, body: blob });
      if (!answer.ok) throw new Error(`chunk ${index}: HTTP ${answer.status}`);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const done = await fetch(`${API}/uploads/${id}/complete`, { method: 'POST', headers: { ...auth, 'idempotency-key': crypto.randomUUID() } });
  if (!done.ok) throw new Error(`complete: HTTP ${done.status}`);
  window.__uploadMs = performance.now() - t0;
}

document.getElementById('file').addEventListener('change', (e) => send(e.target.files[0]).catch((err) => { window.__uploadError = String(err); }));
