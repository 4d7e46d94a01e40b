// Live updates of the fake backend (docs/api.md, "Live updates"): tickets,
// `GET /events` as a stream, and what tests tell through it. A page's route
// cannot stream, so over page routes the stream is continued to a small
// server of Server-Sent Events on a socket (`eventHub`); fake-server.mjs
// streams on its own socket. Off unless a test asks (`events: true`): other
// tests keep the polling they were written for.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const refuse = (status, error, message) => ({ status, contentType: 'application/json', headers: {}, body: JSON.stringify({ error, message }) });

/** Adds the stream's state and the test's controls to the fake's `state`. */
export function eventState(state, events) {
  state.events = events;
  state.tickets = new Set();
  state.streams = new Set(); // open streams: { write(text), drop() }
  /** Tells every open stream `event: name` with `data`. */
  state.emit = (name, data) => {
    for (const s of state.streams) s.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  /** Ends every open stream as a broken connection would. */
  state.dropStreams = () => {
    for (const s of state.streams) s.drop();
    state.streams.clear();
  };
}

/** The answer to the live-update routes, or null for other paths. A stream's answer has `stream: true`. */
export function eventRoutes(state, record) {
  const { method, path } = record;
  if (path === '/events/tickets' && method === 'POST') {
    if (!state.events) return refuse(404, 'not_found', 'This backend has no live updates.');
    const ticket = randomBytes(24).toString('base64url');
    state.tickets.add(ticket);
    return { status: 201, contentType: 'application/json', headers: { 'Cache-Control': 'no-store' }, body: JSON.stringify({ ticket, expires_in: 60 }) };
  }
  if (path === '/events' && method === 'GET') {
    if (!state.events) return refuse(404, 'not_found', 'This backend has no live updates.');
    if (!state.tickets.delete(record.params.ticket)) return refuse(401, 'unauthorized', 'Sign in again.');
    return { status: 200, contentType: 'text/event-stream', headers: { 'Cache-Control': 'no-store' }, body: '', stream: true };
  }
  return null;
}

/** Opens a stream on `res` (a Node response) and keeps it among `state.streams`. */
export function openStream(state, res, extraHeaders = {}) {
  res.writeHead(200, { ...extraHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  res.write('event: ready\ndata: {}\n\n');
  const stream = { write: (text) => res.write(text), drop: () => res.socket?.destroy() };
  state.streams.add(stream);
  res.on('close', () => state.streams.delete(stream));
}

/** A socket for the streams of a page-routed fake: `url` to continue `GET /events` to. */
export async function eventHub(state) {
  const server = createServer((req, res) => openStream(state, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/events`,
    close: () => { server.closeAllConnections(); server.close(); },
  };
}
