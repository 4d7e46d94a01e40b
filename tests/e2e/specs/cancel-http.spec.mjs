// Cancel training and a failed training's datasets over HTTP, against the fake
// backend (checked against docs/openapi.yaml): the request the console sends,
// a 409 when the training ended meanwhile, a member, and the failure's datasets.
import { test, expect, expectNoAxeViolations } from './fixtures.mjs';
import { fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

// makeModels: m3 is Running (status 3), m5 Failed (status 5).
const cancelPath = '/custom-models/m3/train/cancel';

test('an admin cancels a running training with one POST; the model is Ready to Run and the credit is back', async ({ page }) => {
  const backend = await fakeBackend(page, { credits: 3 });
  await page.goto('/custom-models/m3');
  await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
  await expect(page.getByText('3 training credits left')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel training' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel training?' });
  await expect(dialog).toContainText('The training credit it used is given back to your organization.');
  await dialog.getByRole('button', { name: 'Cancel training' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Training status: Ready to Run' })).toBeVisible();
  await expect(page.getByText('4 training credits left')).toBeVisible();
  const [sent] = backend.requestsTo('POST', cancelPath);
  expect(sent.authorization).toBe('Bearer test-token-123');
  expect(sent.body).toBeNull();
  expect(backend.requestsTo('POST', cancelPath)).toHaveLength(1);
});

test('a training that ended meanwhile: the 409 is shown in the dialog and the page shows where the model is', async ({ page }) => {
  const backend = await fakeBackend(page);
  await page.goto('/custom-models/m3');
  await page.getByRole('button', { name: 'Cancel training' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel training?' });
  // The training succeeds while the user reads the confirmation.
  backend.models.find((m) => m.id === 'm3').status = 4;
  await dialog.getByRole('button', { name: 'Cancel training' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This model is not training, so there is nothing to cancel.');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cancel training' })).toHaveCount(0);
});

test('a member is not offered Cancel training', async ({ page }) => {
  await fakeBackend(page, { user: { id: 'u2', name: 'Mo', role: 'MEMBER', organization_id: 'org1' } });
  await page.goto('/custom-models/m3');
  await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Datasets' }).or(page.getByRole('heading', { name: 'No datasets yet' }))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel training' })).toHaveCount(0);
});

test('a failed training names each dataset at fault with its problems and links to its row', async ({ page }) => {
  const models = makeModels(30);
  Object.assign(models[4], {
    failure_code: 'invalid_audio_format',
    failure: {
      code: 'invalid_audio_format',
      message: '1 dataset could not be used for training.',
      datasets: [
        { id: 'ds_7', name: 'week2.wav', problems: [{ line: null, message: 'The file is not audio (no RIFF header).' }] },
        { name: 'lost.wav', problems: [] },
      ],
    },
  });
  const dataset = (id, name) => ({
    id, model_id: 'm5', name, type: 'AUDIO', duration_seconds: 12, url: null,
    started_at: '2026-11-20T10:00:00Z', finished_at: '2026-11-20T10:01:00Z',
  });
  await fakeBackend(page, { models, datasets: { m5: [dataset('ds_6', 'week1.wav'), dataset('ds_7', 'week2.wav')] } });
  await page.goto('/custom-models/m5');
  const banner = page.getByRole('region', { name: 'Training status: Failed' });
  await expect(banner).toContainText('One or more audio files are not valid audio');
  await expect(banner).toContainText('The file is not audio (no RIFF header).');
  await expect(banner).toContainText('lost.wav');
  await expect(banner.getByRole('link', { name: 'lost.wav' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Datasets' })).toBeVisible();
  await banner.getByRole('link', { name: 'week2.wav' }).click();
  await expect(page.getByRole('rowheader', { name: 'week2.wav' })).toBeFocused();
  await expectNoAxeViolations(page);
});
