// A backend newer than the console, and hosts that pass what hosts pass: an odd
// item never blanks a page, and a configuration slip never means demo data.
import { test, expect, modelRows, expectNoAxeViolations, createModel } from './fixtures.mjs';
import { fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';

test.describe('data from a newer backend', () => {
  test.use({ consoleConfig: httpConfig });

  test('a list with an unknown status, a status as text and an item without id shows every good row', async ({ page }) => {
    const models = makeModels(6);
    models[1].status = 9;
    models[2].status = 'Running';
    delete models[4].id;
    const backend = await fakeBackend(page, { models });
    backend.offContract();
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(5);
    await expect(page.getByText('1 item could not be shown.')).toBeVisible();
    const unknown = modelRows(page).filter({ hasText: 'Backend model 002' });
    const badge = unknown.locator('.cm-badge');
    await expect(badge).toHaveText(/^Unknown/);
    await expect(badge).toHaveAttribute('title', /“9”/);
    await expect(badge).toContainText('(server status “9”)');
    await expect(modelRows(page).filter({ hasText: 'Backend model 003' }).locator('.cm-badge')).toHaveText('Running');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectNoAxeViolations(page);

    // No action that depends on the status is offered for the unknown one.
    await unknown.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backend model 002' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Train the Language' })).toBeDisabled();
    await expect(page.getByText('a training status this console does not know')).toBeVisible();
  });

  test('a dataset of an unknown type is shown as sent and can be deleted; the others stay', async ({ page }) => {
    const dataset = (id, name, type) => ({
      id, model_id: 'm2', name, type, duration_seconds: null, url: null,
      started_at: '2026-11-20T10:00:00Z', finished_at: '2026-11-20T10:01:00Z',
    });
    const backend = await fakeBackend(page, {
      datasets: { m2: [dataset('d1', 'calls.wav', 'AUDIO'), dataset('d2', 'clip.mp4', 'VIDEO'), { name: 'no id', type: 'AUDIO' }] },
    });
    backend.offContract();
    await page.goto('/custom-models/m2');
    const table = page.getByRole('table', { name: 'Datasets' });
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.getByRole('row', { name: /clip\.mp4/ })).toContainText('VIDEO');
    await expect(page.getByText('1 item could not be shown.')).toBeVisible();
    await page.getByRole('button', { name: 'Actions for clip.mp4' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete dataset?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(table.getByRole('row', { name: /clip\.mp4/ })).toHaveCount(0);
    expect(backend.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/custom-models/m2/datasets/d2']);
    await expect(table.getByRole('row', { name: /calls\.wav/ })).toBeVisible();
  });

  test('a training error code from another endpoint shows that server\'s own words', async ({ page }) => {
    const backend = await fakeBackend(page);
    backend.failNext('POST', '/custom-models', { status: 402, body: '{"error":"no-claims-available","message":"Your plan allows 30 models."}' });
    await page.goto('/custom-models');
    const dialog = await createModel(page, 'Support');
    await expect(dialog.getByRole('alert')).toHaveText('Your plan allows 30 models.');
  });
});

test.describe('honest configuration', () => {
  test.use({
    consoleConfig: { ...httpConfig, user: { id: 42, name: 'Ana', role: 'ORGADMIN', organization_id: 'org1' }, mock: 'yes please' },
  });

  test('a numeric user id and a malformed mock block beside apiBaseUrl: the backend is used, the slip is named', async ({ page }) => {
    const backend = await fakeBackend(page);
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    await expect(page.getByText('Demo data')).toHaveCount(0);
    const notice = page.getByRole('status').filter({ hasText: 'Some configuration settings could not be used' });
    await expect(notice).toContainText('mock should be an object; its default is used.');
    await expect(notice).not.toContainText('user.id');
    // The host's user (id 42 as text) is used: no need to ask the backend who this is.
    expect(backend.requestsTo('GET', '/me')).toHaveLength(0);
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });
});

test.describe('a configuration that cannot say where data goes', () => {
  test.use({ consoleConfig: { apiBaseUrl: { url: '/api' }, token: 't' } });

  test('stops the console with the field to fix and sends nothing', async ({ page }) => {
    const requests = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api')) requests.push(r.url()); });
    await page.goto('/custom-models');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The console could not start: its configuration is not valid');
    await expect(alert).toContainText('apiBaseUrl should be text.');
    await expect(page.getByText('Demo data')).toHaveCount(0);
    expect(requests).toEqual([]);
    await expectNoAxeViolations(page);
  });
});
