// A fake of the backend in docs/api.md, answering the console's requests to
// /api/** inside the page. It records every request so tests can check what the
// console sends, and can be told to fail the next matching request.

import { requestProblems, responseProblems } from './contract.mjs';

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

export async function fakeBackend(page, { models = makeModels(30), user, datasets = {}, chunkSize = 1024, credits = 3 } = {}) {
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
  };
  page.fakeBackend = state;

  /** For tests of a backend that breaks the contract on purpose. */
  state.offContract = () => { state.checkContract = false; };

  /** The next request matching `method path` (path without /api) gets this answer instead. */
  state.failNext = (method, pathPrefix, answer) => state.failures.push({ method, pathPrefix, answer });
  /** Recorded requests for one method and path. */
  state.requestsTo = (method, path) => state.requests.filter((r) => r.method === method && r.path === path);

  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.replace(/^\/api/, '');
    const record = {
      method: request.method(), path, params: Object.fromEntries(url.searchParams),
      authorization: request.headers()['authorization'], body: request.postData(),
    };
    state.requests.push(record);
    if (state.checkContract && ['POST', 'PATCH', 'PUT'].includes(record.method) && record.body && !path.includes('/chunks/')) {
      state.contractProblems.push(...requestProblems(record.method, path, record.body));
    }

    const failure = state.failures.findIndex((f) => f.method === record.method && path.startsWith(f.pathPrefix));
    if (failure >= 0) {
      const [{ answer }] = state.failures.splice(failure, 1);
      return route.fulfill({ status: answer.status, contentType: answer.contentType ?? 'application/json', body: answer.body });
    }
    const json = (status, body) => {
      const text = JSON.stringify(body);
      if (state.checkContract) state.contractProblems.push(...responseProblems(record.method, path, status, text));
      return route.fulfill({ status, contentType: 'application/json', body: text });
    };

    if (record.method === 'GET' && path === '/me') return json(200, state.user);
    if (record.method === 'GET' && path === '/languages') return json(200, { items: languages });
    if (record.method === 'GET' && path === '/credits') return json(200, { remaining: state.credits });
    if (record.method === 'GET' && path === '/custom-models') {
      const page = Number(record.params.page ?? 1);
      const size = Number(record.params.page_size ?? 25);
      const search = (record.params.search ?? '').toLowerCase();
      const hits = state.models.filter((m) => m.name.toLowerCase().includes(search));
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
      const id = `up${Object.keys(state.uploads).length + 1}`;
      state.uploads[id] = { model: start[1], request: JSON.parse(record.body), chunks: {} };
      return json(201, { upload_id: id, chunk_size: state.chunkSize ?? chunkSize });
    }
    const chunk = path.match(/^\/uploads\/([^/]+)\/chunks\/(\d+)$/);
    if (chunk && record.method === 'PUT') {
      record.bodySize = request.postDataBuffer()?.length ?? 0;
      state.uploads[chunk[1]].chunks[chunk[2]] = record.bodySize;
      return route.fulfill({ status: 204 });
    }
    const complete = path.match(/^\/uploads\/([^/]+)\/complete$/);
    if (complete && record.method === 'POST') {
      const upload = state.uploads[complete[1]];
      const dataset = { id: `d${Date.now()}`, model_id: upload.model, name: upload.request.file_name, type: upload.request.type,
        duration_seconds: upload.request.duration_seconds ?? null, url: null, started_at: new Date().toISOString(), finished_at: new Date().toISOString() };
      (state.datasets[upload.model] ??= []).push(dataset);
      return json(201, dataset);
    }
    const abort = path.match(/^\/uploads\/([^/]+)$/);
    if (abort && record.method === 'DELETE') {
      delete state.uploads[abort[1]];
      return route.fulfill({ status: 204 });
    }
    if (one && record.method === 'DELETE') {
      state.models = state.models.filter((m) => m.id !== decodeURIComponent(one[1]));
      return route.fulfill({ status: 204 });
    }
    return json(404, { error: 'not_found', message: `The fake backend has no ${record.method} ${path}` });
  });
  return state;
}
