// Tests, versions, dataset checks and training progress in the demo (mock API).
import { readFileSync } from 'node:fs';

import { test, expect, expectNoAxeViolations, settled } from './fixtures.mjs';
import { parseCsv } from './csv.mjs';

async function openModel(page, name) {
  await page.goto(`/custom-models?search=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
const picker = (dialog) => dialog.getByLabel('Drop files here or click to choose');
const datasetRow = (page, name) => page.getByRole('table', { name: 'Datasets' }).locator('tbody tr').filter({ hasText: name });

/** An SRT of `n` distinct support-call lines. */
function srt(n) {
  const words = ['invoice', 'parcel', 'router', 'refund', 'address', 'ticket', 'courier', 'firmware'];
  return Array.from({ length: n }, (_, i) => {
    const s = i * 4 + 1;
    const t = (x) => `00:${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')},000`;
    return `${i + 1}\n${t(s)} --> ${t(s + 3)}\nplease check the ${words[i % 8]} number ${i} for my account today\n`;
  }).join('\n');
}

async function upload(page, type, files) {
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await picker(dialog).setInputFiles(files);
  await dialog.getByLabel('Dataset type').selectOption(type);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

test('train, upload TEST data, run a test, reopen it from its link, filter and page its utterances', async ({ page }) => {
  // A whole journey: a training, a test and four table states, each waited for.
  test.setTimeout(90_000);
  await openModel(page, 'Radiology notes 1');
  await upload(page, 'TEST', [file('holdout.srt', srt(30))]);
  await expect(datasetRow(page, 'holdout.srt')).toContainText('Valid');
  await page.getByRole('button', { name: 'Train the Language' }).click();
  await page.getByRole('dialog', { name: 'Train the Language?' }).getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'New Test' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Test' });
  await dialog.getByRole('button', { name: 'Start Test' }).click();
  await expect(dialog.getByText('Enter a name for the test.')).toBeVisible();
  await expect(dialog.getByText('Choose at least one TEST dataset.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Holdout Nov');
  await dialog.getByRole('checkbox', { name: 'holdout.srt' }).check();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Start Test' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: 'Tests' }).locator('tbody tr').filter({ hasText: 'Holdout Nov' });
  await expect(row).toContainText('Succeeded', { timeout: 10_000 });
  await expect(row).toContainText(/\d+ % fewer errors/);

  await row.getByRole('link', { name: 'Holdout Nov' }).click();
  await expect(page).toHaveURL(/\/custom-models\/[^/]+\/tests\/[^/?]+$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Holdout Nov' })).toBeVisible();
  const base = page.locator('.cm-summary__card').filter({ hasText: 'Base model' });
  const custom = page.locator('.cm-summary__card').filter({ hasText: 'Custom model' });
  const rate = async (card) => Number((await card.locator('.cm-summary__rate').innerText()).match(/([\d.]+) %/)[1]);
  expect(await rate(custom)).toBeLessThan(await rate(base));
  await expect(base.getByRole('list', { name: 'Errors of the base model' })).toContainText('Substitutions');

  const table = page.getByRole('table', { name: 'Utterances with each model’s errors' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await expect(page.getByText('1–25 of 30')).toBeVisible();
  await page.getByRole('navigation', { name: 'Utterances pages' }).getByRole('link', { name: 'Next ›' }).click();
  await expect(page.getByText('26–30 of 30')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expectNoAxeViolations(page);

  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Custom worse than base' });
  await expect(page).toHaveURL(/filter=custom_worse/);
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const tr of await rows.all()) {
    const cells = await tr.locator('td').allInnerTexts();
    const [b, c] = cells.slice(-2).map((t) => Number(t.replace(' %', '')));
    expect(c, cells.join(' | ')).toBeGreaterThan(b);
  }
  await expect(table.locator('mark, del, ins').first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('custom_worse');
});

test('a new version copies the datasets, starts Ready to Run and links both ways', async ({ page }) => {
  await openModel(page, 'Field service 1');
  await page.getByRole('button', { name: 'New Version' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Version' });
  await expect(dialog.getByLabel('Name')).toHaveValue('Field service 1 v2');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Create Version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Field service 1 v2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training status: Ready to Run' })).toBeVisible();
  for (const name of ['support-calls-week1.wav', 'support-calls-week1.vtt', 'glossary.txt', 'holdout.srt']) {
    await expect(datasetRow(page, name)).toBeVisible();
  }
  await page.getByText('Based on').getByRole('link', { name: 'Field service 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Field service 1' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Versions of this model' }).getByRole('link', { name: 'Field service 1 v2' })).toBeVisible();
});

test('a dataset the server finds invalid blocks training, naming it and its problems', async ({ page }) => {
  await openModel(page, 'Radiology notes 1');
  await upload(page, 'TRANSCRIPT', [file('bad.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBackwards cue\n')]);
  await expect(datasetRow(page, 'bad.vtt')).toContainText('Invalid');
  const train = page.getByRole('button', { name: 'Train the Language' });
  await expect(train).toBeDisabled();
  await expect(page.getByText('Fix or delete the invalid datasets first: bad.vtt.')).toBeVisible();
  await datasetRow(page, 'bad.vtt').getByText('1 problem').click();
  await expect(datasetRow(page, 'bad.vtt')).toContainText('Line 3: cue ends before it starts');
  await expectNoAxeViolations(page);
  // The open problems widen the Check column: the table still fits its section, at
  // every width where it is a table rather than cards.
  for (const width of [1001, 1100, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => {
      const table = document.querySelector('.cm-datasets table').getBoundingClientRect();
      return Math.round(table.right - document.querySelector('.cm-datasets').getBoundingClientRect().right);
    });
    expect(overflow, `the datasets table overflows by ${overflow} px at ${width} px`).toBeLessThanOrEqual(0);
  }
});

test.describe('a long training', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 30, trainingMs: 20 * 60_000 } } });

  test('shows a progress bar that moves and the time left, on the page and in the list', async ({ page }) => {
    await page.clock.install();
    await openModel(page, 'Radiology notes 1');
    await page.getByRole('button', { name: 'Train the Language' }).click();
    await page.getByRole('dialog', { name: 'Train the Language?' }).getByRole('button', { name: 'Train' }).click();
    const bar = page.getByRole('progressbar', { name: 'Training progress' });
    await expect(bar).toBeVisible();
    const before = Number(await bar.getAttribute('value'));
    const left = page.getByText(/about \d+ min left/);
    const minutesLeft = async () => Number((await left.innerText()).match(/about (\d+) min left/)[1]);
    await expect(left).toBeVisible();
    const minutesBefore = await minutesLeft();
    expect(minutesBefore).toBeGreaterThanOrEqual(19);
    // Six minutes, half a minute at a time: polls are answered as time passes.
    for (let i = 0; i < 12; i += 1) {
      await page.clock.runFor(30_000);
      await settled(page);
    }
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThanOrEqual(before + 25);
    // Six minutes later, about six fewer: the text is as of the last poll (up to half a
    // minute earlier), and the clock also runs while the test works.
    await expect.poll(async () => minutesBefore - (await minutesLeft())).toBeGreaterThanOrEqual(5);
    expect(minutesBefore - (await minutesLeft())).toBeLessThanOrEqual(8);
    await page.getByRole('link', { name: 'Custom Models' }).first().click();
    await expect(page.getByRole('progressbar', { name: 'Training progress of Radiology notes 1' })).toBeVisible();
  });
});

test('a test’s results download as a CSV of every utterance, and Show as compared shows the reference as compared', async ({ page }) => {
  await openModel(page, 'Field service 1');
  await page.getByRole('link', { name: 'Holdout November' }).click();
  const table = page.getByRole('table', { name: 'Utterances with each model’s errors' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const total = Number((await page.getByText(/^\d+–\d+ of \d+$/).innerText()).match(/of (\d+)/)[1]);

  const reference = table.locator('tbody tr').first().locator('td').first();
  const written = await reference.innerText();
  expect(written).toMatch(/[A-Z].*[.?!]$/);
  await page.getByRole('checkbox', { name: 'Show as compared' }).check();
  const compared = written.toLowerCase().replace(/[.,?!;:]/g, ' ').replace(/\s+/g, ' ').trim();
  await expect(reference).toHaveText(compared);
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download results (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Holdout November results.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString('utf8').slice(1));
  expect(rows[0].slice(0, 6)).toEqual(['File', 'Start (s)', 'End (s)', 'Reference', 'Base model', 'Custom model']);
  expect(rows).toHaveLength(1 + total);
  expect(rows[1][3]).toBe(written);
  await expect(page.getByRole('status').filter({ hasText: `Saved ${total} utterances to Holdout November results.csv.` })).toBeVisible();
});
