// Two people on one model, each in a browser of their own, both talking to the
// reference server over TCP: what one does, the other sees through the server's
// event stream (GET /events), with no reload and no polling.
import { createHash } from 'node:crypto';
import { test, expect } from './fixtures.mjs';
import { CmServer } from './cm-server.mjs';

// The page's CSP names its own origin only; a deployment lists its API origin there.
test.use({ bypassCSP: true });
test.describe.configure({ mode: 'serial' });

let server;

test.beforeAll(async ({}, info) => {
  server = await CmServer.start({ origin: new URL(info.project.use.baseURL).origin });
});

test.afterAll(async () => {
  await server?.stop();
});

const datasetRows = (page) => page.getByRole('table', { name: 'Datasets' }).locator('tbody tr');

async function api(method, path, body) {
  const answer = await fetch(`${server.base}${path}`, {
    method,
    headers: { Authorization: 'Bearer dev-admin', 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: body && JSON.stringify(body),
  });
  expect(answer.ok, `${method} ${path}: ${answer.status}`).toBe(true);
  return answer.json();
}

/** A browser of its own (its own context) on the model's page, listening to the server. */
async function openModel(browser, modelId, baseURL) {
  const context = await browser.newContext({ baseURL, bypassCSP: true });
  await context.addInitScript((base) => {
    window.customModelsConfig = { apiBaseUrl: base, token: 'dev-admin' };
    localStorage.setItem('customModelsGuideShown', 'true');
  }, server.base);
  const page = await context.newPage();
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const listening = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/events') && r.status() === 200);
  await page.goto(`/custom-models/${modelId}`);
  await listening;
  return { context, page, asked };
}

test('a dataset one person deletes goes from the other\'s page, told by the server', async ({ browser }, info) => {
  const model = await api('POST', '/custom-models', { name: 'Shared by two', language: 'en-US' });
  for (const name of ['keep.vtt', 'remove.vtt']) {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nplease hold the line\n';
    const ticket = await api('POST', `/custom-models/${model.id}/uploads`, { file_name: name, size: text.length, type: 'TRANSCRIPT' });
    const digest = `sha-256=:${createHash('sha256').update(text).digest('base64')}:`;
    const sent = await fetch(`${server.base}/uploads/${ticket.upload_id}`, {
      method: 'PUT',
      body: text,
      headers: {
        Authorization: 'Bearer dev-admin', 'Content-Type': 'application/octet-stream', 'Upload-Chunk': '0', 'Content-Digest': digest,
      },
    });
    expect(sent.status).toBe(204);
    await api('POST', `/uploads/${ticket.upload_id}/complete`);
  }
  const baseURL = info.project.use.baseURL;
  const [alice, bob] = [await openModel(browser, model.id, baseURL), await openModel(browser, model.id, baseURL)];
  for (const { page } of [alice, bob]) {
    await expect(datasetRows(page)).toHaveCount(2);
    await expect(datasetRows(page).filter({ hasText: 'remove.vtt' })).toContainText('Valid');
  }
  const bobAskedBefore = bob.asked.filter((p) => p.endsWith('/datasets')).length;

  await alice.page.getByRole('button', { name: 'Actions for remove.vtt' }).click();
  await alice.page.getByRole('menuitem', { name: 'Delete' }).click();
  await alice.page.getByRole('dialog', { name: 'Delete dataset?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(datasetRows(alice.page)).toHaveCount(1);

  // Bob did nothing: the server's event made his page ask again, once.
  await expect(datasetRows(bob.page)).toHaveCount(1, { timeout: 5_000 });
  await expect(datasetRows(bob.page)).toContainText('keep.vtt');
  expect(bob.asked.filter((p) => p.endsWith('/datasets')).length - bobAskedBefore).toBe(1);
  await Promise.all([alice.context.close(), bob.context.close()]);
});
