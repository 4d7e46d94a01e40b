// Screenshots of the upload screens for a person to look at (not a test):
// a batch with a waiting, a failed and an uploaded file; the Uploads bar on
// another page; a model's unfinished uploads. Desktop and phone widths.
//   node shoot-uploads.mjs OUT_DIR   (release build served by serve.mjs on ORIGIN)
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';
import { chunk, fakeBackend, httpConfig } from './specs/fake-backend.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const files = ['a.txt', 'b.txt', 'c.txt'].map((n, i) => {
  const path = `${out}/${n}`;
  writeFileSync(path, n[0].repeat(4096 * (i + 2)));
  return path;
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript((config) => {
    window.customModelsConfig = config;
    localStorage.setItem('customModelsGuideShown', 'true');
  }, httpConfig);
  const backend = await fakeBackend(page, { chunkSize: 1024, chunkDelayMs: 400 });
  backend.failNext('PUT', chunk('up2', 0), { status: 422, body: '{"error":"unreadable","message":"The server could not read this file."}' });
  backend.failNext('PUT', chunk('up3', 2), { status: 503, headers: { 'Retry-After': '30' }, body: '{"error":"busy","message":"Busy."}' });
  await page.goto(`${origin}/custom-models/m1`);
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles(files);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText(/Server busy — retrying in/).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${out}/${label}-batch.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Custom Models' }).first().click();
  await page.getByRole('region', { name: 'Uploads' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-indicator.png` });
  await page.goto(`${origin}/custom-models/m1`);
  await page.getByRole('region', { name: 'Unfinished uploads' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-unfinished.png`, fullPage: true });
  await page.close();
}
await browser.close();
