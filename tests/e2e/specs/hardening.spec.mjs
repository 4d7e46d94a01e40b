// A client safe against lost answers and hostile ids: creating calls carry an
// Idempotency-Key that a retry reuses, and ids are one path segment or nothing.
import { test, expect, modelRows, createModel } from './fixtures.mjs';
import { fakeBackend, httpConfig } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

/** Opens the list, then New Custom Model: fills it in and presses Create. */
async function createModelOnList(page, name) {
  await page.goto('/custom-models');
  return createModel(page, name);
}

test('a lost answer to create: the retry carries the same key and makes one model', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.loseAnswerNext('POST', '/custom-models');
  const dialog = await createModelOnList(page, 'Support');
  await expect(dialog.getByRole('alert')).toContainText('Could not reach the server');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  const creates = backend.requestsTo('POST', '/custom-models');
  expect(creates).toHaveLength(2);
  expect(creates[0].idempotencyKey).toBeTruthy();
  expect(creates[1].idempotencyKey).toBe(creates[0].idempotencyKey);
  expect(backend.models.filter((m) => m.name === 'Support')).toHaveLength(1);
  await expect(modelRows(page).filter({ hasText: 'Support' })).toHaveCount(1);
});

test('a changed request after a failure gets a new key', async ({ page }) => {
  const backend = await fakeBackend(page);
  backend.failNext('POST', '/custom-models', { status: 503, body: '{"error":"busy","message":"Busy."}' });
  const dialog = await createModelOnList(page, 'Support');
  await expect(dialog.getByRole('alert')).toContainText('Busy.');
  await dialog.getByLabel('Name').fill('Support desk');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  const [first, second] = backend.requestsTo('POST', '/custom-models');
  expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
});

test('a lost answer to train: the retry starts no second training and uses one credit', async ({ page }) => {
  const audio = { id: 'd1', model_id: 'm2', name: 'calls.wav', type: 'AUDIO', duration_seconds: 60, url: null, started_at: null, finished_at: null };
  const backend = await fakeBackend(page, { credits: 3, datasets: { m2: [audio] } });
  const model = backend.models.find((m) => m.id === 'm2');
  expect(model.status).toBe(2);
  backend.loseAnswerNext('POST', `/custom-models/${model.id}/train`);
  await page.goto(`/custom-models/${model.id}`);
  await page.getByRole('button', { name: 'Train the Language' }).click();
  const dialog = page.getByRole('dialog', { name: 'Train the Language?' });
  await dialog.getByRole('button', { name: 'Train' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Could not reach the server');
  await dialog.getByRole('button', { name: 'Train' }).click();
  await expect(dialog).toBeHidden();
  const trains = backend.requestsTo('POST', `/custom-models/${model.id}/train`);
  expect(trains).toHaveLength(2);
  expect(trains[1].idempotencyKey).toBe(trains[0].idempotencyKey);
  expect(backend.credits).toBe(2);
});

test('a dataset id that is not one path segment is refused before any request; deletes use the page\'s model', async ({ page }) => {
  const dataset = (id, name, modelId = 'm2') => ({
    id, model_id: modelId, name, type: 'TRANSCRIPT', duration_seconds: null, url: null,
    started_at: '2026-11-20T10:00:00Z', finished_at: '2026-11-20T10:01:00Z',
  });
  const backend = await fakeBackend(page, { datasets: { m2: [dataset('..', 'odd.txt'), dataset('d7', 'moved.txt', 'm9')] } });
  await page.goto('/custom-models/m2');
  await page.getByRole('button', { name: 'Actions for odd.txt' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete dataset?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm.getByRole('alert')).toContainText('cannot be used in a request');
  expect(backend.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Actions for moved.txt' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  expect(backend.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/custom-models/m2/datasets/d7']);
});
