// Screenshots of the STT Session dialog for a person to look at (not a test):
// desktop (1280) and phone (390), light and dark; the dialog with its audio
// chosen, then while the audio uploads and waits out the demo's dropped network.
//   node shoot-stt.mjs OUT_DIR   (the release build served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const viewports = [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]];
const wav = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(8 * 1024 * 1024)]);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const colorScheme of ['light', 'dark']) {
  for (const [label, viewport] of viewports) {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    // Slow chunks, and the network gone for long after the second one: the waiting state stays to be seen.
    await page.addInitScript(() => {
      window.customModelsConfig = { mock: { chunkLatencyMs: 500, faults: { offlineAfterChunk: 2, offlineForMs: 60_000 } } };
      localStorage.setItem('customModelsGuideShown', 'true');
    });
    const shot = (name) => page.screenshot({ path: `${out}/${colorScheme}-${label}-${name}.png` });
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'STT Session' }).click();
    const dialog = page.getByRole('dialog', { name: 'STT Session' });
    await dialog.getByLabel('Language').selectOption({ label: 'German' });
    await dialog.getByLabel('Audio file').setInputFiles({ name: 'interview-2026-11-24.wav', mimeType: 'audio/wav', buffer: wav });
    await dialog.getByText(/^interview-2026-11-24\.wav · [0-9.]+ [KMG]?B$/).waitFor();
    await shot('stt-chosen');
    await dialog.getByRole('button', { name: 'Start' }).click();
    // A later wait (2 s or more) stays long enough to be seen.
    await dialog.getByRole('status').filter({ hasText: /retrying in [2-9] s/ }).waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Uploading audio…' }).scrollIntoViewIfNeeded();
    await shot('stt-uploading');
    await context.close();
  }
}
await browser.close();
