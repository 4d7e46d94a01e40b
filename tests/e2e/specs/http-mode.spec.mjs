import { test, expect, modelRows } from './fixtures.mjs';
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
  await expect(page.getByText('German').first()).toBeVisible();
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

test('an unknown status code from the server is reported, not shown as a wrong badge', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.models[0].status = 9;
  await page.goto('/custom-models');
  await expect(page.getByRole('alert')).toContainText('cannot read');
});

test('a 404 for a model id shows not-found', async ({ page }) => {
  await fakeBackend(page);
  await page.goto('/custom-models/nope');
  await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible();
});
