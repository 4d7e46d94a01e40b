import { test, expect, modelRows, settled, createModel } from './fixtures.mjs';
import { fakeBackend, httpConfig } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

test('the console asks the backend for one page, with the bearer token', async ({ page }) => {
  const backend = await fakeBackend(page);
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  const [list] = backend.requestsTo('GET', '/custom-models');
  expect(list.authorization).toBe('Bearer test-token-123');
  expect(list.params).toMatchObject({ page: '1', page_size: '25', sort: 'last_modified', order: 'desc' });
  await expect(page.getByText('Demo data')).toHaveCount(0);
  await expect(modelRows(page).getByText('German').first()).toBeVisible();
});

test('a 500 with an HTML body shows the error state, and Retry recovers', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.failNext('GET', '/custom-models', { status: 500, contentType: 'text/html', body: '<html><h1>Internal Server Error</h1></html>' });
  await page.goto('/custom-models');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The models could not be loaded');
  await expect(alert).toContainText('HTTP 500');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(modelRows(page)).toHaveCount(25);
});

test('a 200 with malformed JSON is an error, not a crash', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.failNext('GET', '/custom-models', { status: 200, body: '{"items": [' });
  await page.goto('/custom-models');
  await expect(page.getByRole('alert')).toContainText('cannot read');
});

test('an unknown status code from the server is shown as Unknown, not as a wrong badge nor an error', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.offContract();
  backend.models[0].status = 9;
  await page.goto('/custom-models');
  await expect(modelRows(page).filter({ hasText: 'Backend model 001' }).locator('.cm-badge')).toHaveText(/^Unknown/);
  await expect(modelRows(page)).toHaveCount(25);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 404 for a model id shows not-found', async ({ page }) => {
  await fakeBackend(page);
  await page.goto('/custom-models/nope');
  await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible();
});

test('paging, page size, search and sort are request parameters', async ({ page }) => {
  const backend = await fakeBackend(page, { models: (await import('./fake-backend.mjs')).makeModels(130) });
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  await page.getByLabel('Rows per page').selectOption('50');
  await expect(modelRows(page)).toHaveCount(50);
  await page.getByRole('navigation', { name: 'Models pages' }).getByRole('link', { name: 'Page 2' }).click();
  await expect(page.getByText('51–100 of 130')).toBeVisible();
  let last = backend.requestsTo('GET', '/custom-models').at(-1);
  expect(last.params).toMatchObject({ page: '2', page_size: '50' });

  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
  last = backend.requestsTo('GET', '/custom-models').at(-1);
  expect(last.params).toMatchObject({ page: '1', page_size: '50', sort: 'name', order: 'asc' });

  await page.getByRole('searchbox', { name: 'Search models by name' }).fill('model 01');
  await expect(modelRows(page)).toHaveCount(10);
  last = backend.requestsTo('GET', '/custom-models').at(-1);
  expect(last.params).toMatchObject({ page: '1', page_size: '50', search: 'model 01', sort: 'name', order: 'asc' });
  // Only whole pages were asked for, never the whole collection.
  for (const r of backend.requestsTo('GET', '/custom-models')) expect(Number(r.params.page_size)).toBeLessThanOrEqual(100);
});

test('typing a search asks at once, then once when typing stops, not per keystroke', async ({ page }) => {
  const backend = await fakeBackend(page, { models: (await import('./fake-backend.mjs')).makeModels(130) });
  // The page's clock stands still while the keys are typed, so however slowly
  // this machine types them, they fall within one typing pause.
  await page.clock.install();
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  await page.clock.pauseAt(Date.now() + 60_000);
  const before = backend.requestsTo('GET', '/custom-models').length;
  await page.getByRole('searchbox', { name: 'Search models by name' }).pressSequentially('model 01');
  await page.clock.runFor(200);
  await expect(modelRows(page)).toHaveCount(10);
  // Requests without a search, or repeating the one before, are the list's own
  // refresh while a model trains, not keystrokes.
  const searches = backend
    .requestsTo('GET', '/custom-models')
    .slice(before)
    .map((r) => r.params.search)
    .filter((search, i, all) => search && search !== all[i - 1]);
  expect(searches).toEqual(['m', 'model 01']);
});

test('a failed create keeps the dialog open with the server message and the typed values', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.failNext('POST', '/custom-models', { status: 409, body: JSON.stringify({ error: 'duplicate_name', message: 'A model named “Support” already exists.' }) });
  await page.goto('/custom-models');
  const dialog = await createModel(page, 'Support');
  await expect(dialog.getByRole('alert')).toHaveText('A model named “Support” already exists.');
  await expect(dialog.getByLabel('Name')).toHaveValue('Support');
  await expect(dialog.getByLabel('Base language')).toHaveValue('de-DE');
  const [create] = backend.requestsTo('POST', '/custom-models');
  expect(JSON.parse(create.body)).toEqual({ name: 'Support', language: 'de-DE' });
  // A second try goes through.
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(modelRows(page).filter({ hasText: 'Support' })).toHaveCount(1);
});

test('a failed delete keeps the row and says why', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.failNext('DELETE', '/custom-models/m1', { status: 503, contentType: 'text/plain', body: 'upstream unavailable' });
  await page.goto('/custom-models?sort=name');
  await page.getByRole('button', { name: 'Actions for Backend model 001' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete custom model?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('alert')).toContainText('HTTP 503');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(modelRows(page).filter({ hasText: 'Backend model 001' })).toHaveCount(1);
});

/** Resolves once requests the page has already started have reached the fake backend. */

test('polling does not disturb the user: an open row menu keeps its focus', async ({ page }) => {
  const backend = await fakeBackend(page);
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  await page.getByRole('button', { name: 'Actions for Backend model 001' }).click();
  const edit = page.getByRole('menuitem', { name: 'Edit' });
  await expect(edit).toBeFocused();
  // The third list request is sent only after the first poll's answer was shown.
  await expect.poll(() => backend.requestsTo('GET', '/custom-models').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await expect(edit).toBeFocused();
  await expect(page.getByRole('button', { name: 'Actions for Backend model 001' })).toHaveAttribute('aria-expanded', 'true');
});

test('a poll that puts another model in a row closes that row\'s open menu', async ({ page }) => {
  const backend = await fakeBackend(page);
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  await page.getByRole('button', { name: 'Actions for Backend model 001' }).click();
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  backend.models.unshift(backend.models.pop()); // the last model moves to the top
  await expect(modelRows(page).first()).toContainText('Backend model 030', { timeout: 15_000 });
  await expect(page.getByRole('menuitem')).toHaveCount(0);
});

test('polling runs while a model trains, and stops when the page is left', async ({ page }) => {
  const backend = await fakeBackend(page);
  const polls = () => backend.requestsTo('GET', '/custom-models').length;
  await page.clock.install();
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  // The fake list holds Running models (status 3): the list polls.
  await expect.poll(polls, { timeout: 8_000 }).toBeGreaterThanOrEqual(3);
  await modelRows(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const after = polls();
  // A minute of the page's time passes at once: no list request follows.
  await page.clock.runFor(60_000);
  await settled(page);
  expect(polls()).toBe(after);
});

test('polling stops once nothing is running', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.models.forEach((m) => { if (m.status === 3) m.status = 2; });
  await page.clock.install();
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  await page.clock.runFor(60_000);
  await settled(page);
  expect(backend.requestsTo('GET', '/custom-models')).toHaveLength(1);
});

test('the Home page asks its sessions with a page size the backend accepts and shows the 5 newest', async ({ page }) => {
  const session = (n) => ({
    id: `stt${n}`, mode: 'transcription', language: 'en-US', model_id: null, model_name: null,
    audio_file_name: `call-${n}.wav`, transcript_file_name: null, status: 'done',
    created_at: new Date(Date.UTC(2026, 10, 24, 10, n)).toISOString(),
  });
  const backend = await fakeBackend(page, { sessions: [7, 6, 5, 4, 3, 2, 1].map(session) });
  await page.goto('/');
  const rows = page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('call-7.wav');
  await expect(rows.last()).toContainText('call-3.wav');
  // 25 is the smallest page size of the contract; the fixture fails a test whose requests break it.
  expect(backend.requestsTo('GET', '/stt-sessions').map((r) => r.params)).toEqual([{ page: '1', page_size: '25' }]);
});
