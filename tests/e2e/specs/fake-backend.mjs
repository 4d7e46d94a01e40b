// A fake of the backend in docs/api.md, answering the console's requests to
// /api/** inside the page. It records every request so tests can check what the
// console sends, and injects the faults real networks produce: error answers
// (with headers such as Retry-After), dropped connections, hung requests, lost
// answers (the server acts, the reply never arrives) and corrupted chunks.
import { createHash } from 'node:crypto';

import { requestProblems, responseProblems } from './contract.mjs';
import { evaluationControls, evaluationRoutes } from './fake-evaluations.mjs';

export const httpConfig = { apiBaseUrl: '/api', token: 'test-token-123' };

const languages = [
  { code: 'en-US', name: 'English (US)', trainable: true },
  { code: 'de-DE', name: 'German', trainable: true },
  { code: 'ja-JP', name: 'Japanese', trainable: false },
];

export function makeModels(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i + 1}`,
    name: `Backend model ${String(i + 1).padStart(3, '0')}`,
    language: i % 2 ? 'de-DE' : 'en-US',
    organization_id: 'org1',
    status: (i % 5) + 1,
    last_modified: new Date(Date.UTC(2026, 10, 1, 12, i)).toISOString(),
    failure_code: null,
  }));
}

/** `chunkDelayMs` holds each chunk's answer back, as a slow link would, so tests can act mid-upload. */
export async function fakeBackend(page, { models = makeModels(30), user, datasets = {}, chunkSize = 1024, credits = 3, chunkDelayMs = 0 } = {}) {
  const state = {
    models,
    datasets, // model id -> dataset objects
    uploads: {},
    credits,
    user: user ?? { id: 'u1', name: 'Ana', role: 'ORGADMIN', organization_id: 'org1' },
    requests: [],
    failures: [],
    // What docs/openapi.yaml says is wrong with the fake's answers or the console's
    // request bodies; the test fixture fails a test that leaves any here.
    contractProblems: [],
    checkContract: true,
    uploadCount: 0,
    datasetCount: 0,
    drops: [],
    hangs: [],
    lostAnswers: [],
    corruptions: [],
    replies: new Map(), // idempotency: "METHOD path key" -> the first answer
  };
  page.fakeBackend = state;
  evaluationControls(state);

  /** For tests of a backend that breaks the contract on purpose. */
  state.offContract = () => { state.checkContract = false; };

  const take = (list, record) => {
    const i = list.findIndex((f) => f.method === record.method && record.path.startsWith(f.pathPrefix));
    return i >= 0 ? list.splice(i, 1)[0] : null;
  };
  /** The next request matching `method path` (path without /api) gets this answer
   * ({ status, body, contentType, headers }) instead. */
  state.failNext = (method, pathPrefix, answer) => state.failures.push({ method, pathPrefix, answer });
  /** For `ms` milliseconds every request fails as if the network were down: from now, or
   * from the first request matching `from` ({ method, pathPrefix }), which fails too. */
  state.dropFor = (ms, from = null) => state.drops.push({ ms, from, until: from ? null : Date.now() + ms });
  /** The next matching request is never answered. */
  state.hangNext = (method, pathPrefix) => state.hangs.push({ method, pathPrefix });
  /** The next matching request is carried out, but its answer never reaches the browser. */
  state.loseAnswerNext = (method, pathPrefix) => state.lostAnswers.push({ method, pathPrefix });
  /** The next matching chunk arrives with one byte changed, as a broken link might deliver it. */
  state.corruptNext = (method, pathPrefix) => state.corruptions.push({ method, pathPrefix });
  /** Recorded requests for one method and path. */
  state.requestsTo = (method, path) => state.requests.filter((r) => r.method === method && r.path === path);
  /** Recorded chunk uploads (PUT …/chunks/N) of one upload, as chunk indexes. */
  state.chunksSent = (uploadId) => state.requests
    .filter((r) => r.method === 'PUT' && r.path.startsWith(`/uploads/${uploadId}/chunks/`) && r.answered)
    .map((r) => Number(r.path.split('/').at(-1)));

  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.replace(/^\/api/, '');
    const headers = request.headers();
    const record = {
      method: request.method(), path, params: Object.fromEntries(url.searchParams),
      authorization: headers['authorization'], body: request.postData(),
      digest: headers['content-digest'], idempotencyKey: headers['idempotency-key'], at: Date.now(),
    };
    state.requests.push(record);
    if (state.checkContract && ['POST', 'PATCH', 'PUT'].includes(record.method) && record.body && !path.includes('/chunks/')) {
      state.contractProblems.push(...requestProblems(record.method, path, record.body));
    }

    for (const d of state.drops) {
      if (d.until === null && d.from.method === record.method && path.startsWith(d.from.pathPrefix)) d.until = Date.now() + d.ms;
    }
    state.drops = state.drops.filter((d) => d.until === null || d.until > Date.now());
    if (state.drops.some((d) => d.until !== null)) {
      record.dropped = true;
      return route.abort('internetdisconnected');
    }
    if (take(state.hangs, record)) {
      record.hung = true;
      return; // never answered; the browser's own timeout or abort ends it
    }
    const failure = take(state.failures, record);
    if (failure) {
      const { answer } = failure;
      return route.fulfill({ status: answer.status, contentType: answer.contentType ?? 'application/json', headers: answer.headers, body: answer.body });
    }
    const lose = take(state.lostAnswers, record);
    const replyKey = record.method === 'POST' && record.idempotencyKey ? `POST ${path} ${record.idempotencyKey}` : null;
    if (replyKey && state.replies.has(replyKey)) {
      record.replayed = true;
      return route.fulfill(state.replies.get(replyKey));
    }
    // Every answer goes through here: kept for idempotent replays, or lost on the way back.
    const fulfill = (answer) => {
      if (state.checkContract) state.contractProblems.push(...responseProblems(record.method, path, answer.status, answer.body ?? ''));
      if (replyKey && answer.status < 500) state.replies.set(replyKey, answer);
      record.answered = answer.status < 300;
      return lose ? route.abort('connectionreset') : route.fulfill(answer);
    };
    const json = (status, body) => fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

    const evaluated = evaluationRoutes(state, record, path, json, fulfill);
    if (evaluated) return evaluated;
    if (record.method === 'GET' && path === '/me') return json(200, state.user);
    if (record.method === 'GET' && path === '/languages') return json(200, { items: languages });
    if (record.method === 'GET' && path === '/credits') return json(200, { remaining: state.credits });
    if (record.method === 'GET' && path === '/custom-models') {
      const page = Number(record.params.page ?? 1);
      const size = Number(record.params.page_size ?? 25);
      const search = (record.params.search ?? '').toLowerCase();
      const hits = state.models.filter((m) => m.name.toLowerCase().includes(search)
        && (!record.params.status || String(m.status) === record.params.status)
        && (!record.params.language || m.language === record.params.language));
      return json(200, { items: hits.slice((page - 1) * size, page * size), total: hits.length, page, page_size: size });
    }
    const one = path.match(/^\/custom-models\/([^/]+)$/);
    if (one && record.method === 'GET') {
      const model = state.models.find((m) => m.id === decodeURIComponent(one[1]));
      return model ? json(200, model) : json(404, { error: 'not_found', message: 'No model with that id exists.' });
    }
    if (record.method === 'POST' && path === '/custom-models') {
      const { name, language } = JSON.parse(record.body ?? '{}');
      const model = { id: `m${state.models.length + 1}`, name, language, organization_id: 'org1', status: 1, last_modified: new Date().toISOString(), failure_code: null };
      state.models.unshift(model);
      return json(201, model);
    }
    if (one && record.method === 'PATCH') {
      const model = state.models.find((m) => m.id === decodeURIComponent(one[1]));
      Object.assign(model, JSON.parse(record.body), { last_modified: new Date().toISOString() });
      return json(200, model);
    }
    const train = path.match(/^\/custom-models\/([^/]+)\/train$/);
    if (train && record.method === 'POST') {
      const model = state.models.find((m) => m.id === train[1]);
      model.status = 3;
      state.credits -= 1;
      return json(200, model);
    }
    const list = path.match(/^\/custom-models\/([^/]+)\/datasets$/);
    if (list && record.method === 'GET') {
      const all = state.datasets[list[1]] ?? [];
      const page = Number(record.params.page ?? 1);
      const size = Number(record.params.page_size ?? 25);
      return json(200, { items: all.slice((page - 1) * size, page * size), total: all.length, page, page_size: size });
    }
    const start = path.match(/^\/custom-models\/([^/]+)\/uploads$/);
    if (start && record.method === 'POST') {
      const id = `up${++state.uploadCount}`;
      const size = state.chunkSize ?? chunkSize;
      state.uploads[id] = { model: start[1], request: JSON.parse(record.body), chunkSize: size, received: new Map() };
      return json(201, { upload_id: id, chunk_size: size });
    }
    const chunk = path.match(/^\/uploads\/([^/]+)\/chunks\/(\d+)$/);
    if (chunk && record.method === 'PUT') {
      const upload = state.uploads[chunk[1]];
      if (!upload) return json(404, { error: 'not_found', message: 'No such upload.' });
      const bytes = Buffer.from(request.postDataBuffer() ?? []);
      if (take(state.corruptions, record) && bytes.length) bytes[0] ^= 0xff;
      record.bodySize = bytes.length;
      const expected = `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`;
      if (record.digest !== expected) {
        return json(400, { error: 'checksum_mismatch', message: 'The chunk did not arrive intact.' });
      }
      upload.received.set(Number(chunk[2]), bytes.length);
      if (chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
      return fulfill({ status: 204 }).catch(() => {}); // the browser may have given up meanwhile
    }
    const upload = path.match(/^\/uploads\/([^/]+)$/);
    if (upload && record.method === 'GET') {
      const held = state.uploads[upload[1]];
      if (!held) return json(404, { error: 'not_found', message: 'No such upload.' });
      return json(200, { upload_id: upload[1], file_name: held.request.file_name, size: held.request.size,
        chunk_size: held.chunkSize, received: [...held.received.keys()] });
    }
    const complete = path.match(/^\/uploads\/([^/]+)\/complete$/);
    if (complete && record.method === 'POST') {
      const held = state.uploads[complete[1]];
      if (!held) return json(404, { error: 'not_found', message: 'No such upload.' });
      const count = Math.max(1, Math.ceil(held.request.size / held.chunkSize));
      if (held.received.size < count) return json(400, { error: 'validation_failed', message: 'Some chunks are missing.' });
      const dataset = { id: `d${++state.datasetCount}`, model_id: held.model, name: held.request.file_name, type: held.request.type,
        duration_seconds: held.request.duration_seconds ?? null, url: null, started_at: new Date().toISOString(), finished_at: new Date().toISOString() };
      (state.datasets[held.model] ??= []).push(dataset);
      delete state.uploads[complete[1]];
      return json(201, dataset);
    }
    if (upload && record.method === 'DELETE') {
      delete state.uploads[upload[1]];
      return fulfill({ status: 204 });
    }
    const oneDataset = path.match(/^\/custom-models\/([^/]+)\/datasets\/([^/]+)$/);
    if (oneDataset && record.method === 'DELETE') {
      const [, model, id] = oneDataset.map(decodeURIComponent);
      state.datasets[model] = (state.datasets[model] ?? []).filter((d) => d.id !== id);
      return fulfill({ status: 204 });
    }
    if (one && record.method === 'DELETE') {
      state.models = state.models.filter((m) => m.id !== decodeURIComponent(one[1]));
      return fulfill({ status: 204 });
    }
    return json(404, { error: 'not_found', message: `The fake backend has no ${record.method} ${path}` });
  });
  return state;
}
