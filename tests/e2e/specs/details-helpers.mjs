// What the model page's journeys share: opening a model, files to upload, the New Dataset dialog.
import { expect } from './fixtures.mjs';

/** Opens a seeded model's details page the way a person would: search, click. */
export async function openModel(page, name) {
  await page.goto(`/custom-models?search=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export const wavBytes = (extra = 40) => Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(extra)]);
export const file = (name, buffer, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.from(buffer) });
export const picker = (dialog) => dialog.getByLabel('Drop files here or click to choose');
export const datasetRows = (page) => page.getByRole('table', { name: 'Datasets' }).locator('tbody tr');

export async function openNewDataset(page) {
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Drops files on the upload area with a real DataTransfer, as a drag from the desktop does. */
export async function dropFiles(dialog, files) {
  const page = dialog.page();
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files.map((f) => ({ name: f.name, bytes: [...f.buffer] })));
  const zone = dialog.locator('.cm-dropzone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}
