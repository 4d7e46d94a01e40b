import { test, expect, expectNoAxeViolations, modelRows, advance } from './fixtures.mjs';
import { fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';
import { openModel, datasetRows } from './details-helpers.mjs';

test.describe('cards and rename', () => {
  test('renames a model, and the name survives a reload', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const update = page.getByRole('button', { name: 'Update' });
    await expect(update).toBeDisabled();
    const name = page.getByLabel('Name');
    await name.fill('   ');
    await expect(page.getByText('Enter a name for the model.')).toBeVisible();
    await expect(update).toBeDisabled();
    await name.fill('Call centre EMEA');
    await update.click();
    await expect(page.getByText('Name saved.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Call centre EMEA' })).toBeVisible();
    await expect(update).toBeDisabled();
    await page.reload();
    await expect(page.getByLabel('Name')).toHaveValue('Call centre EMEA');
    await expect(page.getByText('English (US)')).toBeVisible();
  });

  test('shows status, language and last change, and the page passes axe', async ({ page }) => {
    await openModel(page, 'Podcast 1');
    await expect(page.locator('.cm-card').filter({ hasText: 'Training Status' }).getByText('Failed')).toBeVisible();
    await expect(page.locator('.cm-card').filter({ hasText: 'Base Language Model' })).toContainText('Spanish');
    await expect(page.locator('.cm-card').filter({ hasText: 'Last Modified' }).locator('time')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('status banner', () => {
  test('is expanded for a trained model and collapsed otherwise, and toggles', async ({ page }) => {
    await openModel(page, 'Field service 1');
    const banner = page.getByRole('region', { name: 'Training status: Success' });
    await expect(banner.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    await expect(banner.getByText('Select model when creating transcripts')).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Home page' })).toBeVisible();
    await expect(banner.getByText(/File requirements: .*10 GB/)).toBeVisible();
    await expectNoAxeViolations(page);

    await openModel(page, 'Radiology notes 1');
    const ready = page.getByRole('region', { name: 'Training status: Ready to Run' });
    await expect(ready.getByText('Click Train button')).toBeVisible();
    const toggle = ready.getByRole('button', { name: 'Show details' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(ready.getByText('Training credits required')).toBeHidden();
    await toggle.click();
    await expect(ready.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    await expect(ready.getByText('Training credits required')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('explains why a training failed', async ({ page }) => {
    await openModel(page, 'Podcast 1');
    const banner = page.getByRole('region', { name: 'Training status: Failed' });
    await expect(banner).toContainText('One or more transcript files are not valid VTT, SRT or plain text.');
    await expect(banner).toContainText('invalid_transcript_format');
    await expect(banner).toContainText('Remove the faulty transcripts');
  });
});

test.describe('training', () => {
  test('trains to Success without a reload; Train is disabled while Running and after', async ({ page }) => {
    await openModel(page, 'Radiology notes 1');
    await expect(page.getByText('5 training credits left')).toBeVisible();
    await page.getByRole('button', { name: 'Train the Language' }).click();
    const dialog = page.getByRole('dialog', { name: 'Train the Language?' });
    await expect(dialog).toContainText('This uses one training credit');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Train' }).click();
    await expect(dialog).toBeHidden();
    const train = page.getByRole('button', { name: 'Train the Language' });
    await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
    await expect(train).toBeDisabled();
    await expect(page.getByText('Training is already running. Wait for it to finish.')).toBeVisible();
    await expect(page.getByText('4 training credits left')).toBeVisible();
    await expectNoAxeViolations(page);

    const success = page.getByRole('region', { name: 'Training status: Success' });
    await expect(success).toBeVisible({ timeout: 15_000 });
    await expect(success.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    await expect(train).toBeDisabled();
    await expect(page.getByText('This model is already trained.')).toBeVisible();
    await expect(page.getByRole('status').getByText('finished successfully')).toBeAttached();
  });

  test('a training whose data is faulty fails and says why', async ({ page }) => {
    await openModel(page, 'Court records 1');
    await page.getByRole('button', { name: 'Train the Language' }).click();
    await page.getByRole('dialog', { name: 'Train the Language?' }).getByRole('button', { name: 'Train' }).click();
    const failed = page.getByRole('region', { name: 'Training status: Failed' });
    await expect(failed).toBeVisible({ timeout: 15_000 });
    await expect(failed).toContainText('One or more audio files are not valid audio');
    await expect(failed).toContainText('upload WAV, MP3, M4A or FLAC files instead');
    await expectNoAxeViolations(page);
  });

  test('a model without datasets cannot be trained, and says so', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    await expect(page.getByRole('button', { name: 'Train the Language' })).toBeDisabled();
    await expect(page.getByText('Upload at least one training dataset')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('without credits', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 0, credits: 0 } } });

  test('Train is disabled with the no-claims-available explanation', async ({ page }) => {
    await openModel(page, 'Radiology notes 1');
    await expect(page.getByText('0 training credits left')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Train the Language' })).toBeDisabled();
    await expect(page.getByText('Your organization has no training credits left.')).toBeVisible();
  });
});

test.describe('datasets', () => {
  test('delete asks first, names the file, and removes the row on confirm', async ({ page }) => {
    await openModel(page, 'Podcast 1');
    await expect(datasetRows(page)).toHaveCount(5);
    await page.getByRole('button', { name: 'Actions for glossary.txt' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete dataset?' });
    await expect(dialog).toContainText('“glossary.txt” will be removed');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(datasetRows(page)).toHaveCount(5);
    await page.getByRole('button', { name: 'Actions for glossary.txt' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(datasetRows(page)).toHaveCount(4);
    await expect(datasetRows(page).filter({ hasText: 'glossary.txt' })).toHaveCount(0);
  });

  test('removing the last training dataset takes the model back to Not Running', async ({ page }) => {
    await openModel(page, 'Radiology notes 1');
    await expect(datasetRows(page)).toHaveCount(2);
    for (const name of ['support-calls-week1.wav', 'support-calls-week1.vtt']) {
      await page.getByRole('button', { name: `Actions for ${name}` }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await page.getByRole('dialog', { name: 'Delete dataset?' }).getByRole('button', { name: 'Delete' }).click();
      await expect(datasetRows(page).filter({ hasText: name })).toHaveCount(0);
    }
    await expect(page.getByRole('region', { name: 'Training status: Not Running' })).toBeVisible();
  });

  test('dataset links are real links that open safely', async ({ page }) => {
    await openModel(page, 'Podcast 1');
    const link = datasetRows(page).first().getByRole('link');
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(datasetRows(page).first()).toContainText('1:30:23');
  });
});

test.describe('ids', () => {
  test('the model id and a dataset id can be copied, with a confirmation', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openModel(page, 'Podcast 1');
    const id = page.url().split('/').at(-1);
    await expect(page.getByText(id, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Copy Model ID' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);

    await page.getByRole('button', { name: 'Actions for glossary.txt' }).click();
    await page.getByRole('menuitem', { name: 'Copy id' }).click();
    const copied = await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(id).then(() => page.evaluate(() => navigator.clipboard.readText()));
    await expect(page.getByRole('status').filter({ hasText: `Dataset id ${copied} copied.` })).toBeAttached();
  });
});

test.describe('notifications', () => {
  // Against the fake backend, so that the one training in the test is the only one that ends.
  test.use({ consoleConfig: httpConfig });

  /** Starts training m2 (its only dataset is audio), goes to the list, and ends the training there. */
  async function trainAndEndOnList(page) {
    const models = makeModels(8);
    models.forEach((m) => { m.status = 2; });
    const audio = { id: 'd1', model_id: 'm2', name: 'calls.wav', type: 'AUDIO', duration_seconds: 60, url: null, started_at: null, finished_at: null };
    const backend = await fakeBackend(page, { models, datasets: { m2: [audio] } });
    await page.clock.install();
    await page.goto('/custom-models/m2');
    await page.getByRole('button', { name: 'Train the Language' }).click();
    await page.getByRole('dialog', { name: 'Train the Language?' }).getByRole('button', { name: 'Train' }).click();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Custom Models' }).click();
    await expect(modelRows(page).filter({ hasText: 'Backend model 002' }).getByText('Running')).toBeVisible();
    // Focus where the user works; the toast must leave it there.
    await page.getByRole('searchbox', { name: 'Search models by name' }).focus();
    backend.models.find((m) => m.id === 'm2').status = 4;
    await advance(page, 3_000);
    const toast = page.getByRole('region', { name: 'Notifications' }).locator('.cm-toast').filter({ hasText: 'Backend model 002' });
    await expect(toast).toBeVisible();
    return toast;
  }

  test('a training that ends while the user is on the list shows a toast; it waits while hovered, then goes', async ({ page }) => {
    const toast = await trainAndEndOnList(page);
    await expect(page.getByRole('searchbox', { name: 'Search models by name' })).toBeFocused();
    await toast.hover();
    await page.clock.runFor(10_000);
    await expect(toast).toBeVisible();
    await page.mouse.move(0, 0);
    await page.clock.runFor(7_000);
    await expect(toast).toHaveCount(0);
  });

  test('hovering again and again never cuts a toast short: it gets its full time after the last leave', async ({ page }) => {
    const toast = await trainAndEndOnList(page);
    for (let i = 0; i < 3; i += 1) {
      await expect(toast, 'the toast is still there for the next hover').toBeVisible({ timeout: 1_000 });
      await toast.hover();
      await page.mouse.move(0, 0);
      await page.clock.runFor(2_000);
    }
    await toast.hover();
    await page.mouse.move(0, 0);
    await page.clock.runFor(5_000);
    await expect(toast).toBeVisible();
    await page.clock.runFor(1_500);
    await expect(toast).toHaveCount(0);
  });

  test('a toast\'s link opens the model, and Dismiss removes one', async ({ page }) => {
    const toast = await trainAndEndOnList(page);
    await toast.hover(); // and it stays while the pointer is on it
    await expectNoAxeViolations(page);
    await toast.getByRole('link', { name: 'Open Backend model 002' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backend model 002' })).toBeVisible();
    await toast.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(toast).toHaveCount(0);
  });
});
