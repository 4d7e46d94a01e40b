import { test, expect, expectNoAxeViolations } from './fixtures.mjs';

const wav = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(64)]);

async function openSession(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace' })).toBeVisible();
  await page.getByRole('button', { name: 'STT Session' }).click();
  const dialog = page.getByRole('dialog', { name: 'STT Session' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const modelOptions = (dialog) => dialog.getByLabel('Custom model').locator('option:not([disabled])');

test('a model that finishes training is offered for its language only, as "Name (Language)"', async ({ page }) => {
  await page.goto('/custom-models?search=Radiology%20notes%201');
  await page.getByRole('link', { name: 'Radiology notes 1', exact: true }).click();
  await page.getByRole('button', { name: 'Train the Language' }).click();
  await page.getByRole('dialog', { name: 'Train the Language?' }).getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible({ timeout: 15_000 });

  const dialog = await openSession(page);
  await dialog.getByLabel('Language').selectOption({ label: 'English (UK)' });
  await expect(modelOptions(dialog)).toContainText(['None (base model)', 'Radiology notes 1 (English (UK))']);
  const labels = await modelOptions(dialog).allTextContents();
  expect(labels.every((l) => l === 'None (base model)' || l.endsWith('(English (UK))'))).toBe(true);
  // Not trained, failed, or training: never offered.
  for (const name of ['Court records 1', 'Pharma sales 1', 'Retail support 1']) expect(labels.join()).not.toContain(name);

  await dialog.getByLabel('Custom model').selectOption({ label: 'Radiology notes 1 (English (UK))' });
  await dialog.getByLabel('Language').selectOption({ label: 'German' });
  await expect(dialog.getByLabel('Custom model')).toHaveValue('');
  expect((await modelOptions(dialog).allTextContents()).join()).not.toContain('Radiology notes 1');
  await dialog.getByLabel('Language').selectOption({ label: 'English (US)' });
  expect((await modelOptions(dialog).allTextContents()).join()).not.toContain('Retail support 1');
  await expectNoAxeViolations(page);
});

test('a Force Alignment session with audio and transcript is created and listed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  const dialog = await openSession(page);
  await dialog.getByRole('radio', { name: 'Force Alignment' }).check();
  await dialog.getByLabel('Language').selectOption({ label: 'French' });
  const start = dialog.getByRole('button', { name: 'Start' });

  await dialog.getByLabel('Audio file').setInputFiles({ name: 'fake.wav', mimeType: 'audio/wav', buffer: Buffer.from('just words') });
  await expect(dialog.getByText('fake.wav: This is not a WAV audio file')).toBeVisible();
  await dialog.getByLabel('Audio file').setInputFiles({ name: 'interview.wav', mimeType: 'audio/wav', buffer: wav });
  await expect(start).toBeDisabled();
  await dialog.getByLabel('Existing transcript').setInputFiles({ name: 'interview.vtt', mimeType: 'text/vtt', buffer: Buffer.from('no header') });
  await expect(dialog.getByText('interview.vtt: Not a WebVTT file')).toBeVisible();
  await dialog.getByLabel('Existing transcript').setInputFiles({ name: 'interview.srt', mimeType: 'text/plain', buffer: Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nBonjour\n') });
  const option = (await modelOptions(dialog).allTextContents()).find((l) => l.endsWith('(French)'));
  await dialog.getByLabel('Custom model').selectOption({ label: option });
  await expectNoAxeViolations(page);
  await start.click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr').first();
  await expect(row).toContainText('Force Alignment');
  await expect(row).toContainText('French');
  await expect(row).toContainText(option.replace(' (French)', ''));
  await expect(row).toContainText('interview.wav + interview.srt');
  await expect(row).toContainText('queued');
  await page.reload();
  await expect(page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr')).toHaveCount(1);
});

test.describe('the audio of a session', () => {
  // Slow chunks, and the demo's network gone for a while after the first one.
  test.use({ consoleConfig: { mock: { chunkLatencyMs: 400, faults: { offlineAfterChunk: 1, offlineForMs: 1_500 } } } });

  test('is uploaded in chunks with its progress, waits out a drop, then the session is created with it', async ({ page }) => {
    // Five chunks of the demo's 1 MiB (a WAV header, then silence): three go at once,
    // so the drop after the first one meets the later ones.
    const big = Buffer.concat([wav, Buffer.alloc(4 * 1024 * 1024 + 100)]);
    await page.goto('/');
    const dialog = await openSession(page);
    await dialog.getByLabel('Audio file').setInputFiles({ name: 'meeting.wav', mimeType: 'audio/wav', buffer: big });
    await dialog.getByLabel('Language').selectOption({ label: 'German' });
    await dialog.getByRole('button', { name: 'Start' }).click();
    await expect(dialog.getByRole('button', { name: 'Uploading audio…' })).toBeDisabled();
    await expect(dialog.getByRole('progressbar', { name: 'Upload of meeting.wav' })).toBeVisible();
    await expect(dialog.getByRole('status')).toContainText('Connection lost — retrying', { timeout: 10_000 });
    // What the user chose stays while the upload waits.
    await expect(dialog.getByLabel('Language')).toHaveValue('de-DE');
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    const row = page.getByRole('table', { name: 'Recent sessions' }).locator('tbody tr').first();
    await expect(row).toContainText('meeting.wav');
    await expect(row).toContainText('German');
    // The demo's store holds the audio's upload, complete and given to that session.
    const held = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
    expect(held).toMatch(/"purpose":"session_audio"[^}]*"session_id":"stt_/);
  });
});

test('the banner and guide links lead to the Home page', async ({ page }) => {
  await page.goto('/custom-models');
  await page.getByRole('region', { name: 'About custom models' }).getByRole('link', { name: 'Home page' }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole('button', { name: 'STT Session' })).toBeVisible();
});
