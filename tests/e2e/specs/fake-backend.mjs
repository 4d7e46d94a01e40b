// A fake of the backend in docs/api.md, answering the console's requests to
// /api/** inside the page (or on a real socket: ../fake-server.mjs). It records
// every request so tests can check what the console sends, checks requests and
// answers against docs/openapi.yaml, keeps the idempotency rules, and injects the
// faults real networks produce: error answers (with headers such as Retry-After),
// dropped connections, hung requests, lost answers (the server acts, the reply
// never arrives) and corrupted chunks. The answers themselves: fake-routes.mjs.
import { requestProblems, responseProblems } from './contract.mjs';
import { evaluationControls } from './fake-evaluations.mjs';
import { eventHub, eventRoutes, eventState } from './fake-events.mjs';
import { json, route } from './fake-routes.mjs';

export const httpConfig = { apiBaseUrl: '/api', token: 'test-token-123' };

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

/** Names one chunk of an upload for the fault injectors and `requestsTo`: all chunks share one URL. */
export const chunk = (uploadId, index) => ({ path: `/uploads/${uploadId}`, chunk: index });

/** Does a request match `where`: a path prefix, or `{ path, chunk }` from `chunk()`. */
function matches(where, record) {
  if (typeof where === 'string') return record.path.startsWith(where);
  return record.path === where.path && (where.chunk === undefined || record.chunk === where.chunk);
}

/** Answers kept for an idempotent replay: the request was carried out or refused on its merits.
 * Not 401, 422, 429 nor 5xx, which say nothing of the request itself (docs/api.md). */
const keptStatus = (status) => status < 300 || [400, 402, 403, 404, 409, 413].includes(status);

/** A request as the fake sees it, whatever carried it. `headers` has lower-case names. */
export function recordOf(method, url, headers, bytes) {
  const chunkHeader = headers['upload-chunk'];
  return {
    method, path: url.pathname.replace(/^\/api/, ''), query: url.searchParams, params: Object.fromEntries(url.searchParams),
    headers, authorization: headers.authorization, contentType: headers['content-type'] ?? null,
    bytes: bytes ?? Buffer.alloc(0), body: bytes?.length ? bytes.toString('utf8') : null,
    digest: headers['content-digest'], idempotencyKey: headers['idempotency-key'],
    chunk: chunkHeader === undefined ? undefined : Number(chunkHeader), at: Date.now(),
  };
}

/** `chunkDelayMs` holds each chunk's answer back, as a slow link would, so tests can act mid-upload. */
export function backendState({
  models = makeModels(30), user, datasets = {}, chunkSize = 1024, credits = 3, chunkDelayMs = 0, sessions = [],
  refuseInvalid = false, tokenless = false, events = false,
} = {}) {
  const state = {
    // The console was given no token (a host page that signs in its own way): its
    // requests are not asked for "Authorization: Bearer".
    tokenless,
    // Answer a request that breaks the contract with 400 (or 401) as a real server
    // would, instead of noting it as the console's fault (Schemathesis runs).
    refuseInvalid,
    models,
    datasets, // model id -> dataset objects
    uploads: {},
    audio: {}, // completed session audio: upload id -> { file_name, size, bytes, session }
    sessions, // newest first
    credits,
    chunkSize,
    chunkDelayMs,
    user: user ?? { id: 'u1', name: 'Ana', role: 'ORGADMIN', organization_id: 'org1' },
    requests: [],
    failures: [],
    // What docs/openapi.yaml says is wrong with the fake's answers or the console's
    // requests; the test fixture fails a test that leaves any here.
    contractProblems: [],
    checkContract: true,
    uploadCount: 0,
    datasetCount: 0,
    drops: [],
    hangs: [],
    lostAnswers: [],
    corruptions: [],
    replies: new Map(), // idempotency: "path key" -> { body, answer } (no answer yet: in flight)
  };
  evaluationControls(state);

  eventState(state, events);
  /** For tests of a backend that breaks the contract on purpose. */
  state.offContract = () => { state.checkContract = false; };
  /** The next request matching `method where` (path without /api, or `chunk()`) gets this
   * answer ({ status, body, contentType, headers }) instead. */
  state.failNext = (method, where, answer) => state.failures.push({ method, where, answer });
  /** For `ms` milliseconds every request fails as if the network were down: from now, or
   * from the first request matching `from` ({ method, where }), which fails too. */
  state.dropFor = (ms, from = null) => state.drops.push({ ms, from, until: from ? null : Date.now() + ms });
  /** The next matching request is never answered. */
  state.hangNext = (method, where) => state.hangs.push({ method, where });
  /** The next matching request is carried out, but its answer never reaches the browser. */
  state.loseAnswerNext = (method, where) => state.lostAnswers.push({ method, where });
  /** The next matching chunk arrives with one byte changed, as a broken link might deliver it. */
  state.corruptNext = (method, where) => state.corruptions.push({ method, where });
  /** Recorded requests for one method and path (or `chunk()`). */
  state.requestsTo = (method, where) => state.requests.filter((r) => r.method === method
    && (typeof where === 'string' ? r.path === where : matches(where, r)));
  /** The chunk indexes of one upload the fake accepted. */
  state.chunksSent = (uploadId) => state.requests
    .filter((r) => r.method === 'PUT' && r.path === `/uploads/${uploadId}` && r.answered)
    .map((r) => r.chunk);
  return state;
}

const take = (list, record) => {
  const i = list.findIndex((f) => f.method === record.method && matches(f.where, record));
  return i >= 0 ? list.splice(i, 1)[0] : null;
};

/** Lower-case header names of an answer, its Content-Type included. */
function answerHeaders(answer) {
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (answer.contentType) headers['content-type'] = answer.contentType;
  return headers;
}

/**
 * What happens to one request: `{ drop }` (the network fails), `{ hang }` (never
 * answered), or `{ answer, lose }` (answered; `lose`: the answer is lost on the way).
 */
export async function serve(state, record) {
  const { method, path } = record;
  state.requests.push(record);
  const problems = requestProblems(method, path, record).filter((p) => !(state.tokenless && p.endsWith('"Authorization: Bearer <token>"')));
  if (state.checkContract && !state.refuseInvalid) state.contractProblems.push(...problems);

  for (const d of state.drops) {
    if (d.until === null && d.from.method === method && matches(d.from.where ?? d.from.pathPrefix, record)) d.until = Date.now() + d.ms;
  }
  state.drops = state.drops.filter((d) => d.until === null || d.until > Date.now());
  if (state.drops.some((d) => d.until !== null)) {
    record.dropped = true;
    return { drop: true };
  }
  if (take(state.hangs, record)) {
    record.hung = true;
    return { hang: true }; // never answered; the browser's own timeout or abort ends it
  }
  const failure = take(state.failures, record);
  if (failure) return { answer: failure.answer };
  const lose = Boolean(take(state.lostAnswers, record));
  if (take(state.corruptions, record) && record.bytes.length) {
    record.bytes = Buffer.from(record.bytes);
    record.bytes[0] ^= 0xff;
  }

  if (state.refuseInvalid && problems.length) {
    const signedOut = problems.some((p) => p.includes('Authorization'));
    return { answer: signedOut ? json(401, { error: 'unauthorized', message: 'Sign in again.' }, { 'WWW-Authenticate': 'Bearer' })
      : json(400, { error: 'invalid_request', message: problems[0] }) };
  }

  const key = method === 'POST' && record.idempotencyKey ? `${path} ${record.idempotencyKey}` : null;
  const kept = key && state.replies.get(key);
  let answer;
  if (kept && kept.body !== (record.body ?? '')) {
    answer = json(422, { error: 'idempotency_key_reused', message: 'That Idempotency-Key was used for another request.' });
  } else if (kept && !kept.answer) {
    answer = json(409, { error: 'idempotency_key_in_flight', message: 'That request is still being carried out.' }, { 'Retry-After': '1' });
  } else if (kept) {
    record.replayed = true;
    answer = kept.answer;
  } else {
    if (key) state.replies.set(key, { body: record.body ?? '' });
    answer = eventRoutes(state, record) ?? (await route(state, record)) ?? json(404, { error: 'not_found', message: `The fake backend has no ${method} ${path}` });
    if (key && keptStatus(answer.status)) state.replies.set(key, { body: record.body ?? '', answer });
    else if (key) state.replies.delete(key);
  }
  if (state.checkContract && !record.replayed) {
    state.contractProblems.push(...responseProblems(method, path, answer.status, answer.body ?? '', answerHeaders(answer)));
  }
  record.answered = answer.status < 300;
  return { answer, lose };
}

export async function fakeBackend(page, options = {}) {
  const state = backendState(options);
  page.fakeBackend = state;
  const hub = state.events ? await eventHub(state) : null;
  if (hub) page.on('close', hub.close);
  await page.route('**/api/**', async (routed) => {
    const request = routed.request();
    const record = recordOf(request.method(), new URL(request.url()), request.headers(), request.postDataBuffer());
    const outcome = await serve(state, record);
    if (outcome.drop) return routed.abort('internetdisconnected');
    if (outcome.hang) return undefined;
    if (outcome.lose) return routed.abort('connectionreset');
    if (outcome.answer.stream) return routed.continue({ url: hub.url }).catch(() => {});
    // The browser may have given up meanwhile (a cancelled or timed-out chunk).
    return routed.fulfill(outcome.answer).catch(() => {});
  });
  return state;
}
