// Tests and versions against a backend over HTTP (the fake of docs/api.md):
// the requests follow the contract, a failed test says why, and odd
// utterances (empty, very long, hostile HTML) render safely.
import { readFileSync } from 'node:fs';

import { test, expect, expectNoAxeViolations, settled } from './fixtures.mjs';
import { fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';
import { parseCsv } from './csv.mjs';

test.use({ consoleConfig: httpConfig });

const trained = () => {
  const models = makeModels(5);
  models[3].status = 4; // m4, Success
  return models;
};
const testData = { m4: [{ id: 'd1', model_id: 'm4', name: 'holdout.vtt', type: 'TEST', duration_seconds: null, url: null, started_at: null, finished_at: null, status: 'valid', problems: [] }] };
const counts = (s, d, i, n) => ({ substitutions: s, deletions: d, insertions: i, reference_words: n });

test('a test is started as the contract says, and one that fails says why', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  await page.goto('/custom-models/m4');
  await expect(page.getByRole('heading', { name: 'Test the model' })).toBeVisible();
  await expect(page.getByText('No tests yet')).toBeVisible();
  await page.getByRole('button', { name: 'New Test' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Test' });
  await dialog.getByLabel('Name').fill('Holdout Nov');
  await dialog.getByRole('checkbox', { name: 'holdout.vtt' }).check();
  await dialog.getByRole('button', { name: 'Start Test' }).click();
  await expect(dialog).toBeHidden();
  const [created] = backend.requestsTo('POST', '/custom-models/m4/evaluations');
  expect(JSON.parse(created.body)).toEqual({ name: 'Holdout Nov', dataset_ids: ['d1'] });
  expect(created.idempotencyKey).toBeTruthy();
  const row = page.getByRole('table', { name: 'Tests' }).locator('tbody tr').filter({ hasText: 'Holdout Nov' });
  await expect(row).toContainText('Queued');

  Object.assign(backend.evaluations.m4[0], { status: 'failed', failure_code: 'no_reference_text', finished_at: new Date().toISOString() });
  await expect(row).toContainText('Failed', { timeout: 15_000 });
  await expect(row).toContainText('The test datasets hold no transcript text to compare with.');
  await row.getByRole('link', { name: 'Holdout Nov' }).click();
  await expect(page.getByRole('alert')).toContainText('The test failed');
  await expect(page.getByRole('alert')).toContainText('Code: no_reference_text');
});

test('odd utterances render as text: empty reference, very long text, hostile HTML', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  backend.evaluations = { m4: [{
    id: 'ev1', model_id: 'm4', name: 'Odd', dataset_ids: ['d1'], status: 'succeeded', created_at: null,
    finished_at: null, failure_code: null, summary: { base: counts(3, 1, 2, 404), custom: counts(1, 0, 1, 404) },
  }] };
  backend.utterances = { ev1: [
    { file: 'holdout.vtt', start: null, end: null, reference: '', base: 'uh hello', custom: '' },
    { file: 'holdout.vtt', start: 1, end: 2.5, reference: long, base: long.replace('word7 ', ''), custom: long },
    { file: '<b>x</b>.vtt', start: 3, end: 4, reference: 'click <img src=x onerror="window.__pwned=1"> here', base: 'click <script>window.__pwned=2</script> here', custom: 'click here' },
  ] };
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/custom-models/m4/tests/ev1?filter=errors&sort=improvement_desc');
  await expect(page.getByRole('heading', { level: 1, name: 'Odd' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Utterances with each model’s errors' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('—');
  await expect(rows.nth(0).locator('ins')).toHaveCount(2);
  await expect(rows.nth(2)).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(rows.nth(2)).toContainText('<b>x</b>.vtt');
  expect(await page.evaluate(() => [window.__pwned, document.querySelectorAll('.cm-root img, .cm-root script, .cm-root b').length])).toEqual([undefined, 0]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  const [asked] = backend.requests.filter((r) => r.path === '/evaluations/ev1/utterances');
  expect(asked.params).toMatchObject({ filter: 'errors', sort: 'improvement_desc', page: '1', page_size: '25' });
  await expect(page.getByText('67 % fewer errors')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a new version is created with from_model_id and says what it is based on', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  await page.goto('/custom-models/m4');
  await page.getByRole('button', { name: 'New Version' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Version' });
  await dialog.getByRole('button', { name: 'Create Version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backend model 004 v2' })).toBeVisible();
  const [created] = backend.requests.filter((r) => r.method === 'POST' && r.path === '/custom-models');
  expect(JSON.parse(created.body)).toEqual({ name: 'Backend model 004 v2', from_model_id: 'm4' });
  await expect(page.getByText('Based on').getByRole('link', { name: 'Backend model 004' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('holdout.vtt');
});

test('a language written without spaces is measured in characters, and the page says so', async ({ page }) => {
  const models = trained();
  models[3].language = 'ja-JP';
  const backend = await fakeBackend(page, { models, datasets: testData });
  backend.evaluations = { m4: [{
    id: 'ev1', model_id: 'm4', name: 'Japanese holdout', dataset_ids: ['d1'], status: 'succeeded', created_at: null,
    finished_at: null, failure_code: null, summary: { base: counts(2, 0, 0, 7), custom: counts(1, 0, 0, 7) },
  }] };
  backend.utterances = { ev1: [{ file: 'holdout.vtt', start: 0, end: 2, reference: '今日は晴れです', base: '今日は雨です', custom: '今日は晴れです' }] };
  await page.goto('/custom-models/m4/tests/ev1');
  await expect(page.getByText('Character error rate (CER): this language is written without spaces')).toBeVisible();
  const table = page.getByRole('table', { name: 'Utterances with each model’s errors' });
  await expect(table.getByRole('columnheader', { name: 'Base CER' })).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText('28.6 %');
  await expect(table.locator('tbody tr').first().locator('mark')).toContainText('雨');
});

test('a test can be deleted from the model page; its results go, the datasets stay', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  backend.evaluations = { m4: [{
    id: 'ev1', model_id: 'm4', name: 'Old run', dataset_ids: ['d1'], status: 'succeeded', created_at: null,
    finished_at: null, failure_code: null, summary: { base: counts(3, 1, 2, 40), custom: counts(1, 0, 1, 40) },
  }] };
  await page.goto('/custom-models/m4');
  await page.getByRole('button', { name: 'Delete test Old run' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete test?' });
  await expect(confirm).toContainText('Old run');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No tests yet')).toBeVisible();
  expect(backend.requestsTo('DELETE', '/evaluations/ev1')).toHaveLength(1);
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('holdout.vtt');
});

const succeeded = (name, summary) => ({ m4: [{
  id: 'ev1', model_id: 'm4', name, dataset_ids: ['d1'], status: 'succeeded', created_at: null,
  finished_at: null, failure_code: null, summary,
}] });

test('Download results (CSV) fetches every page with progress, and the file opens safely in a spreadsheet', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  backend.evaluations = succeeded('Holdout, "Nov"', { base: counts(20, 5, 5, 1500), custom: counts(10, 2, 2, 1500) });
  const plain = (i) => ({ file: 'holdout.vtt', start: i * 2, end: i * 2 + 1.5, reference: `line ${i} of the holdout set`, base: `line ${i} of a holdout set`, custom: `line ${i} of the holdout set` });
  backend.utterances = { ev1: [
    { file: 'calls, week 1.vtt', start: 0.25, end: 3, reference: 'She said "hi", then\nleft.', base: 'she said hi then left', custom: 'she said hi then left' },
    { file: 'holdout.vtt', start: null, end: null, reference: "=cmd|' /C calc'!A0", base: '@SUM(1+1)', custom: '-2+3' },
    ...Array.from({ length: 248 }, (_, i) => plain(i + 2)),
  ] };
  await page.goto('/custom-models/m4/tests/ev1');
  await expect(page.getByRole('heading', { level: 1, name: 'Holdout, "Nov"' })).toBeVisible();

  const release = backend.holdUtterancesPage(2);
  await page.getByRole('button', { name: 'Download results (CSV)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Preparing 2 of 3 pages…' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Download progress' })).toHaveAttribute('max', '3');
  await expect(page.getByRole('button', { name: 'Download results (CSV)' })).toBeDisabled();
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent('download');
  release();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Holdout, _Nov_ results.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString('utf8').slice(1));
  expect(rows[0]).toEqual(['File', 'Start (s)', 'End (s)', 'Reference', 'Base model', 'Custom model',
    'Base S', 'Base D', 'Base I', 'Base N', 'Base WER (%)', 'Custom S', 'Custom D', 'Custom I', 'Custom N', 'Custom WER (%)']);
  expect(rows).toHaveLength(1 + 250);
  expect(rows[1]).toEqual(['calls, week 1.vtt', '0.25', '3', 'She said "hi", then\nleft.', 'she said hi then left', 'she said hi then left', '0', '0', '0', '5', '0.0', '0', '0', '0', '5', '0.0']);
  expect(rows[2].slice(0, 6)).toEqual(['holdout.vtt', '', '', "'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3"]);
  expect(rows[3].slice(6)).toEqual(['1', '0', '0', '6', '16.7', '0', '0', '0', '6', '0.0']);
  expect(rows.at(-1)[3]).toBe('line 249 of the holdout set');
  await expect(page.getByRole('status').filter({ hasText: 'Saved 250 utterances to Holdout, _Nov_ results.csv.' })).toBeVisible();
  const asked = backend.requests.filter((r) => r.path === '/evaluations/ev1/utterances' && r.params.page_size === '100');
  expect(asked.map((r) => [r.params.page, r.params.filter, r.params.sort])).toEqual([['1', 'all', 'original'], ['2', 'all', 'original'], ['3', 'all', 'original']]);
});

test('a download can be cancelled half way, and a failed page says so', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  backend.evaluations = succeeded('Big', { base: counts(2, 0, 0, 1000), custom: counts(1, 0, 0, 1000) });
  backend.utterances = { ev1: Array.from({ length: 150 }, (_, i) => ({ file: 'a.vtt', start: i, end: i + 1, reference: `word ${i}`, base: `word ${i}`, custom: `word ${i}` })) };
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.goto('/custom-models/m4/tests/ev1');
  const button = page.getByRole('button', { name: 'Download results (CSV)' });
  const release = backend.holdUtterancesPage(2);
  await button.click();
  await expect(page.getByText('Preparing 2 of 2 pages…')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Download cancelled.' })).toBeVisible();
  await expect(button).toBeEnabled();
  release();
  await expect.poll(() => backend.requests.filter((r) => r.path === '/evaluations/ev1/utterances' && r.params.page === '2').every((r) => r.answered)).toBe(true);
  await settled(page);
  expect(downloads).toBe(0);
  await expect(page.getByRole('status').filter({ hasText: 'Download cancelled.' })).toBeVisible();

  backend.failNext('GET', '/evaluations/ev1/utterances', { status: 500, body: JSON.stringify({ error: 'internal', message: 'boom' }) });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'The results could not be downloaded' })).toBeVisible();
  expect(downloads).toBe(0);
});

test('rates treat punctuation, symbols, digit groups and composed letters alike; Show as compared shows why', async ({ page }) => {
  const backend = await fakeBackend(page, { models: trained(), datasets: testData });
  backend.evaluations = succeeded('Normalisation', { base: counts(0, 0, 0, 10), custom: counts(0, 0, 0, 10) });
  backend.utterances = { ev1: [
    { file: 'a.vtt', start: 0, end: 2, reference: 'It costs $1,000,000 — or €5.', base: 'it costs 1000000 or 5', custom: 'It costs 1,000,000 or 5' },
    { file: 'b.vtt', start: 2, end: 4, reference: 'مرحبا، كيف حالك؟', base: 'مرحبا كيف حالك', custom: 'مرحبا كيف حالك' },
    { file: 'c.vtt', start: 4, end: 6, reference: 'Un café, s’il vous plaît.', base: 'un cafe\u0301 s\'il vous plaît', custom: 'un cafe s\'il vous plaît' },
  ] };
  await page.goto('/custom-models/m4/tests/ev1');
  const rows = page.getByRole('table', { name: 'Utterances with each model’s errors' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const rates = async (i) => (await rows.nth(i).locator('td').allInnerTexts()).slice(-2);
  expect(await rates(0)).toEqual(['0.0 %', '0.0 %']);
  expect(await rates(1)).toEqual(['0.0 %', '0.0 %']);
  expect(await rates(2)).toEqual(['0.0 %', '20.0 %']);
  const reference = (i) => rows.nth(i).locator('td').first();
  await expect(reference(0)).toHaveText('It costs $1,000,000 — or €5.');
  await page.getByRole('checkbox', { name: 'Show as compared' }).check();
  await expect(reference(0)).toHaveText('it costs 1000000 or 5');
  await expect(reference(1)).toHaveText('مرحبا كيف حالك');
  await expect(reference(2)).toHaveText("un café s'il vous plaît");
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: 'Show as compared' }).uncheck();
  await expect(reference(0)).toHaveText('It costs $1,000,000 — or €5.');
});
