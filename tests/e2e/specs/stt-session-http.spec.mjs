// An STT Session over HTTP (the production build against the fake backend): the
// audio's bytes go up by the resumable protocol before the session is asked for,
// faults on the way are waited out, and a failed start keeps the user's choices.
import { createHash } from 'node:crypto';
import { test, expect } from './fixtures.mjs';
import { chunk, fakeBackend, httpConfig } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

/** A WAV header, then `size` bytes of a pattern, so a chunk out of place would show. */
const wav = (size) => Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'),
  Buffer.from(Array.from({ length: size }, (_, i) => i % 251))]);
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function openSession(page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'STT Session' }).click();
  return page.getByRole('dialog', { name: 'STT Session' });
}

test('the audio is uploaded in chunks, a busy chunk retried, and the session made with that upload', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('PUT', chunk('up1', 1), {
    status: 503, headers: { 'Retry-After': '1' }, body: '{"error":"unavailable","message":"Back in a moment."}',
  });
  const audio = wav(5 * 1024);
  const dialog = await openSession(page);
  await dialog.getByLabel('Language').selectOption({ label: 'German' });
  await dialog.getByLabel('Audio file').setInputFiles({ name: 'interview.wav', mimeType: 'audio/wav', buffer: audio });
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Upload of interview.wav' })).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText(/Server busy — retrying in 1 s/);
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  // The start said what the upload is for; every chunk arrived, the refused one twice.
  const [start] = backend.requestsTo('POST', '/uploads');
  expect(JSON.parse(start.body)).toEqual({ purpose: 'session_audio', file_name: 'interview.wav', size: audio.length });
  expect(new Set(backend.chunksSent('up1'))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  expect(backend.requestsTo('PUT', chunk('up1', 1))).toHaveLength(2);
  // The bytes the backend holds are the file's, and the session names that upload.
  expect(sha(backend.audio.up1.bytes)).toBe(sha(audio));
  const [created] = backend.requestsTo('POST', '/stt-sessions');
  expect(JSON.parse(created.body)).toMatchObject({ mode: 'transcription', language: 'de-DE', model_id: null, audio_upload_id: 'up1' });
  expect(created.at).toBeGreaterThan(backend.requestsTo('POST', '/uploads/up1/complete')[0].at);
  expect(backend.audio.up1.session).toBe('stt1');
  const row = page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr').first();
  await expect(row).toContainText('interview.wav');
});

test('a dropped connection mid-upload is waited out, and a refused start keeps every choice for Start again', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.dropFor(1_500, { method: 'PUT', where: chunk('up1', 2) });
  backend.failNext('POST', '/stt-sessions', { status: 503, body: '{"error":"unavailable","message":"Sessions are paused for a moment."}' });
  const audio = wav(4 * 1024);
  const dialog = await openSession(page);
  await dialog.getByRole('radio', { name: 'Force Alignment' }).check();
  await dialog.getByLabel('Language').selectOption({ label: 'German' });
  await dialog.getByLabel('Audio file').setInputFiles({ name: 'call.wav', mimeType: 'audio/wav', buffer: audio });
  await dialog.getByLabel('Existing transcript').setInputFiles({ name: 'call.srt', mimeType: 'text/plain', buffer: Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHallo\n') });
  await dialog.getByRole('button', { name: 'Start' }).press('Enter');
  await expect(dialog.getByRole('status')).toContainText(/Connection lost — retrying|Waiting for the network/);

  // The audio arrived; the session request was refused: said once, every choice kept.
  await expect(dialog.getByRole('alert')).toHaveText('Sessions are paused for a moment.', { timeout: 15_000 });
  await expect(dialog.getByText('Uploaded')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Force Alignment' })).toBeChecked();
  await expect(dialog.getByLabel('Language')).toHaveValue('de-DE');
  await expect(dialog.getByText('call.srt', { exact: false })).toBeVisible();
  const start = dialog.getByRole('button', { name: 'Start' });
  await expect(start).toBeEnabled();
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // Start again sent only the session request: the audio was already complete.
  expect(backend.requestsTo('POST', '/uploads')).toHaveLength(1);
  expect(backend.requestsTo('POST', '/uploads/up1/complete')).toHaveLength(1);
  const tries = backend.requestsTo('POST', '/stt-sessions');
  expect(tries).toHaveLength(2);
  expect(tries[1].idempotencyKey).toBe(tries[0].idempotencyKey);
  expect(sha(backend.audio.up1.bytes)).toBe(sha(audio));
  await expect(page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr').first()).toContainText('call.wav + call.srt');
});
