// The fake backend's answers to docs/api.md, whatever carries the requests (a
// page's routes in fake-backend.mjs, a real socket in fake-server.mjs). Each
// route reads the request's record and the fake's state, and returns an answer
// `{ status, body, contentType, headers }` (or a promise of one).
import { createHash } from 'node:crypto';

import { evaluationRoutes } from './fake-evaluations.mjs';

export const languages = [
  { code: 'en-US', name: 'English (US)', trainable: true },
  { code: 'de-DE', name: 'German', trainable: true },
  { code: 'ja-JP', name: 'Japanese', trainable: false },
];

export const json = (status, body, headers = {}) => ({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });
const empty = () => ({ status: 204 });
const refuse = (status, error, message) => json(status, { error, message });
const notFound = (what) => refuse(404, 'not_found', `No ${what} with that id exists.`);
const now = () => new Date().toISOString();

/** `page` and `page_size` of a list request, and the slice of `all` they name. */
function paged(record, all) {
  const page = Number(record.params.page ?? 1);
  const size = Number(record.params.page_size ?? 25);
  return { items: all.slice((page - 1) * size, page * size), total: all.length, page, page_size: size };
}

/** The answer of the fake backend to one request, or null when it has no such route. */
export async function route(state, record) {
  const { method, path, params } = record;
  const body = () => JSON.parse(record.body ?? '{}');
  const evaluated = evaluationRoutes(state, record, path, json, (a) => a);
  if (evaluated) return evaluated;
  if (method === 'GET' && path === '/me') return json(200, state.user);
  if (method === 'GET' && path === '/languages') return json(200, { items: languages });
  if (method === 'GET' && path === '/credits') return json(200, { remaining: state.credits });
  if (method === 'GET' && path === '/custom-models') {
    const search = (params.search ?? '').toLowerCase();
    const hits = state.models.filter((m) => m.name.toLowerCase().includes(search)
      && (!params.status || String(m.status) === params.status)
      && (!params.language || m.language === params.language));
    return json(200, paged(record, hits));
  }
  if (method === 'POST' && path === '/custom-models') {
    const { name, language } = body();
    const model = { id: `m${state.models.length + 1}`, name, language, organization_id: 'org1', status: 1, last_modified: now(), failure_code: null };
    state.models.unshift(model);
    return json(201, model, { Location: `/custom-models/${model.id}` });
  }
  const one = path.match(/^\/custom-models\/([^/]+)$/);
  const model = one && state.models.find((m) => m.id === decodeURIComponent(one[1]));
  if (one && !model && ['GET', 'PATCH', 'DELETE'].includes(method)) return notFound('model');
  if (one && method === 'GET') return json(200, model);
  if (one && method === 'PATCH') {
    Object.assign(model, { name: body().name, last_modified: now() });
    return json(200, model);
  }
  if (one && method === 'DELETE') {
    state.models = state.models.filter((m) => m !== model);
    return empty();
  }
  const train = path.match(/^\/custom-models\/([^/]+)\/train$/);
  if (train && method === 'POST') {
    const trained = state.models.find((m) => m.id === decodeURIComponent(train[1]));
    if (!trained) return notFound('model');
    // Found by Schemathesis: without these the fake trained on credits it did not have.
    if (trained.status === 3) return refuse(409, 'training_running', 'The model is already training.');
    if (trained.status === 4) return refuse(409, 'already_trained', 'The model is trained and cannot be retrained.');
    if (state.credits < 1) return refuse(402, 'no-claims-available', 'Your organization has no training credits left.');
    trained.status = 3;
    state.credits -= 1;
    return json(200, trained);
  }
  // docs/api.md, "Cancelling a training": admins only, Running only, the credit given back.
  const cancel = path.match(/^\/custom-models\/([^/]+)\/train\/cancel$/);
  if (cancel && method === 'POST') {
    const running = state.models.find((m) => m.id === decodeURIComponent(cancel[1]));
    if (!running) return notFound('model');
    if (state.user.role === 'MEMBER') return refuse(403, 'forbidden', 'Only organization admins and system operators can cancel a training.');
    if (running.status !== 3) return refuse(409, 'training_not_running', 'This model is not training, so there is nothing to cancel.');
    Object.assign(running, { status: 2, progress: null, estimated_finish: null, last_modified: now() });
    state.credits += 1;
    return json(200, running);
  }
  const list = path.match(/^\/custom-models\/([^/]+)\/datasets$/);
  if (list && method === 'GET') return json(200, paged(record, state.datasets[decodeURIComponent(list[1])] ?? []));
  const oneDataset = path.match(/^\/custom-models\/([^/]+)\/datasets\/([^/]+)$/);
  if (oneDataset && method === 'DELETE') {
    const [, owner, id] = oneDataset.map(decodeURIComponent);
    state.datasets[owner] = (state.datasets[owner] ?? []).filter((d) => d.id !== id);
    return empty();
  }
  return uploadRoutes(state, record) ?? sessionRoutes(state, record);
}

/** Start, chunks (all to one URL, the index in `Upload-Chunk`), status, complete, abort. */
function uploadRoutes(state, record) {
  const { method, path } = record;
  const start = path.match(/^\/custom-models\/([^/]+)\/uploads$/);
  if (start && method === 'POST') {
    const id = `up${++state.uploadCount}`;
    state.uploads[id] = { model: decodeURIComponent(start[1]), request: JSON.parse(record.body), chunkSize: state.chunkSize, received: new Map() };
    return json(201, { upload_id: id, chunk_size: state.chunkSize }, { Location: `/uploads/${id}` });
  }
  if (path === '/uploads' && method === 'POST') {
    // A session's audio: the same chunks, no model, and kept once complete for its session.
    const request = JSON.parse(record.body);
    if (request.purpose !== 'session_audio') return refuse(400, 'invalid_request', 'purpose must be session_audio.');
    if (!/\.(wav|mp3|m4a|flac)$/i.test(request.file_name ?? '')) return refuse(400, 'invalid_audio_format', 'Choose an audio file.');
    const id = `up${++state.uploadCount}`;
    state.uploads[id] = { audio: true, request, chunkSize: state.chunkSize, received: new Map(), parts: new Map() };
    return json(201, { upload_id: id, chunk_size: state.chunkSize }, { Location: `/uploads/${id}` });
  }
  const upload = path.match(/^\/uploads\/([^/]+)$/);
  const id = upload && decodeURIComponent(upload[1]);
  const held = upload && state.uploads[id];
  if (upload && !held && ['GET', 'PUT', 'DELETE'].includes(method)) return notFound('upload');
  if (upload && method === 'PUT') return chunk(state, record, held);
  if (upload && method === 'GET') {
    return json(200, { upload_id: id, file_name: held.request.file_name, size: held.request.size,
      chunk_size: held.chunkSize, received: [...held.received.keys()] });
  }
  if (upload && method === 'DELETE') {
    delete state.uploads[id];
    return empty();
  }
  const complete = path.match(/^\/uploads\/([^/]+)\/complete$/);
  if (complete && method === 'POST') {
    const finished = state.uploads[decodeURIComponent(complete[1])];
    if (!finished) return notFound('upload');
    const count = Math.max(1, Math.ceil(finished.request.size / finished.chunkSize));
    if (finished.received.size < count) return refuse(400, 'validation_failed', 'Some chunks are missing.');
    if (finished.audio) return completeAudio(state, decodeURIComponent(complete[1]), finished);
    const dataset = { id: `d${++state.datasetCount}`, model_id: finished.model, name: finished.request.file_name, type: finished.request.type,
      duration_seconds: finished.request.duration_seconds ?? null, url: null, started_at: now(), finished_at: now() };
    (state.datasets[finished.model] ??= []).push(dataset);
    delete state.uploads[decodeURIComponent(complete[1])];
    return json(201, dataset);
  }
  return null;
}

/** One chunk, checked as docs/api.md says: its index, its length, then its digest. */
async function chunk(state, record, held) {
  const index = Number(record.chunk);
  const { size } = held.request;
  const count = Math.max(1, Math.ceil(size / held.chunkSize));
  const bytes = record.bytes;
  record.bodySize = bytes.length;
  if (!Number.isInteger(index) || index < 0) return refuse(400, 'invalid_request', 'Upload-Chunk must be a chunk index.');
  if (index >= count) return refuse(400, 'validation_failed', 'That chunk is past the end of the file.');
  if (bytes.length > held.chunkSize) return refuse(413, 'payload_too_large', `A chunk may be at most ${held.chunkSize} bytes.`);
  const expected = Math.min(held.chunkSize, size - index * held.chunkSize);
  if (bytes.length !== expected) return refuse(400, 'validation_failed', `Chunk ${index} must be ${expected} bytes.`);
  const digest = `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`;
  if (record.digest !== digest) return refuse(400, 'checksum_mismatch', 'The chunk did not arrive intact.');
  held.received.set(index, bytes.length);
  held.parts?.set(index, Buffer.from(bytes));
  if (state.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, state.chunkDelayMs));
  return empty();
}

/** A session's audio, whole, waiting for the one session that names it (`state.audio`, with its bytes). */
function completeAudio(state, id, finished) {
  const bytes = Buffer.concat([...finished.parts.keys()].sort((a, b) => a - b).map((i) => finished.parts.get(i)));
  state.audio[id] = { file_name: finished.request.file_name, size: finished.request.size, bytes, session: null };
  delete state.uploads[id];
  return json(201, { upload_id: id, purpose: 'session_audio', file_name: finished.request.file_name, size: finished.request.size });
}

/** The Home page's sessions, newest first; each takes its completed audio. */
function sessionRoutes(state, record) {
  const { method, path } = record;
  if (path !== '/stt-sessions') return null;
  if (method === 'GET') return json(200, paged(record, state.sessions));
  if (method !== 'POST') return null;
  const request = JSON.parse(record.body);
  const model = request.model_id && state.models.find((m) => m.id === request.model_id);
  if (request.model_id && (!model || model.status !== 4 || model.language !== request.language)) {
    return refuse(400, 'model_not_usable', 'That model is not trained on this language.');
  }
  if (request.mode === 'force_alignment' && !request.transcript_file_name) {
    return refuse(400, 'validation_failed', 'Force Alignment needs the existing transcript.');
  }
  if (state.uploads[request.audio_upload_id]?.audio) {
    return refuse(422, 'audio_upload_incomplete', 'The audio’s upload is not complete.');
  }
  const audio = state.audio[request.audio_upload_id];
  if (!audio || audio.session) return refuse(422, 'audio_upload_unknown', 'No uploaded audio has that id: upload the audio first.');
  const session = {
    id: `stt${state.sessions.length + 1}`, mode: request.mode, language: request.language,
    model_id: request.model_id ?? null, model_name: model?.name ?? null, audio_file_name: audio.file_name,
    transcript_file_name: request.transcript_file_name ?? null, status: 'queued', created_at: now(),
  };
  audio.session = session.id;
  state.sessions.unshift(session);
  return json(201, session);
}
