// Uploads on a real network: drops, throttling, hung and corrupted chunks, lost
// answers, expired tokens, partial batches and reloads, against the fake backend.
import { writeFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures.mjs';
import { chunk, fakeBackend, httpConfig } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

/** A text file of `size` bytes on disk: a real file keeps its last-modified time, as a user's does. */
function fileOnDisk(name, size, fill = 'a') {
  const path = test.info().outputPath(name);
  writeFileSync(path, fill.repeat(size));
  return path;
}

async function openNewDataset(page, modelId = 'm1') {
  await page.goto(`/custom-models/${modelId}`);
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function upload(page, paths) {
  const dialog = await openNewDataset(page);
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles(paths);
  await dialog.getByRole('button', { name: 'Create' }).click();
  return dialog;
}

const fileRow = (dialog, name) => dialog.getByRole('listitem').filter({ hasText: name });
const datasetNames = (backend, model = 'm1') => (backend.datasets[model] ?? []).map((d) => d.name);
const indexes = (n) => Array.from({ length: n }, (_, i) => i);

test('a 6-second network drop mid-file: the file completes, one upload, no DELETE', async ({ page }) => {
  test.setTimeout(90_000);
  const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 100 });
  backend.dropFor(6_000, { method: 'PUT', where: chunk('up1', 3) });
  const dialog = await upload(page, [fileOnDisk('calls.txt', 10 * 1024)]);
  await expect(fileRow(dialog, 'calls.txt')).toContainText(/retrying in \d+ s/);
  await expect(dialog).toBeHidden({ timeout: 75_000 });
  expect(backend.requestsTo('POST', '/custom-models/m1/uploads')).toHaveLength(1);
  expect(backend.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  expect(new Set(backend.chunksSent('up1'))).toEqual(new Set(indexes(10)));
  expect(datasetNames(backend)).toEqual(['calls.txt']);
});

test('offline and back: the upload waits for the network, then carries on', async ({ page, context }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 150 });
  const dialog = await upload(page, [fileOnDisk('calls.txt', 60 * 1024)]);
  await expect.poll(() => backend.chunksSent('up1').length).toBeGreaterThanOrEqual(2);
  await context.setOffline(true);
  await expect(fileRow(dialog, 'calls.txt')).toContainText('Waiting for the network…');
  await context.setOffline(false);
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  expect(new Set(backend.chunksSent('up1'))).toEqual(new Set(indexes(60)));
  expect(backend.requestsTo('POST', '/custom-models/m1/uploads')).toHaveLength(1);
  expect(backend.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
});

test('a 429 with Retry-After: 3 is obeyed: the chunk comes again no sooner', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('PUT', chunk('up1', 1), {
    status: 429, headers: { 'Retry-After': '3' }, body: '{"error":"rate_limited","message":"Slow down."}',
  });
  const dialog = await upload(page, [fileOnDisk('calls.txt', 4 * 1024)]);
  await expect(fileRow(dialog, 'calls.txt')).toContainText(/Server busy — retrying in [1-3] s/);
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  const [refused, retried] = backend.requestsTo('PUT', chunk('up1', 1));
  expect(retried.at - refused.at).toBeGreaterThanOrEqual(3_000);
  expect(datasetNames(backend)).toEqual(['calls.txt']);
});

test('a 503 with an HTML body from a proxy is waited out', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('PUT', chunk('up1', 0), {
    status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Unavailable</h1></body></html>',
  });
  const dialog = await upload(page, [fileOnDisk('calls.txt', 2 * 1024)]);
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  expect(backend.requestsTo('PUT', chunk('up1', 0))).toHaveLength(2);
  expect(datasetNames(backend)).toEqual(['calls.txt']);
});

test.describe('with short request timeouts', () => {
  test.use({ consoleConfig: { ...httpConfig, timeouts: { requestMs: 1_500 } } });

  test('a hung chunk times out and is sent again', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024 });
    backend.hangNext('PUT', chunk('up1', 1));
    const dialog = await upload(page, [fileOnDisk('calls.txt', 3 * 1024)]);
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    const tries = backend.requestsTo('PUT', chunk('up1', 1));
    expect(tries).toHaveLength(2);
    expect(tries[0].hung).toBe(true);
    expect(datasetNames(backend)).toEqual(['calls.txt']);
  });
});

test('Cancel during a hung chunk aborts it at once and discards the upload', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.hangNext('PUT', chunk('up1', 1));
  const failed = [];
  page.on('requestfailed', (r) => failed.push({ url: r.url(), chunk: r.headers()['upload-chunk'], at: Date.now() }));
  const dialog = await upload(page, [fileOnDisk('calls.txt', 3 * 1024)]);
  await expect.poll(() => backend.requestsTo('PUT', chunk('up1', 1)).length).toBe(1);
  const clicked = Date.now();
  await dialog.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(fileRow(dialog, 'calls.txt')).toContainText('Upload cancelled.');
  await expect.poll(() => failed.filter((f) => f.url.endsWith('/uploads/up1') && f.chunk === '1').length).toBe(1);
  expect(failed[0].at - clicked).toBeLessThan(1_000);
  await expect.poll(() => backend.requestsTo('DELETE', '/uploads/up1').length).toBe(1);
  expect(backend.requestsTo('DELETE', '/uploads/up1')[0].at - clicked).toBeLessThan(1_000);
  expect(backend.requestsTo('POST', '/uploads/up1/complete')).toHaveLength(0);
});

test.describe('with a host that hands out tokens', () => {
  test.use({ consoleConfig: { apiBaseUrl: '/api' } });

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.__tokenCalls = 0;
      window.customModelsConfig.getToken = () => `token-${++window.__tokenCalls}`;
    });
  });

  test('a 401 asks getToken for a fresh token and the chunk is retried with it', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024 });
    backend.failNext('PUT', chunk('up1', 1), { status: 401, body: '{"error":"unauthorized","message":"Token expired."}' });
    const dialog = await upload(page, [fileOnDisk('calls.txt', 3 * 1024)]);
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    const [refused, retried] = backend.requestsTo('PUT', chunk('up1', 1));
    expect(retried.authorization).toMatch(/^Bearer token-\d+$/);
    expect(retried.authorization).not.toBe(refused.authorization);
    expect(datasetNames(backend)).toEqual(['calls.txt']);
  });

  test('a second 401 pauses the upload with a sign-in message; it resumes once signed in', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024 });
    const refusal = { status: 401, body: '{"error":"unauthorized","message":"Token expired."}' };
    backend.failNext('PUT', chunk('up1', 0), refusal);
    backend.failNext('PUT', chunk('up1', 0), refusal);
    const dialog = await upload(page, [fileOnDisk('calls.txt', 2 * 1024)]);
    await expect(fileRow(dialog, 'calls.txt')).toContainText('sign in again');
    expect(backend.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    await fileRow(dialog, 'calls.txt').getByRole('button', { name: 'Try again' }).click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    expect(backend.requestsTo('POST', '/custom-models/m1/uploads')).toHaveLength(1);
    expect(datasetNames(backend)).toEqual(['calls.txt']);
  });
});

test('a chunk that arrives damaged is refused by its digest and sent again', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.corruptNext('PUT', chunk('up1', 1));
  const dialog = await upload(page, [fileOnDisk('calls.txt', 3 * 1024)]);
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  const tries = backend.requestsTo('PUT', chunk('up1', 1));
  expect(tries).toHaveLength(2);
  for (const r of backend.requests.filter((r) => r.method === 'PUT')) expect(r.digest).toMatch(/^sha-256=:[A-Za-z0-9+/]{43}=:$/);
  expect(datasetNames(backend)).toEqual(['calls.txt']);
});

test('a lost answer to complete makes one dataset, not two', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.loseAnswerNext('POST', '/uploads/up1/complete');
  const dialog = await upload(page, [fileOnDisk('calls.txt', 2 * 1024)]);
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  const completes = backend.requestsTo('POST', '/uploads/up1/complete');
  expect(completes).toHaveLength(2);
  expect(completes[1].idempotencyKey).toBeTruthy();
  expect(completes[1].idempotencyKey).toBe(completes[0].idempotencyKey);
  expect(datasetNames(backend)).toEqual(['calls.txt']);
  await expect(page.getByRole('table', { name: 'Datasets' }).locator('tbody tr')).toHaveCount(1);
});

test('a lost answer to start makes one upload, not two', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.loseAnswerNext('POST', '/custom-models/m1/uploads');
  const dialog = await upload(page, [fileOnDisk('calls.txt', 2 * 1024)]);
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  const starts = backend.requestsTo('POST', '/custom-models/m1/uploads');
  expect(starts).toHaveLength(2);
  expect(starts[1].idempotencyKey).toBe(starts[0].idempotencyKey);
  expect(backend.uploadCount).toBe(1);
  expect(datasetNames(backend)).toEqual(['calls.txt']);
});

test('a batch with one refused file: Retry failed sends only that file, each file exactly once', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('POST', '/custom-models/m1/uploads', { status: 503, body: '{"error":"busy","message":"Busy."}' });
  backend.failNext('PUT', chunk('up2', 0), { status: 422, body: '{"error":"unreadable","message":"The server could not read this file."}' });
  const files = ['a.txt', 'b.txt', 'c.txt'].map((n, i) => fileOnDisk(n, 1024 + i * 700, n[0]));
  const dialog = await upload(page, files);
  await expect(fileRow(dialog, 'b.txt').getByRole('alert')).toContainText('Upload failed: The server could not read this file.');
  await expect(fileRow(dialog, 'c.txt')).toContainText('Uploaded');
  await expect(fileRow(dialog, 'a.txt')).toContainText('Uploaded');
  await expectNoAxeViolations(page);
  const sentBefore = backend.requests.filter((r) => r.method === 'PUT').length;
  await dialog.getByRole('button', { name: 'Retry failed' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  expect(datasetNames(backend).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  const after = backend.requests.filter((r) => r.method === 'PUT').slice(sentBefore);
  expect(after.every((r) => r.path === '/uploads/up2')).toBe(true);
  expect(backend.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
});

test('a failed or queued file can be removed from the batch', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024 });
  backend.failNext('PUT', chunk('up1', 0), { status: 413, body: '{"error":"too_large","message":"Too large."}' });
  const dialog = await upload(page, [fileOnDisk('a.txt', 1024, 'a'), fileOnDisk('b.txt', 1024, 'b')]);
  await expect(fileRow(dialog, 'a.txt').getByRole('alert')).toContainText('Too large.');
  await expect(fileRow(dialog, 'b.txt')).toContainText('Uploaded');
  await dialog.getByRole('button', { name: 'Remove a.txt' }).click();
  await expect(fileRow(dialog, 'a.txt')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Retry failed' })).toHaveCount(0);
});

test.describe('resuming after a reload', () => {
  async function startThenReload(page, backend, path) {
    await upload(page, [path]);
    await expect.poll(() => backend.chunksSent('up1').length).toBeGreaterThanOrEqual(2);
    await page.reload();
    const section = page.getByRole('region', { name: 'Unfinished uploads' });
    await expect(section.getByRole('listitem').filter({ hasText: 'calls.txt' })).toContainText(/\d+ % sent/);
    return section;
  }

  test('choosing the same file sends only the missing chunks', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 1_000 });
    const path = fileOnDisk('calls.txt', 8 * 1024);
    const section = await startThenReload(page, backend, path);
    const held = [...backend.uploads.up1.received.keys()];
    const before = backend.requests.length;
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Resume calls.txt' }).click();
    await (await chooser).setFiles(path);
    await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('calls.txt', { timeout: 20_000 });
    const resent = backend.requests.slice(before).filter((r) => r.method === 'PUT').map((r) => r.chunk);
    expect(resent.sort((a, b) => a - b)).toEqual(indexes(8).filter((i) => !held.includes(i)));
    expect(backend.requestsTo('GET', '/uploads/up1')).toHaveLength(1);
    expect(backend.requestsTo('POST', '/custom-models/m1/uploads')).toHaveLength(1);
    expect(datasetNames(backend)).toEqual(['calls.txt']);
    await expect(section).toHaveCount(0);
  });

  test('a different file is refused with the reason, and nothing is sent', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 1_000 });
    const section = await startThenReload(page, backend, fileOnDisk('calls.txt', 8 * 1024));
    const before = backend.requests.length;
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Resume calls.txt' }).click();
    await (await chooser).setFiles(fileOnDisk('other.txt', 3 * 1024));
    await expect(section.getByRole('alert')).toContainText('not the same file');
    await expectNoAxeViolations(page);
    expect(backend.requests.slice(before).filter((r) => r.path.startsWith('/uploads/'))).toHaveLength(0);
    await expect(section.getByRole('button', { name: 'Resume calls.txt' })).toBeVisible();
  });

  test('an upload the server forgot is dropped with a notice', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 1_000 });
    const path = fileOnDisk('calls.txt', 8 * 1024);
    const section = await startThenReload(page, backend, path);
    delete backend.uploads.up1;
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Resume calls.txt' }).click();
    await (await chooser).setFiles(path);
    await expect(page.getByText('The server no longer holds the upload of calls.txt')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Resume calls.txt' })).toHaveCount(0);
    expect(backend.requests.filter((r) => r.method === 'PUT' && r.at > backend.requestsTo('GET', '/uploads/up1')[0].at)).toHaveLength(0);
  });

  test('Discard forgets the upload and tells the server', async ({ page }) => {
    const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 1_000 });
    const section = await startThenReload(page, backend, fileOnDisk('calls.txt', 8 * 1024));
    await section.getByRole('button', { name: 'Discard calls.txt' }).click();
    await expect(section).toHaveCount(0);
    expect(backend.requestsTo('DELETE', '/uploads/up1')).toHaveLength(1);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Unfinished uploads' })).toHaveCount(0);
  });
});

test('uploads carry on across pages, with an indicator and Cancel on every page', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 300 });
  const dialog = await upload(page, [fileOnDisk('calls.txt', 20 * 1024)]);
  await expect.poll(() => backend.chunksSent('up1').length).toBeGreaterThanOrEqual(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Custom Models' }).first().click();
  const indicator = page.getByRole('region', { name: 'Uploads' });
  await expect(indicator).toContainText('calls.txt');
  await expect(indicator).toContainText(/\d+ %/);
  await indicator.getByRole('button', { name: 'Cancel upload of calls.txt' }).click();
  await expect.poll(() => backend.requestsTo('DELETE', '/uploads/up1').length).toBe(1);
  await expect(indicator).toHaveCount(0);
});

test('leaving the page while bytes are still to be sent asks first', async ({ page }) => {
  const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 300 });
  await upload(page, [fileOnDisk('calls.txt', 20 * 1024)]);
  await expect.poll(() => backend.chunksSent('up1').length).toBeGreaterThanOrEqual(1);
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const prompt = await asked;
  expect(prompt.type()).toBe('beforeunload');
  await prompt.dismiss();
});
