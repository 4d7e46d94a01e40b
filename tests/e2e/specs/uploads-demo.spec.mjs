// The offline demo shows what the console does on a bad network: its mock
// drops the network and answers "busy" when told to (mock.faults), keeps the
// chunks it received across a reload, and the upload resumes.
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const MiB = 1024 * 1024;

function fileOnDisk(name, size) {
  const path = test.info().outputPath(name);
  writeFileSync(path, 'a'.repeat(size));
  return path;
}

async function openModel(page, name) {
  await page.goto('/custom-models?search=' + encodeURIComponent(name));
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function upload(page, path) {
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles(path);
  await dialog.getByRole('button', { name: 'Create' }).click();
  return dialog;
}

const datasetRows = (page) => page.getByRole('table', { name: 'Datasets' }).locator('tbody tr');

test.describe('a demo whose network drops', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 30, chunkLatencyMs: 100, faults: { offlineAfterChunk: 1, offlineForMs: 2500 } } } });

  test('the file waits, says so, and completes when the network is back', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const dialog = await upload(page, fileOnDisk('calls.txt', 3.5 * MiB));
    await expect(dialog.getByRole('listitem').filter({ hasText: 'calls.txt' })).toContainText(/Connection lost — retrying in \d+ s/);
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(datasetRows(page).filter({ hasText: 'calls.txt' })).toHaveCount(1);
  });
});

test.describe('a slow demo', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 30, chunkLatencyMs: 500 } } });

  test('a reload mid-upload keeps what the demo received; choosing the file again finishes it', async ({ page }) => {
    const path = fileOnDisk('calls.txt', 6 * MiB);
    await openModel(page, 'Call centre 1');
    const dialog = await upload(page, path);
    await expect(dialog.getByRole('progressbar', { name: 'Upload of calls.txt' })).not.toHaveAttribute('value', '0');
    await page.reload();
    const section = page.getByRole('region', { name: 'Unfinished uploads' });
    await expect(section).toContainText(/calls\.txt · [1-9]\d? % sent/);
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Resume calls.txt' }).click();
    await (await chooser).setFiles(path);
    await expect(page.getByRole('region', { name: 'Uploads' })).toContainText('calls.txt');
    await expect(datasetRows(page).filter({ hasText: 'calls.txt' })).toHaveCount(1, { timeout: 20_000 });
    await expect(section).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Uploads' })).toHaveCount(0);
  });

  test('when the browser keeps no data, uploading still works and the console says resuming is off, once', async ({ page }) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'customModelsUploads') throw new DOMException('quota', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await openModel(page, 'Call centre 1');
    const dialog = await upload(page, fileOnDisk('calls.txt', 1.5 * MiB));
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(datasetRows(page).filter({ hasText: 'calls.txt' })).toHaveCount(1);
    await expect(page.getByText('Uploads cannot be resumed after a reload in this browser')).toHaveCount(1);
  });
});
