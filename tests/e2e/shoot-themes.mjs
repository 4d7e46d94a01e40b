// Screenshots of the main screens for a person to look at (not a test): phone,
// tablet and desktop, each light and dark; the list (on phones also its "Sort
// by"), a model's details while
// Running (with "Notify me when it finishes", then with it asked for) and
// after Success, the New Custom Model, New Dataset and shortcuts dialogs, and
// (desktop) the console as an element in the plain host page.
//   node shoot-themes.mjs OUT_DIR   (release and host builds served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const viewports = [
  ['phone', { width: 390, height: 844 }],
  ['tablet', { width: 768, height: 1024 }],
  ['desktop', { width: 1440, height: 900 }],
];
const rows = (page) => page.getByRole('table', { name: 'Custom models' }).locator('tbody tr');

/** Opens a seeded model's page the way a person would, and waits for its datasets. */
async function openModel(page, name) {
  await page.goto(`${origin}/custom-models?search=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('table', { name: 'Datasets' }).or(page.getByRole('heading', { name: 'No datasets yet' })).first().waitFor();
  await page.getByText(/training credits? left|Training is already running|already trained/).first().waitFor();
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const colorScheme of ['light', 'dark']) {
  for (const [label, viewport] of viewports) {
    const context = await browser.newContext({ viewport, colorScheme });
    await context.grantPermissions(['notifications'], { origin });
    const page = await context.newPage();
    // Seeded trainings stay Running while the pictures are taken.
    await page.addInitScript(() => {
      window.customModelsConfig = { mock: { latencyMs: 30, trainingMs: 600_000 } };
      localStorage.setItem('customModelsGuideShown', 'true');
    });
    const shot = (name, fullPage = false) => page.screenshot({ path: `${out}/${colorScheme}-${label}-${name}.png`, fullPage });

    await page.goto(`${origin}/custom-models`);
    await rows(page).first().waitFor();
    await shot('list');
    if (label === 'phone') {
      // The cards have no sortable headers: "Sort by" stands in for them.
      await page.getByLabel('Sort by').scrollIntoViewIfNeeded();
      await shot('list-sort-by');
    }
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot('shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New Custom Model' }).click();
    await page.getByRole('dialog', { name: 'New Custom Model' }).getByRole('button', { name: 'Create' }).click();
    await page.getByText('Enter a name').first().waitFor();
    await shot('new-model');
    await page.keyboard.press('Escape');

    await openModel(page, 'Legal hearings 1');
    await page.getByRole('button', { name: 'Notify me when it finishes' }).waitFor();
    await shot('details-running', true);
    await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
    await page.getByText('You’ll be notified').waitFor();
    await shot('details-running-notify', true);

    await openModel(page, 'Field service 1');
    await page.getByRole('region', { name: 'Training status: Success' }).waitFor();
    await shot('details-success', true);

    await openModel(page, 'Call centre 1');
    await page.getByRole('button', { name: 'New Dataset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Dataset' });
    await dialog.getByLabel('Drop files here or click to choose').setInputFiles([
      { name: 'interview-2026-03.vtt', mimeType: 'text/vtt', buffer: Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\nHi') },
      { name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04') },
    ]);
    await dialog.getByText('notes.docx').waitFor();
    await shot('new-dataset');

    if (label === 'desktop') {
      await page.goto(`${origin}/plain/custom-models`);
      await rows(page).first().waitFor();
      await shot('element');
    }
    await context.close();
  }
}
await browser.close();
