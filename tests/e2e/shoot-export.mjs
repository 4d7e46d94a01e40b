// Screenshots of "Download results (CSV)" half way through a large test, for a
// person to look at (not a test): the fake backend of the HTTP specs holds the
// second of three pages back. Desktop and phone, light and dark.
//   node shoot-export.mjs OUT_DIR   (release build served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';
import { fakeBackend, httpConfig, makeModels } from './specs/fake-backend.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const sizes = [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]];
const counts = (s, d, i, n) => ({ substitutions: s, deletions: d, insertions: i, reference_words: n });

for (const scheme of ['light', 'dark']) {
  for (const [label, viewport] of sizes) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    await context.addInitScript((config) => {
      window.customModelsConfig = config;
      localStorage.setItem('customModelsGuideShown', 'true');
    }, httpConfig);
    const page = await context.newPage();
    const models = makeModels(5);
    models[3].status = 4;
    const backend = await fakeBackend(page, { models, datasets: { m4: [] } });
    backend.evaluations = { m4: [{
      id: 'ev1', model_id: 'm4', name: 'Holdout, all calls', dataset_ids: ['d1'], status: 'succeeded', created_at: null,
      finished_at: null, failure_code: null, summary: { base: counts(120, 30, 20, 1500), custom: counts(60, 12, 9, 1500) },
    }] };
    backend.utterances = { ev1: Array.from({ length: 250 }, (_, i) => ({
      file: 'holdout.vtt', start: i * 3, end: i * 3 + 2.5,
      reference: `Please check the invoice number ${1000 + i}, thanks.`, base: `please check the voice number ${1000 + i} thanks`, custom: `please check the invoice number ${1000 + i} thanks`,
    })) };
    const shot = (name) => page.screenshot({ path: `${out}/${scheme}-${label}-${name}.png`, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: 1000 } });
    await page.goto(`${origin}/custom-models/m4/tests/ev1`);
    await page.getByRole('table', { name: /Utterances/ }).waitFor();
    const release = backend.holdUtterancesPage(2);
    await page.getByRole('button', { name: 'Download results (CSV)' }).click();
    await page.getByText('Preparing 2 of 3 pages…').waitFor();
    await shot('export-progress');
    const downloading = page.waitForEvent('download');
    release();
    await downloading;
    await page.getByText(/^Saved 250 utterances/).waitFor();
    await shot('export-saved');
    await context.close();
  }
}
await browser.close();
