// What a fake cannot show: the reference server dies (SIGKILL) in the middle of
// the console's work and comes back on the same port and data, and the work goes
// on with nothing lost and nothing done twice. The browser talks to cm-server
// directly over TCP from the console's origin; the crashes are timed by watching
// the browser's requests (page.route), the answers themselves come from the server.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { CmServer } from './cm-server.mjs';

// The page's CSP (serve.mjs) names its own origin only; a deployment lists its API
// origin there, which here is a port picked at run time.
test.use({ bypassCSP: true });
test.describe.configure({ mode: 'serial' });

let server;

test.beforeAll(async ({}, info) => {
  server = await CmServer.start({ origin: new URL(info.project.use.baseURL).origin, trainingMs: 6000 });
});

test.afterAll(async () => {
  await server?.stop();
});

test.beforeEach(async ({ page }) => {
  // After the fixture's own configuration, so this one is what the console reads.
  await page.addInitScript((base) => {
    window.customModelsConfig = { apiBaseUrl: base, token: 'dev-admin' };
  }, server.base);
});

async function createModel(name) {
  const made = await fetch(`${server.base}/custom-models`, {
    method: 'POST',
    headers: { Authorization: 'Bearer dev-admin', 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ name, language: 'en-US' }),
  });
  expect(made.status).toBe(201);
  return (await made.json()).id;
}

/** A WebVTT transcript of at least `bytes`. */
function transcript(bytes) {
  let text = 'WEBVTT\n';
  for (let i = 0; text.length < bytes; i++) {
    const at = `${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    text += `\n00:${at}.000 --> 00:${at}.500\nplease send the invoice number ${i}\n`;
  }
  return Buffer.from(text);
}

/** A promise (`fired`) a route handler settles (`fire`), for the test to wait on. */
function signal() {
  let fire;
  const fired = new Promise((resolve) => { fire = resolve; });
  return { fired, fire, done: false };
}

const datasetRows = (page) => page.getByRole('table', { name: 'Datasets' }).locator('tbody tr');

test('the server dies as it keeps a chunk and again as it completes the upload: one dataset, every byte', async ({ page }) => {
  test.setTimeout(90_000);
  const modelId = await createModel('Survives crashes');
  const file = transcript(5.5 * 1024 * 1024);
  const chunkCrash = signal();
  const completeCrash = signal();
  // Each crash loses an answer: the server has acted (kept the chunk, made the
  // dataset) and dies before the browser hears it.
  await page.route(`${server.base}/uploads/**`, async (route) => {
    const request = route.request();
    const crashHere =
      (request.method() === 'PUT' && request.headers()['upload-chunk'] === '3' && !chunkCrash.done) ||
      (request.method() === 'POST' && request.url().endsWith('/complete') && !completeCrash.done);
    if (!crashHere) return route.continue();
    const crash = request.method() === 'PUT' ? chunkCrash : completeCrash;
    crash.done = true;
    const answer = await route.fetch();
    expect(answer.status()).toBeLessThan(300);
    await server.kill();
    await route.abort('connectionreset');
    crash.fire();
  });

  await page.goto(`/custom-models/${modelId}`);
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose')
    .setInputFiles([{ name: 'calls.vtt', mimeType: 'text/vtt', buffer: file }]);
  await dialog.getByRole('button', { name: 'Create' }).click();

  await chunkCrash.fired;
  // While the server is down the console keeps the upload and keeps trying.
  await expect(dialog).toBeVisible();
  await server.restart();
  await completeCrash.fired;
  await server.restart();

  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(datasetRows(page).filter({ hasText: 'calls.vtt' })).toHaveCount(1);
  const datasets = await server.get(`/custom-models/${modelId}/datasets`);
  expect(datasets.body.total, 'exactly one dataset').toBe(1);
  const stored = readFileSync(join(server.dataDir, 'datasets', datasets.body.items[0].id));
  expect(stored.equals(file), 'the stored file is the chosen file, byte for byte').toBe(true);
  // Nothing of the upload is left behind: its chunks were joined and let go.
  expect(readdirSync(join(server.dataDir, 'uploads'))).toEqual([]);
  await page.reload();
  await expect(datasetRows(page).filter({ hasText: 'calls.vtt' })).toHaveCount(1);
});

test('the server dies during a training and comes back: the training ends once, with one credit used', async ({ page }) => {
  test.setTimeout(90_000);
  const modelId = await createModel('Trains through a crash');
  await page.goto(`/custom-models/${modelId}`);
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose')
    .setInputFiles([{ name: 'train.vtt', mimeType: 'text/vtt', buffer: transcript(4_000) }]);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(datasetRows(page).filter({ hasText: 'train.vtt' })).toContainText('Valid', { timeout: 15_000 });

  const credits = (await server.get('/credits')).body.remaining;
  // The server dies just after it started the training: the page's first look
  // at the running model after Train finds it gone.
  const crash = signal();
  let trained = false;
  await page.route(`${server.base}/custom-models/${modelId}**`, async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.url().endsWith('/train')) trained = true;
    if (!trained || request.method() !== 'GET' || crash.done) return route.continue();
    crash.done = true;
    await server.kill();
    await route.abort('connectionrefused');
    crash.fire();
  });
  await page.getByRole('button', { name: 'Train the Language' }).click();
  const train = page.getByRole('dialog', { name: 'Train the Language?' });
  await train.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();

  await crash.fired;
  // The page's refreshes fail while the server is down; it says so and keeps trying.
  await expect(page.getByRole('status').filter({ hasText: 'Could not refresh' }).first())
    .toBeVisible({ timeout: 30_000 });
  await server.restart();

  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible({ timeout: 60_000 });
  // The credits, unreadable while the server was down, are read again.
  const left = credits - 1;
  await expect(page.getByText(left === 1 ? '1 training credit left' : `${left} training credits left`)).toBeVisible();
  expect((await server.get('/credits')).body.remaining, 'one credit used, once').toBe(credits - 1);
  const model = (await server.get(`/custom-models/${modelId}`)).body;
  expect(model.status).toBe(4);
  const versions = await server.get(`/custom-models?from_model_id=${modelId}`);
  expect(versions.body.total, 'no second model made by the restart').toBe(0);
});
