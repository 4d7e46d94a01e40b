// A console that keeps steady on a misbehaving backend: requests time out with
// Retry, polls that fail keep the data and try again, a hidden tab rests, an
// expired session is said once and stops background work, and the host's
// getToken is never bypassed.
import { test, expect, modelRows, settled, advance, expectNoAxeViolations } from './fixtures.mjs';
import { fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

/** A fake list whose first model is training (status 3) and the rest are not. */
function oneRunning() {
  const models = makeModels(8);
  models.forEach((m, i) => { m.status = i === 0 ? 3 : 2; });
  return models;
}

test.describe('with a short request timeout', () => {
  test.use({ consoleConfig: { ...httpConfig, timeouts: { requestMs: 1500 } } });

  test('a hung list request times out with a message, and Retry loads it', async ({ page }) => {
    const backend = await fakeBackend(page);
    backend.hangNext('GET', '/custom-models');
    await page.goto('/custom-models');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The server did not answer in time');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(modelRows(page)).toHaveCount(25);
  });
});

test('a failed poll on the details page keeps the model on screen, says so, and polling carries on', async ({ page }) => {
  const backend = await fakeBackend(page, { models: oneRunning() });
  await page.clock.install();
  await page.goto('/custom-models/m1');
  await expect(page.getByRole('heading', { level: 1, name: 'Backend model 001' })).toBeVisible();
  const polls = () => backend.requestsTo('GET', '/custom-models/m1').length;
  await expect.poll(polls).toBe(1);
  // Two polls fail (a proxy's HTML error page); the third finds training finished.
  const busy = { status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' };
  backend.failNext('GET', '/custom-models/m1', busy);
  backend.failNext('GET', '/custom-models/m1', busy);
  backend.models[0].status = 4;
  await page.clock.runFor(2_100);
  await expect(page.getByText('Could not refresh — retrying.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Backend model 001' })).toBeVisible();
  await advance(page, 10_000);
  await expect(page.getByText('Could not refresh — retrying.')).toHaveCount(0);
  await expect(page.locator('.cm-details .cm-badge')).toHaveText('Success');
  expect(polls()).toBe(4);
});

test('a failed poll on the list keeps its rows, says so, and polling carries on', async ({ page }) => {
  const backend = await fakeBackend(page, { models: oneRunning() });
  await page.clock.install();
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(8);
  backend.dropFor(60_000, { method: 'GET', pathPrefix: '/custom-models' });
  backend.models[0].status = 4;
  await page.clock.runFor(2_100);
  await expect(page.getByText('Could not refresh — retrying.')).toBeVisible();
  await expect(modelRows(page)).toHaveCount(8);
  await expectNoAxeViolations(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  backend.drops.length = 0;
  await advance(page, 70_000);
  await expect(page.getByText('Could not refresh — retrying.')).toHaveCount(0);
  await expect(modelRows(page).first().locator('.cm-badge')).toHaveText('Success');
});

test('a hidden tab does not poll, and refreshes once when shown again', async ({ page }) => {
  const backend = await fakeBackend(page, { models: oneRunning() });
  await page.clock.install();
  await page.goto('/custom-models/m1');
  await expect(page.getByRole('heading', { level: 1, name: 'Backend model 001' })).toBeVisible();
  const polls = () => backend.requestsTo('GET', '/custom-models/m1').length;
  const setHidden = (hidden) => page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await page.clock.runFor(120_000);
  await settled(page);
  expect(polls()).toBe(1);
  // Training ended meanwhile: the one refresh on return shows it, and polling ends.
  backend.models[0].status = 4;
  await setHidden(false);
  await expect.poll(polls).toBe(2);
  await expect(page.locator('.cm-details .cm-badge')).toHaveText('Success');
  await page.clock.runFor(60_000);
  await settled(page);
  expect(polls()).toBe(2);
});

test.describe('an expired session', () => {
  test.use({ consoleConfig: { ...httpConfig } });

  test('is said once, stops background requests and tells the host', async ({ page }) => {
    await page.addInitScript(() => {
      window.__told = { callback: 0, events: 0 };
      window.customModelsConfig.onUnauthorized = () => { window.__told.callback += 1; };
      document.addEventListener('cm-unauthorized', () => { window.__told.events += 1; });
    });
    const backend = await fakeBackend(page, { models: oneRunning() });
    await page.clock.install();
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(8);
    const unauthorized = { status: 401, body: '{"error":"unauthorized","message":"Token expired."}' };
    backend.failNext('GET', '/custom-models', unauthorized);
    await page.clock.runFor(2_100);
    const banner = page.getByRole('alert').filter({ hasText: 'Your session has expired — sign in again.' });
    await expect(banner).toHaveCount(1);
    await expect(modelRows(page)).toHaveCount(8);
    await expectNoAxeViolations(page);
    const listCalls = backend.requestsTo('GET', '/custom-models').length;
    await page.clock.runFor(120_000);
    await settled(page);
    expect(backend.requestsTo('GET', '/custom-models')).toHaveLength(listCalls);
    // A second refusal (the user opens a model) says nothing new.
    backend.failNext('GET', '/custom-models/m1', unauthorized);
    await modelRows(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'The model could not be loaded' })).toBeVisible();
    await expect(banner).toHaveCount(1);
    expect(await page.evaluate(() => window.__told)).toEqual({ callback: 1, events: 1 });
  });

  test('with getToken, a 401 asks for a fresh token and the request is sent again', async ({ page }) => {
    await page.addInitScript(() => {
      let n = 0;
      window.customModelsConfig = { apiBaseUrl: '/api', getToken: () => Promise.resolve(`fresh-${++n}`) };
    });
    const backend = await fakeBackend(page);
    backend.failNext('GET', '/custom-models', { status: 401, body: '{"error":"unauthorized","message":"Token expired."}' });
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    const lists = backend.requestsTo('GET', '/custom-models');
    expect(lists).toHaveLength(2);
    expect(lists[1].authorization).not.toBe(lists[0].authorization);
    expect(lists[1].authorization).toMatch(/^Bearer fresh-\d+$/);
    await expect(page.getByText('Your session has expired')).toHaveCount(0);
  });

  test('with getToken still refused after a fresh token, the session is expired', async ({ page }) => {
    await page.addInitScript(() => { window.customModelsConfig = { apiBaseUrl: '/api', getToken: async () => 'stale' }; });
    const backend = await fakeBackend(page);
    const refused = { status: 401, body: '{"error":"unauthorized","message":"Token expired."}' };
    backend.failNext('GET', '/custom-models', refused);
    backend.failNext('GET', '/custom-models', refused);
    await page.goto('/custom-models');
    await expect(page.getByRole('alert').filter({ hasText: 'Your session has expired — sign in again.' })).toBeVisible();
    expect(backend.requestsTo('GET', '/custom-models')).toHaveLength(2);
  });
});

for (const [what, message] of [
  ['throws', 'could not provide a sign-in token'],
  ['rejects', 'could not provide a sign-in token'],
  ['returns a number', 'gave no usable sign-in token'],
  ['never answers', 'did not provide a sign-in token in time'],
]) {
  test(`a getToken that ${what} is an error on screen, and nothing is sent without a token`, async ({ page }) => {
    await page.addInitScript((what) => {
      const getToken = {
        throws: () => { throw new Error('no session'); },
        rejects: () => Promise.reject(new Error('no session')),
        'returns a number': () => 12345,
        'never answers': () => new Promise(() => {}),
      }[what];
      window.customModelsConfig = { apiBaseUrl: '/api', getToken };
    }, what);
    const backend = await fakeBackend(page);
    await page.clock.install();
    await page.goto('/custom-models');
    await expect(page.getByRole('heading', { level: 1, name: 'Custom Models' })).toBeVisible();
    await page.clock.runFor(11_000);
    await expect(page.getByRole('alert').filter({ hasText: message }).first()).toBeVisible();
    expect(backend.requests).toEqual([]);
  });
}

test('leaving a page aborts its requests', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.hangNext('GET', '/custom-models');
  const aborted = page.waitForEvent('requestfailed', (r) => new URL(r.url()).pathname === '/api/custom-models');
  await page.goto('/custom-models');
  await expect.poll(() => backend.requestsTo('GET', '/custom-models').length).toBe(1);
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  const request = await aborted;
  expect(request.failure()?.errorText).toMatch(/ABORTED/);
});
