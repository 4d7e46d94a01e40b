// The host build (dist-embed/) in host pages: a plain page with one script tag
// and <custom-models-console>, and an app with its own router, links, global
// CSS and a form holding <custom-model-select>. Both pages run under the strict CSP.
import { test, expect, expectNoAxeViolations, advance, createModel } from './fixtures.mjs';
import { fakeBackend, makeModels } from './fake-backend.mjs';

const events = (page) => page.evaluate(() => window.__events);
// The host pages give the elements no token (their own backend would know the host's
// session), so the fake backend does not ask the requests for one.
const hostPages = { tokenless: true };

test('a plain page: one script tag and the element give the whole console under its base path', async ({ page }) => {
  await page.goto('/plain/custom-models');
  const table = page.getByRole('table', { name: 'Custom models' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await table.getByRole('link', { name: 'Podcast 1', exact: true }).click();
  await expect(page).toHaveURL(/\/plain\/custom-models\/cm_\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Podcast 1' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Custom Models' }).click();
  await expect(page).toHaveURL(/\/plain\/custom-models$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Podcast 1' })).toBeVisible();
  await expect(page.locator('#host-title')).toHaveText('Acme Workspace');
});

test.describe('an app with its own router, styles and form', () => {
  test('host CSS does not reach the console, and the console\'s does not reach the host', async ({ page }) => {
    await fakeBackend(page, hostPages);
    await page.goto('/app/custom-models');
    const heading = page.getByRole('heading', { level: 1, name: 'Custom Models' });
    await expect(heading).toBeVisible();
    await expect(heading).not.toHaveCSS('color', 'rgb(200, 0, 0)');
    await expect(heading).not.toHaveCSS('font-family', /Comic Sans/);
    await expect(page.getByRole('button', { name: 'New Custom Model' })).toHaveCSS('background-color', 'rgb(29, 78, 216)');
    await expect(page.getByRole('table', { name: 'Custom models' })).toHaveCSS('border-top-width', '0px');
    await expect(page.locator('custom-models-console').locator('.cm-root')).toHaveCSS('letter-spacing', 'normal');
    // The host keeps its own look.
    await expect(page.locator('#host-title')).toHaveCSS('color', 'rgb(200, 0, 0)');
    await expect(page.getByRole('button', { name: 'Start transcription' })).toHaveCSS('background-color', 'rgb(255, 105, 180)');
    await expectNoAxeViolations(page, 'custom-models-console');
  });

  test('the host\'s links stay the host\'s, its router can move the console, and removing the element stops its requests', async ({ page }) => {
    const backend = await fakeBackend(page, hostPages);
    await page.clock.install();
    await page.goto('/app/custom-models');
    await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(25);
    // The host's router puts a console path in the URL: the console follows.
    await page.evaluate(() => { history.pushState({}, '', '/app/custom-models/m2'); dispatchEvent(new PopStateEvent('popstate')); });
    await expect(page.getByRole('heading', { level: 1, name: 'Backend model 002' })).toBeVisible();
    // A host link: the host's router handles it and removes the console.
    await page.getByRole('navigation', { name: 'Host' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page.locator('#host-page')).toHaveText('Reports');
    await expect(page).toHaveURL(/\/app\/reports$/);
    await expect(page.locator('custom-models-console')).toHaveCount(0);
    const sent = backend.requests.length;
    await advance(page, 60_000);
    expect(backend.requests.length).toBe(sent);
    await page.getByRole('navigation', { name: 'Host' }).getByRole('link', { name: 'Models' }).click();
    await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(25);
  });

  test('the console tells the host what happens, with details', async ({ page }) => {
    const backend = await fakeBackend(page, hostPages);
    await page.goto('/app/custom-models');
    await createModel(page, 'Support');
    await expect.poll(async () => (await events(page)).map((e) => e.type)).toContain('cm-model-created');
    const created = (await events(page)).find((e) => e.type === 'cm-model-created');
    expect(created.detail.model).toMatchObject({ name: 'Support', language: 'de-DE', status: 1, statusLabel: 'Not Running' });
    await page.getByRole('link', { name: 'Open “Support”' }).click();
    await expect.poll(async () => (await events(page)).filter((e) => e.type === 'cm-navigate').map((e) => e.detail.path))
      .toContain(`/app/custom-models/${created.detail.model.id}`);
    await page.getByLabel('Name', { exact: true }).fill('Support desk');
    await page.getByRole('button', { name: 'Update' }).click();
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'cm-model-renamed')?.detail.model.name).toBe('Support desk');

    backend.failNext('GET', '/custom-models', { status: 401, body: '{"error":"unauthorized","message":"Expired."}' });
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Custom Models' }).click();
    await expect.poll(async () => (await events(page)).filter((e) => e.type === 'cm-unauthorized')).toHaveLength(1);
  });

  test('dialogs inside the shadow root take focus, close on Escape and give focus back', async ({ page }) => {
    await fakeBackend(page, hostPages);
    await page.goto('/app/custom-models');
    const open = page.getByRole('button', { name: 'New Custom Model' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'New Custom Model' });
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('keyboard shortcuts act only while focus is in the console', async ({ page }) => {
    await fakeBackend(page, hostPages);
    await page.goto('/app/custom-models');
    await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(25);
    await page.keyboard.press('n');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('button', { name: 'Getting Started' }).focus();
    await page.keyboard.press('n');
    await expect(page.getByRole('dialog', { name: 'New Custom Model' })).toBeVisible();
  });

  test('deleting a model and uploading a dataset are reported', async ({ page }) => {
    await fakeBackend(page, hostPages);
    await page.goto('/app/custom-models');
    await page.getByRole('button', { name: 'Actions for Backend model 002' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete custom model?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'cm-model-deleted')?.detail.model.id).toBe('m2');

    await page.getByRole('link', { name: 'Backend model 001' }).click();
    await page.getByRole('button', { name: 'New Dataset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Dataset' });
    await dialog.getByLabel('Drop files here or click to choose')
      .setInputFiles([{ name: 'words.txt', mimeType: 'text/plain', buffer: Buffer.from('a'.repeat(2500)) }]);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'cm-dataset-uploaded')?.detail)
      .toMatchObject({ modelId: 'm1', dataset: { name: 'words.txt', type: 'TRANSCRIPT' } });
  });

  test('a host themes the console through --cm-* properties on the element, and only through them', async ({ page }) => {
    await fakeBackend(page, hostPages);
    await page.goto('/app/custom-models');
    const create = page.getByRole('button', { name: 'New Custom Model' });
    await expect(create).toHaveCSS('background-color', 'rgb(29, 78, 216)');
    await page.locator('custom-models-console').evaluate((el) => el.style.setProperty('--cm-accent', 'rgb(0, 100, 0)'));
    await expect(create).toHaveCSS('background-color', 'rgb(0, 100, 0)');
  });

  test('a training that finishes is reported with its final status', async ({ page }) => {
    const models = makeModels(3);
    models.forEach((m) => { m.status = 2; });
    const audio = { id: 'd1', model_id: 'm1', name: 'calls.wav', type: 'AUDIO', duration_seconds: 60, url: null, started_at: null, finished_at: null };
    const backend = await fakeBackend(page, { ...hostPages, models, datasets: { m1: [audio] } });
    await page.goto('/app/custom-models/m1');
    await page.getByRole('button', { name: 'Train the Language' }).click();
    await page.getByRole('dialog', { name: 'Train the Language?' }).getByRole('button', { name: 'Train' }).click();
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'cm-training-started')?.detail.model.status).toBe(3);
    backend.models[0].status = 4;
    await expect.poll(async () => (await events(page)).find((e) => e.type === 'cm-training-finished')?.detail.model, { timeout: 15_000 })
      .toMatchObject({ id: 'm1', status: 4, statusLabel: 'Success' });
  });

  test('the model select submits with the host\'s form, is invalid when required and empty, and follows the language', async ({ page }) => {
    const models = makeModels(10);
    models.forEach((m) => { m.status = 1; });
    models[0].status = 4; // en-US
    models[1].status = 4; // de-DE
    await fakeBackend(page, { ...hostPages, models });
    await page.goto('/app/');
    const form = page.locator('#transcribe');
    const select = page.locator('#model').getByLabel('Custom model');
    await expect(select.locator('option')).toHaveText(['None (base model)', 'Backend model 001 (English (US))']);
    expect(await form.evaluate((f) => f.checkValidity())).toBe(false);
    await page.getByRole('button', { name: 'Start transcription' }).click();
    await expect(page.locator('#submitted')).toHaveText('');

    await page.locator('#model').evaluate((el) => { window.__changes = 0; el.addEventListener('change', () => { window.__changes += 1; }); });
    await select.selectOption({ label: 'Backend model 001 (English (US))' });
    expect(await page.locator('#model').evaluate((el) => el.value)).toBe('m1');
    expect(await page.evaluate(() => window.__changes)).toBe(1);
    await page.getByRole('button', { name: 'Start transcription' }).click();
    await expect(page.locator('#submitted')).toHaveText('{"language":"en-US","model":"m1"}');

    // Another language: the English model no longer fits and the choice resets.
    await page.getByLabel('Language').selectOption('de-DE');
    await expect(select.locator('option')).toHaveText(['None (base model)', 'Backend model 002 (German)']);
    expect(await page.locator('#model').evaluate((el) => el.value)).toBe('');
    expect(await form.evaluate((f) => f.checkValidity())).toBe(false);
  });

  test('a console and a model select share the page and work independently', async ({ page }) => {
    const models = makeModels(10);
    models[0].status = 4;
    await fakeBackend(page, { ...hostPages, models });
    await page.goto('/app/custom-models');
    await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(10);
    await page.locator('#model').getByLabel('Custom model').selectOption({ label: 'Backend model 001 (English (US))' });
    await page.getByRole('table', { name: 'Custom models' }).getByRole('link', { name: 'Backend model 003' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backend model 003' })).toBeVisible();
    expect(await page.locator('#model').evaluate((el) => el.value)).toBe('m1');
  });
});

test('a page with only the picker loads the picker\'s own module, not the console', async ({ page }) => {
  const models = makeModels(10);
  models.forEach((m) => { m.status = 1; });
  models[0].status = 4; // en-US
  await fakeBackend(page, { ...hostPages, models });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/picker');
  const select = page.locator('#model').getByLabel('Custom model');
  await expect(select.locator('option')).toHaveText(['None (base model)', 'Backend model 001 (English (US))']);
  await select.selectOption({ label: 'Backend model 001 (English (US))' });
  await page.getByRole('button', { name: 'Start transcription' }).click();
  await expect(page.locator('#submitted')).toHaveText('{"model":"m1"}');
  expect(fetched).toContain('/console/custom-model-select_bg.wasm');
  expect(fetched.filter((p) => p.includes('custom-models-console'))).toEqual([]);
  await expectNoAxeViolations(page);
});
