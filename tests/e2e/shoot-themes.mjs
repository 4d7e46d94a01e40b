// Screenshots of the main screens in light and dark, desktop and phone, for a
// person to look at (not a test): the list, a dialog, a model's details, and the
// console as an element in the app host page.
//   node shoot-themes.mjs OUT_DIR   (release and host builds served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const colorScheme of ['light', 'dark']) {
  for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const page = await browser.newPage({ viewport, colorScheme });
    await page.addInitScript(() => localStorage.setItem('customModelsGuideShown', 'true'));
    await page.goto(`${origin}/custom-models`);
    await page.getByRole('table', { name: 'Custom models' }).locator('tbody tr').first().waitFor();
    await page.screenshot({ path: `${out}/${colorScheme}-${label}-list.png` });
    await page.getByRole('button', { name: 'New Custom Model' }).click();
    await page.getByRole('dialog', { name: 'New Custom Model' }).getByRole('button', { name: 'Create' }).click();
    await page.screenshot({ path: `${out}/${colorScheme}-${label}-dialog.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('table', { name: 'Custom models' }).locator('tbody tr').filter({ hasText: 'Failed' }).first().getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Datasets' }).waitFor();
    await page.screenshot({ path: `${out}/${colorScheme}-${label}-details.png`, fullPage: true });
    await page.goto(`${origin}/plain/custom-models`);
    await page.getByRole('table', { name: 'Custom models' }).locator('tbody tr').first().waitFor();
    await page.screenshot({ path: `${out}/${colorScheme}-${label}-element.png` });
    await page.close();
  }
}
await browser.close();
