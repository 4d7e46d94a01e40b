import { test, expect } from './fixtures.mjs';
import { chunk, fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

const dataset = (id, name, url, type = 'TRANSCRIPT') => ({
  id, model_id: 'm2', name, type, duration_seconds: null, url,
  started_at: '2026-11-20T10:00:00Z', finished_at: '2026-11-20T10:01:00Z',
});

test('uploads send every chunk once to the upload\'s URL, each of the right size with its digest, then complete', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  await page.goto('/custom-models/m1');
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  const text = 'a'.repeat(2500);
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles([{ name: 'words.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const [start] = backend.requestsTo('POST', '/custom-models/m1/uploads');
  expect(JSON.parse(start.body)).toEqual({ file_name: 'words.txt', size: 2500, type: 'TRANSCRIPT' });
  // Up to three chunks travel at once, so they may arrive in any order.
  // Every chunk goes to the upload's one URL, its index in Upload-Chunk.
  const chunks = backend.requests.filter((r) => r.method === 'PUT').sort((a, b) => a.chunk - b.chunk);
  expect(chunks.map((r) => [r.path, r.chunk])).toEqual([['/uploads/up1', 0], ['/uploads/up1', 1], ['/uploads/up1', 2]]);
  expect(chunks.map((r) => r.bodySize)).toEqual([1024, 1024, 452]);
  expect(chunks.every((r) => /^sha-256=:[A-Za-z0-9+/]{43}=:$/.test(r.digest))).toBe(true);
  expect(start.idempotencyKey).toBeTruthy();
  expect(chunks.every((r) => r.authorization === 'Bearer test-token-123')).toBe(true);
  expect(backend.requestsTo('POST', '/uploads/up1/complete')).toHaveLength(1);
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('words.txt');
});

test('a chunk that fails once is retried, and the upload completes', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('PUT', chunk('up1', 1), { status: 503, body: '{"error":"unavailable","message":"try later"}' });
  await page.goto('/custom-models/m1');
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles([{ name: 'words.txt', mimeType: 'text/plain', buffer: Buffer.from('b'.repeat(2048)) }]);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  const sent = backend.requests.filter((r) => r.method === 'PUT').map((r) => r.chunk);
  expect(sent.sort()).toEqual([0, 1, 1]);
  expect(backend.requestsTo('POST', '/uploads/up1/complete')).toHaveLength(1);
});

test('a chunk the server refuses fails the file and keeps the dialog; only Cancel or Discard would discard the upload', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('PUT', chunk('up1', 0), { status: 413, body: '{"error":"too_large","message":"Chunk too large."}' });
  await page.goto('/custom-models/m1');
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles([{ name: 'w.txt', mimeType: 'text/plain', buffer: Buffer.from('words') }]);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Upload failed: Chunk too large.');
  await expect(dialog.getByRole('button', { name: 'Retry failed' })).toBeVisible();
  expect(backend.requestsTo('DELETE', '/uploads/up1')).toHaveLength(0);
  expect(backend.requestsTo('POST', '/uploads/up1/complete')).toHaveLength(0);
});

test('dataset URLs are links only when they are http(s)', async ({ page }) => {
  await fakeBackend(page, {
    datasets: {
      m2: [
        dataset('d1', 'good.vtt', 'https://cdn.example.com/good.vtt'),
        dataset('d2', 'evil1.vtt', 'javascript:alert(1)'),
        dataset('d3', 'evil2.vtt', 'JaVaScRiPt:alert(1)'),
        dataset('d4', 'evil3.vtt', ' javascript:alert(1)'),
        dataset('d5', 'evil4.vtt', 'java\tscript:alert(1)'),
        dataset('d6', 'evil5.vtt', 'data:text/html,<script>alert(1)</script>'),
      ],
    },
  });
  await page.goto('/custom-models/m2');
  const table = page.getByRole('table', { name: 'Datasets' });
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(table.getByRole('link')).toHaveCount(1);
  await expect(table.getByRole('link')).toHaveAttribute('href', 'https://cdn.example.com/good.vtt');
  await expect(table.locator('tbody tr').filter({ hasText: 'evil1.vtt' })).toContainText('javascript:alert(1)');
  await expect(page.locator('a[href^="javascript" i], a[href^="data" i]')).toHaveCount(0);
});

test('a 402 when training starts shows the no-claims-available explanation', async ({ page }) => {
  const backend = await fakeBackend(page, { datasets: { m2: [dataset('d1', 'a.vtt', null)] } });
  backend.failNext('POST', '/custom-models/m2/train', { status: 402, body: '{"error":"no-claims-available","message":"No claims"}' });
  await page.goto('/custom-models/m2');
  await expect(page.getByRole('region', { name: 'Training status: Ready to Run' })).toBeVisible();
  await page.getByRole('button', { name: 'Train the Language' }).click();
  const dialog = page.getByRole('dialog', { name: 'Train the Language?' });
  await dialog.getByRole('button', { name: 'Train' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your organization has no training credits left. Ask your organization admin for more training credits');
});

test('a failed rename keeps the typed name and says why', async ({ page }) => {
  const backend = await fakeBackend(page, { models: makeModels(3) });
  backend.failNext('PATCH', '/custom-models/m1', { status: 500, contentType: 'text/html', body: '<h1>oops</h1>' });
  await page.goto('/custom-models/m1');
  await page.getByLabel('Name').fill('Renamed model');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('alert')).toContainText('The name was not saved: The server had a problem (HTTP 500)');
  await expect(page.getByLabel('Name')).toHaveValue('Renamed model');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText('Name saved.')).toBeVisible();
  expect(JSON.parse(backend.requestsTo('PATCH', '/custom-models/m1').at(-1).body)).toEqual({ name: 'Renamed model' });
});
