// The reference server's rows of `make bench`: a 1 GB upload from the console
// to cm-server on loopback beside a plain fetch loop to the same server, and the
// server's own cost (resident memory, CPU time) for 100 uploads at once beside
// 100 of its cheapest requests at once. The release binary (`cargo build -p
// server --release`, scripts/bench.sh) runs with its files in a temporary folder.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const binary = fileURLToPath(new URL('../../target/release/cm-server', import.meta.url));
const TOKEN = 'dev-admin';
// Linux counts a process's CPU time in clock ticks, 100 a second (USER_HZ).
const TICKS_PER_SECOND = 100;

async function startServer(origin) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cm-bench-server-'));
  const child = spawn(binary, ['--addr', '127.0.0.1:0', '--data-dir', dataDir, '--seed', 'empty', '--cors-origin', origin], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  if (line.done) throw new Error(`${binary} did not start: run "cargo build -p server --release" first`);
  return {
    base: `http://${line.value.trim()}/v1`,
    stop() {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
    /** Resident memory now and at its highest (bytes), and CPU time used so far (ms), from /proc. */
    usage() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kbOf = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
      // utime and stime are the 14th and 15th fields, counted after the command's closing parenthesis.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      return { rss: kbOf('VmRSS'), peak: kbOf('VmHWM'), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
    },
  };
}

function api(base) {
  const call = async (method, path, { body, headers = {} } = {}) => {
    const answer = await fetch(base + path, { method, body, headers: { Authorization: `Bearer ${TOKEN}`, ...headers } });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} ${path}: HTTP ${answer.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  };
  const json = (value) => ({ body: JSON.stringify(value), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() } });
  return {
    call,
    createModel: (name) => call('POST', '/custom-models', json({ name, language: 'en-US' })),
    /** One small file, whole: start, its one chunk with its digest, complete. */
    async upload(modelId, name, bytes) {
      const ticket = await call('POST', `/custom-models/${modelId}/uploads`, json({ file_name: name, size: bytes.length, type: 'TRANSCRIPT' }));
      const digest = `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`;
      await call('PUT', `/uploads/${ticket.upload_id}`, { body: bytes, headers: { 'Content-Type': 'application/octet-stream', 'Content-Digest': digest, 'Upload-Chunk': '0' } });
      return call('POST', `/uploads/${ticket.upload_id}/complete`, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    },
  };
}

/** Runs `work` and says what it cost the server: CPU time, wall time, resident memory at its highest. */
async function measure(server, work) {
  const before = server.usage();
  const t0 = performance.now();
  await work();
  const wallMs = performance.now() - t0;
  const after = server.usage();
  return { cpuMs: after.cpuMs - before.cpuMs, wallMs, rssBefore: before.rss, peak: after.peak };
}

/** 100 uploads of 64 KB files at once, beside 100 `GET /me` at once, each on a fresh server. */
async function concurrentCost(origin) {
  const results = {};
  for (const which of ['floor', 'uploads']) {
    const server = await startServer(origin);
    try {
      const client = api(server.base);
      const model = await client.createModel('Bench');
      // A settled server: started, its first model made, its memory as it idles.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const file = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nhello there\n'.padEnd(64 * 1024, '.'));
      results[which] = await measure(server, () => Promise.all(Array.from({ length: 100 }, (_, i) =>
        which === 'floor' ? client.call('GET', '/me') : client.upload(model.id, `small-${i}.vtt`, file))));
      if (which === 'uploads') {
        const listed = await client.call('GET', `/custom-models/${model.id}/datasets?page_size=100`);
        if (listed.total !== 100) throw new Error(`100 uploads made ${listed.total} datasets`);
      }
    } finally {
      server.stop();
    }
  }
  return results;
}

/**
 * A 1 GB file (`path`) to the server by the console and by the plain fetch loop
 * (tests/bench/upload-floor.js), taking turns, each timed from the click to the
 * finish; the dataset is deleted after each run so the next starts alike.
 */
async function throughput(browser, origin, path, size, runs) {
  const server = await startServer(origin);
  try {
    const client = api(server.base);
    const model = await client.createModel('Throughput');
    const result = { app: [], floor: [] };
    // The page's CSP (serve.mjs) names only its own origin; a deployment lists its API there.
    const context = await browser.newContext({ bypassCSP: true });
    for (let r = 0; r < runs; r++) {
      const app = await context.newPage();
      await app.addInitScript((base) => {
        localStorage.setItem('customModelsGuideShown', 'true');
        window.customModelsConfig = { apiBaseUrl: base, token: 'dev-admin' };
      }, server.base);
      await app.goto(`${origin}/custom-models/${model.id}`);
      await app.getByRole('button', { name: 'New Dataset' }).click();
      await app.getByLabel('Drop files here or click to choose').setInputFiles(path);
      await app.waitForFunction(() => !document.querySelector('form.cm-form button[type=submit]')?.disabled, null, { timeout: 30_000 });
      let t0 = Date.now();
      await app.getByRole('button', { name: 'Create' }).click();
      await app.getByRole('dialog', { name: 'New Dataset' }).waitFor({ state: 'hidden', timeout: 600_000 });
      result.app.push(size / 1024 ** 2 / ((Date.now() - t0) / 1000));
      await app.close();
      await deleteDatasets(client, model.id);

      const floor = await context.newPage();
      const query = new URLSearchParams({ api: server.base, token: TOKEN, model: model.id });
      await floor.goto(`${origin}/bench/upload-floor.html?${query}`);
      t0 = Date.now();
      await floor.getByLabel('File').setInputFiles(path);
      await floor.waitForFunction(() => window.__uploadMs || window.__uploadError, null, { timeout: 600_000, polling: 50 });
      const failed = await floor.evaluate(() => window.__uploadError);
      if (failed) throw new Error(`the fetch loop failed: ${failed}`);
      result.floor.push(size / 1024 ** 2 / ((Date.now() - t0) / 1000));
      console.error(`cm-server upload run ${r + 1}: console ${result.app.at(-1).toFixed(0)} MB/s, fetch loop ${result.floor.at(-1).toFixed(0)} MB/s`);
      await floor.close();
      await deleteDatasets(client, model.id);
    }
    await context.close();
    return result;
  } finally {
    server.stop();
  }
}

async function deleteDatasets(client, modelId) {
  const listed = await client.call('GET', `/custom-models/${modelId}/datasets`);
  if (listed.total !== 1) throw new Error(`an upload run made ${listed.total} datasets`);
  for (const dataset of listed.items) await client.call('DELETE', `/custom-models/${modelId}/datasets/${dataset.id}`);
}

/** The rows for docs/perf.md, in bench.mjs's columns. */
export async function serverRows(browser, { origin, path, size, runs, stats }) {
  const speed = await throughput(browser, origin, path, size, runs);
  const [app, floor] = [stats(speed.app), stats(speed.floor)];
  const cost = await concurrentCost(origin);
  const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  const mbs = (s) => `${s.median.toFixed(0)} MB/s (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const costOf = (c) => `CPU ${c.cpuMs.toFixed(0)} ms in ${c.wallMs.toFixed(0)} ms; RSS ${mb(c.rssBefore)} idle, ${mb(c.peak)} peak`;
  const ratio = app.median / floor.median;
  const { uploads, floor: light } = cost;
  return [
    ['upload 1 GB to cm-server (loopback, release build)', mbs(app), `fetch loop ${mbs(floor)}`, ratio.toFixed(2), '≥ 0.9× floor', ratio >= 0.9],
    ['cm-server: 100 uploads of 64 KB at once', costOf(uploads), `100 × GET /me: ${costOf(light)}`,
      (uploads.cpuMs / Math.max(light.cpuMs, 1)).toFixed(1), '≤ 256 MB peak RSS', uploads.peak <= 256 * 1024 ** 2],
  ];
}
