// Screenshots of Cancel training and a failed training's datasets for a person
// to look at (not a test), in the demo: a running model's page with Cancel
// training, its confirmation, the page after cancelling, and a failed model's
// banner naming the dataset at fault. Desktop and phone, light and dark.
//   node shoot-cancel.mjs OUT_DIR   (release build served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const sizes = [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]];

for (const scheme of ['light', 'dark']) {
  for (const [label, viewport] of sizes) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    await context.addInitScript(() => {
      localStorage.setItem('customModelsGuideShown', 'true');
      window.customModelsConfig = { mock: { latencyMs: 0, trainingMs: 600_000 } };
    });
    const page = await context.newPage();
    const shot = (name) => page.screenshot({ path: `${out}/${scheme}-${label}-${name}.png`, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: 1400 } });
    await page.goto(`${origin}/custom-models?search=Legal%20hearings%201`);
    await page.getByRole('link', { name: 'Legal hearings 1', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel training' }).waitFor();
    await shot('running');
    await page.getByRole('button', { name: 'Cancel training' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel training?' });
    await dialog.waitFor();
    await page.screenshot({ path: `${out}/${scheme}-${label}-cancel-dialog.png` });
    await dialog.getByRole('button', { name: 'Cancel training' }).click();
    await page.getByRole('region', { name: 'Training status: Ready to Run' }).waitFor();
    await shot('cancelled');
    await page.goto(`${origin}/custom-models?search=Podcast%201`);
    await page.getByRole('link', { name: 'Podcast 1', exact: true }).click();
    await page.getByRole('region', { name: 'Training status: Failed' }).getByRole('link', { name: 'support-calls-week1.vtt' }).waitFor();
    await page.getByRole('table', { name: 'Datasets' }).waitFor();
    await shot('failed');
    await context.close();
  }
}
await browser.close();
