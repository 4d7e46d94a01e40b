// Screenshots of tests, versions, dataset checks and progress for a person to
// look at (not a test), in the demo: a trained model's page with its tests, a
// test's results, the New Test and New Version dialogs, a running training.
// Desktop, tablet and phone, light and dark.
//   node shoot-evaluation.mjs OUT_DIR   (release build served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const sizes = [['desktop', { width: 1440, height: 900 }], ['tablet', { width: 768, height: 1024 }], ['phone', { width: 390, height: 844 }]];

for (const scheme of ['light', 'dark']) {
  for (const [label, viewport] of sizes) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    await context.addInitScript(() => localStorage.setItem('customModelsGuideShown', 'true'));
    const page = await context.newPage();
    // Long pages are cut at 1,800 px: enough to see the layout, small enough to look at.
    const shot = (name) => page.screenshot({ path: `${out}/${scheme}-${label}-${name}.png`, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: 1800 } });
    await page.goto(`${origin}/custom-models?search=Field%20service%201`);
    await page.getByRole('link', { name: 'Field service 1', exact: true }).click();
    await page.getByRole('heading', { name: 'Test the model' }).waitFor();
    await page.getByRole('cell', { name: /fewer errors|more errors/ }).first().waitFor();
    await shot('model-with-tests');
    await page.getByRole('button', { name: 'New Test' }).click();
    await page.getByRole('dialog', { name: 'New Test' }).getByRole('checkbox').first().waitFor();
    await shot('new-test');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New Version' }).click();
    await shot('new-version');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Holdout November' }).click();
    await page.getByRole('heading', { name: 'Utterances' }).waitFor();
    await page.getByRole('table', { name: /Utterances/ }).waitFor();
    await shot('test-results');
    // The reference as compared, and a finished download's note under its button.
    await page.getByRole('checkbox', { name: 'Show as compared' }).check();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download results (CSV)' }).click();
    await downloading;
    await page.getByText(/^Saved \d+ utterances/).waitFor();
    await shot('test-results-compared');
    await page.goto(`${origin}/custom-models`);
    await page.getByRole('progressbar', { name: 'Training progress of Legal hearings 1' }).waitFor();
    await shot('list-progress');
    await page.getByRole('link', { name: 'Legal hearings 1', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Training progress' }).waitFor();
    await page.getByRole('table', { name: 'Datasets' }).waitFor();
    await shot('model-running');
    // A failed test (seeded on the second trained model), and a file the server found invalid.
    await page.goto(`${origin}/custom-models?search=Aviation%20ATC%201`);
    await page.getByRole('link', { name: 'Aviation ATC 1', exact: true }).click();
    await page.getByRole('link', { name: 'Holdout (empty export)' }).click();
    await page.getByRole('alert').filter({ hasText: 'The test failed' }).waitFor();
    await shot('test-failed');
    await page.goto(`${origin}/custom-models?search=Radiology%20notes%201`);
    await page.getByRole('link', { name: 'Radiology notes 1', exact: true }).click();
    await page.getByRole('button', { name: 'New Dataset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Dataset' });
    await dialog.getByLabel('Drop files here or click to choose').setInputFiles([{ name: 'bad.vtt', mimeType: 'text/vtt', buffer: Buffer.from('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBackwards\n') }]);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('1 problem').click();
    await page.getByText('Line 3: cue ends before it starts').waitFor();
    await shot('dataset-invalid');
    await context.close();
  }
}
await browser.close();
