// The console on the reference server (crates/server, `cm-server`) over TCP: the
// same journeys as on the demo, against the server's HTTP, SQLite and files.
// The console's requests to /api go to the server (same origin, so the page's
// strict CSP holds); `cargo build -p server` makes the binary (make test does).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test, expect, modelRows } from './fixtures.mjs';

const binary = fileURLToPath(new URL('../../../target/debug/cm-server', import.meta.url));

test.use({ consoleConfig: { apiBaseUrl: '/api', token: 'dev-admin' } });
test.describe.configure({ mode: 'serial' });

let server;

/** Starts cm-server on a free port with an empty data directory; resolves its base URL. */
async function startServer() {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run "cargo build -p server" first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cm-server-e2e-'));
  const child = spawn(binary, ['--addr', '127.0.0.1:0', '--data-dir', dataDir, '--seed', 'empty', '--training-ms', '3000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [addr] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]);
  return { child, dataDir, base: `http://${addr}/v1` };
}

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(() => {
  server?.child.kill();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  await page.route('**/api/**', async (route) => {
    const url = new URL(route.request().url());
    const target = server.base + url.pathname.replace(/^\/api/, '') + url.search;
    // The event stream never ends, so it cannot be fetched whole: it goes straight through.
    if (url.pathname.endsWith('/events')) return route.continue({ url: target });
    const response = await route.fetch({ url: target });
    await route.fulfill({ response });
  });
});

const datasetRows = (page) => page.getByRole('table', { name: 'Datasets' }).locator('tbody tr');
const vtt = (cues) => 'WEBVTT\n\n' + Array.from({ length: cues }, (_, i) =>
  `00:${String(i).padStart(2, '0')}.000 --> 00:${String(i).padStart(2, '0')}.500\nplease send the invoice number ${i}\n`).join('\n');

test('a model made, a file uploaded in chunks, trained to Success, all kept by the server', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/custom-models');
  await expect(page.getByText('Demo data')).toHaveCount(0);
  // An empty server: the empty list offers New Custom Model too.
  await page.getByRole('button', { name: 'New Custom Model' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New Custom Model' });
  await dialog.getByLabel('Name').fill('Made on the server');
  await dialog.getByLabel('Base language').selectOption({ label: 'German' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Made on the server', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Training status: Not Running' })).toBeVisible();

  await page.getByRole('button', { name: 'New Dataset' }).click();
  const upload = page.getByRole('dialog', { name: 'New Dataset' });
  // Over 2 MiB: three chunks of the server's 1 MiB, each with its digest.
  let text = vtt(40);
  while (text.length < 2.5 * 1024 * 1024) text += `\n00:59.000 --> 00:59.500\nmore words ${text.length}\n`;
  await upload.getByLabel('Drop files here or click to choose')
    .setInputFiles([{ name: 'calls.vtt', mimeType: 'text/vtt', buffer: Buffer.from(text) }]);
  await upload.getByRole('button', { name: 'Create' }).click();
  await expect(upload).toBeHidden({ timeout: 20_000 });
  await expect(datasetRows(page).filter({ hasText: 'calls.vtt' })).toContainText('TRANSCRIPT');
  await expect(page.getByRole('region', { name: 'Training status: Ready to Run' })).toBeVisible();

  // The server checks the file for a moment; training waits for the check.
  await expect(datasetRows(page).filter({ hasText: 'calls.vtt' })).toContainText('Valid', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Train the Language' }).click();
  const train = page.getByRole('dialog', { name: 'Train the Language?' });
  await train.getByRole('button', { name: 'Train' }).click();
  await expect(train).toBeHidden();
  await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible({ timeout: 20_000 });

  await page.reload();
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible();
  await expect(datasetRows(page)).toHaveCount(1);
  await page.goto('/custom-models');
  await expect(modelRows(page).filter({ hasText: 'Made on the server' })).toContainText('Success');
});

test('a model another client makes through the API is in the list; a member may not delete it', async ({ page }) => {
  const made = await fetch(`${server.base}/custom-models`, {
    method: 'POST',
    headers: { Authorization: 'Bearer dev-admin', 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-made-elsewhere' },
    body: JSON.stringify({ name: 'Made elsewhere', language: 'en-US' }),
  });
  expect(made.status).toBe(201);
  await page.goto('/custom-models');
  await expect(modelRows(page).filter({ hasText: 'Made elsewhere' })).toContainText('Not Running');
  const refused = await fetch(`${server.base}/custom-models/${(await made.json()).id}`, {
    method: 'DELETE', headers: { Authorization: 'Bearer dev-member' },
  });
  expect([refused.status, (await refused.json()).error]).toEqual([403, 'forbidden']);
});

test('an STT Session sends its audio to the server first, through a lost connection, and the server keeps it', async ({ page }) => {
  test.setTimeout(60_000);
  // Two chunks of the server's 1 MiB: a WAV header, then a pattern.
  const audio = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'),
    Buffer.from(Array.from({ length: 1024 * 1024 + 500 }, (_, i) => i % 251))]);
  // The first chunk's connection fails once, as a dropped network does; the console sends it again.
  let dropped = false;
  await page.route('**/api/uploads/*', async (route) => {
    if (route.request().method() === 'PUT' && !dropped) {
      dropped = true;
      await route.abort('internetdisconnected');
    } else {
      await route.fallback();
    }
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'STT Session' }).click();
  const dialog = page.getByRole('dialog', { name: 'STT Session' });
  await dialog.getByLabel('Audio file').setInputFiles({ name: 'server-call.wav', mimeType: 'audio/wav', buffer: audio });
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const row = page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr').first();
  await expect(row).toContainText('server-call.wav');
  expect(dropped).toBe(true);

  // The file is on the server's disk, whole; its upload belongs to that session alone.
  const sessions = await (await fetch(`${server.base}/stt-sessions`, { headers: { Authorization: 'Bearer dev-admin' } })).json();
  expect(sessions.items[0].audio_file_name).toBe('server-call.wav');
  const kept = readdirSync(join(server.dataDir, 'audio')).map((name) => readFileSync(join(server.dataDir, 'audio', name)));
  expect(kept.some((bytes) => bytes.equals(audio))).toBe(true);
  const refused = await fetch(`${server.base}/stt-sessions`, {
    method: 'POST',
    headers: { Authorization: 'Bearer dev-admin', 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-no-audio' },
    body: JSON.stringify({ mode: 'transcription', language: 'en-US', model_id: null, audio_upload_id: 'up_0' }),
  });
  expect([refused.status, (await refused.json()).error]).toEqual([422, 'audio_upload_unknown']);
});
