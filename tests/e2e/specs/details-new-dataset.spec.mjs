// The New Dataset dialog on a model's page (split from details.spec.mjs).
import { test, expect, expectNoAxeViolations, modelRows } from './fixtures.mjs';
import { openModel, wavBytes, file, picker, datasetRows, openNewDataset, dropFiles } from './details-helpers.mjs';

test.describe('New Dataset', () => {
  test('uploads by file picker, with progress to 100%, and the model becomes Ready to Run', async ({ page }) => {
    await page.addInitScript(() => { window.customModelsConfig.mock.chunkLatencyMs = 250; });
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    await picker(dialog).setInputFiles([file('intro.vtt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi'), file('big.wav', wavBytes(3 * 1024 * 1024))]);
    await expect(dialog.getByText('Detected from the first file: TRANSCRIPT')).toBeVisible();
    await dialog.getByLabel('Dataset type').selectOption('TRANSCRIPT');
    await expect(dialog.getByText('Wrong format for TRANSCRIPT')).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove big.wav' }).click();
    await picker(dialog).setInputFiles([file('second.srt', '1\n00:00:01,000 --> 00:00:02,000\nHello\n')]);
    const create = dialog.getByRole('button', { name: 'Create' });
    await expect(create).toBeEnabled();
    await create.click();
    await expect(dialog.getByRole('progressbar', { name: 'Upload of intro.vtt' })).toHaveAttribute('value', '100');
    await expect(dialog).toBeHidden();
    await expect(datasetRows(page).filter({ hasText: 'intro.vtt' })).toContainText('TRANSCRIPT');
    await expect(datasetRows(page)).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Training status: Ready to Run' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Train the Language' })).toBeEnabled();
  });

  test('uploads by drag and drop, reading the audio duration locally', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    // One second of 8 kHz 8-bit mono silence: a WAV the browser can measure.
    const rate = 8000;
    const header = Buffer.alloc(44);
    header.write('RIFF', 0); header.writeUInt32LE(36 + rate, 4); header.write('WAVE', 8); header.write('fmt ', 12);
    header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22); header.writeUInt32LE(rate, 24);
    header.writeUInt32LE(rate, 28); header.writeUInt16LE(1, 32); header.writeUInt16LE(8, 34); header.write('data', 36); header.writeUInt32LE(rate, 40);
    await dropFiles(dialog, [file('tone.wav', Buffer.concat([header, Buffer.alloc(rate, 128)]))]);
    await expect(dialog.getByText('Detected from the first file: AUDIO')).toBeVisible();
    await expect(dialog.locator('.cm-file').getByText('0:00:01')).toBeVisible();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(datasetRows(page).filter({ hasText: 'tone.wav' })).toContainText('0:00:01');
  });

  test('auto-detects each type from the first file, falling back to TRANSCRIPT', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    const cases = [['a.flac', 'AUDIO'], ['b.mp3', 'AUDIO'], ['c.m4a', 'AUDIO'], ['d.wav', 'AUDIO'], ['e.jsonl', 'MANIFEST'], ['f.srt', 'TRANSCRIPT'], ['g.txt', 'TRANSCRIPT'], ['h.vtt', 'TRANSCRIPT'], ['slides.pdf', 'TRANSCRIPT']];
    for (const [name, type] of cases) {
      await picker(dialog).setInputFiles([file(name, 'x')]);
      await expect(dialog.getByText(`Detected from the first file: ${type}`)).toBeVisible();
      await dialog.getByRole('button', { name: `Remove ${name}` }).click();
    }
    await picker(dialog).setInputFiles([file('slides.pdf', 'x')]);
    await expect(dialog.getByText('Wrong format for TRANSCRIPT: use .vtt, .srt, .txt.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  test('rejects 11 files, empty files, wrong extensions and disguised content, each with its reason', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    const eleven = Array.from({ length: 11 }, (_, i) => file(`part${i + 1}.txt`, `line ${i}`));
    await picker(dialog).setInputFiles(eleven);
    await expect(dialog.locator('.cm-file').nth(10)).toContainText('More than 10 files');
    await expect(dialog.locator('.cm-file').nth(9)).not.toContainText('More than 10 files');
    await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Remove part11.txt' }).click();
    await expect(dialog.getByRole('button', { name: 'Create' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'New Dataset' }).click();
    await dialog.getByLabel('Dataset type').selectOption('AUDIO');
    await picker(dialog).setInputFiles([
      file('empty.wav', ''), file('notes.vtt', 'WEBVTT\n'), file('fake.wav', 'I am only text'), file('movie.wav', 'RIFF\x24\x00\x00\x00AVI LIST'), file('real.wav', wavBytes()),
    ]);
    const item = (name) => dialog.locator('.cm-file').filter({ hasText: name });
    await expect(item('empty.wav')).toContainText('The file is empty.');
    await expect(item('notes.vtt')).toContainText('Wrong format for AUDIO');
    await expect(item('fake.wav')).toContainText('This is not a WAV audio file');
    await expect(item('movie.wav')).toContainText('This is not a WAV audio file');
    await expect(item('real.wav')).not.toContainText('not a WAV');
    await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
    await expectNoAxeViolations(page);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'New Dataset' }).click();
    await picker(dialog).setInputFiles([file('captions.vtt', '00:01.000 --> 00:02.000\nNo header')]);
    await expect(item('captions.vtt')).toContainText('Not a WebVTT file: it must start with “WEBVTT”.');
    await picker(dialog).setInputFiles([file('bad.srt', '1\n00:00:01.000 --> 00:00:02.000\nDot separator\n')]);
    await expect(item('bad.srt')).toContainText('Subtitle cue 1 is malformed');
  });

  test('a file reported larger than 10 GB is rejected without being read', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    await page.evaluate(() => {
      const huge = new File(['RIFF'], 'huge.wav');
      Object.defineProperty(huge, 'size', { value: 11 * 1024 ** 3 });
      window.__hugeSliced = 0;
      huge.slice = (...args) => { window.__hugeSliced += 1; return Blob.prototype.slice.apply(huge, args); };
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: { length: 1, item: () => huge, 0: huge } } });
      document.querySelector('.cm-dropzone').dispatchEvent(event);
    });
    await expect(dialog.locator('.cm-file').filter({ hasText: 'huge.wav' })).toContainText('Larger than 10 GB');
    await expect(dialog.locator('.cm-file').filter({ hasText: 'huge.wav' })).toContainText('11.8 GB');
    await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
    expect(await page.evaluate(() => window.__hugeSliced)).toBe(0);
  });

  test('Cancel stops an upload under way and nothing is added', async ({ page }) => {
    await page.addInitScript(() => { window.customModelsConfig.mock.chunkLatencyMs = 400; });
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    await picker(dialog).setInputFiles([file('long.wav', wavBytes(8 * 1024 * 1024))]);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Upload of long.wav' })).toBeVisible();
    await page.screenshot({ path: 'screenshots/upload-in-progress.png' });
    await dialog.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(dialog.getByText('Upload cancelled.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Training status: Not Running' })).toBeVisible();
  });

  test('an upload that ends after the dialog was closed shows a toast with a link to the model', async ({ page }) => {
    await page.addInitScript(() => {
      window.customModelsConfig.mock.chunkLatencyMs = 300;
      window.customModelsConfig.mock.trainingMs = 600_000; // no seeded training ends and crowds the toasts
    });
    await openModel(page, 'Call centre 1');
    const modelUrl = page.url();
    const dialog = await openNewDataset(page);
    await picker(dialog).setInputFiles([file('late.wav', wavBytes(2 * 1024 * 1024))]);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Upload of late.wav' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Custom Models' }).click();
    await expect(modelRows(page).first()).toBeVisible();
    const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'late.wav uploaded.' });
    await expect(toast).toBeVisible({ timeout: 15_000 });
    await toast.getByRole('link', { name: 'Open the model' }).click();
    await expect(page).toHaveURL(modelUrl);
    await expect(datasetRows(page).filter({ hasText: 'late.wav' })).toContainText('AUDIO');
  });

  test('the empty modal passes axe and closes on Escape', async ({ page }) => {
    await openModel(page, 'Call centre 1');
    const dialog = await openNewDataset(page);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'New Dataset' })).toBeFocused();
  });
});
