// What frameworks rely on beyond attributes: properties for every attribute, set
// even before the elements are defined; a console that follows a host router
// moving with pushState alone, with the Navigation API and without it (the
// fallback wraps pushState/replaceState and must leave the host's calls as they
// were); and `path`, for a host that moves the console itself.
import { test, expect } from './fixtures.mjs';
import { fakeBackend, makeModels } from './fake-backend.mjs';

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

test('properties set before the module defines the elements are taken up', async ({ page }) => {
  const models = makeModels(10);
  models[0].status = 4; // en-US, trained
  await fakeBackend(page, { models, tokenless: true });
  // A page that creates the elements and sets their properties first, then loads the module.
  await page.route('**/late/**', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>Late</title>
      <form id="f"><custom-model-select id="model"></custom-model-select></form>
      <custom-models-console id="console"></custom-models-console>
      <script>
        const select = document.getElementById('model');
        Object.assign(select, { name: 'model', language: 'en-US', apiBaseUrl: '/api', required: true, value: 'm1' });
        const element = document.getElementById('console');
        Object.assign(element, { apiBaseUrl: '/api', basePath: '/late', getToken: () => 'test-token-123' });
      </script>
      <script type="module" src="/console/custom-models-console.js"></script>`,
  }));
  await page.goto('/late/custom-models');
  await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(10);
  const select = page.locator('#model');
  await expect(select.getByLabel('Custom model')).toHaveValue('m1');
  expect(await select.evaluate((el) => [el.getAttribute('name'), el.getAttribute('language'), el.required, el.value]))
    .toEqual(['model', 'en-US', true, 'm1']);
  expect(await page.evaluate(() => Object.fromEntries(new FormData(document.getElementById('f'))))).toEqual({ model: 'm1' });
  expect(await page.locator('#console').evaluate((el) => [el.getAttribute('api-base-url'), el.basePath])).toEqual(['/api', '/late']);
});

test('the picker\'s disabled property disables it, reflects, and leaves it out of its form', async ({ page }) => {
  const models = makeModels(3);
  models[0].status = 4; // en-US, trained
  await fakeBackend(page, { models, tokenless: true });
  await page.route('**/disabled/**', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>Disabled</title>
      <form id="f"><custom-model-select id="model" name="model" language="en-US" api-base-url="/api" value="m1"></custom-model-select></form>
      <script type="module" src="/console/custom-models-console.js"></script>`,
  }));
  await page.goto('/disabled/');
  const select = page.locator('#model');
  const inner = select.getByLabel('Custom model');
  await expect(inner).toHaveValue('m1');
  const form = () => page.evaluate(() => Object.fromEntries(new FormData(document.getElementById('f'))));
  expect(await form()).toEqual({ model: 'm1' });
  expect(await select.evaluate((el) => { el.disabled = true; return [el.disabled, el.hasAttribute('disabled')]; })).toEqual([true, true]);
  await expect(inner).toBeDisabled();
  expect(await form(), 'a disabled control is not submitted').toEqual({});
  await select.evaluate((el) => { el.disabled = false; });
  await expect(inner).toBeEnabled();
  expect(await select.evaluate((el) => el.hasAttribute('disabled'))).toBe(false);
  expect(await form()).toEqual({ model: 'm1' });
});

for (const navigationApi of [true, false]) {
  test(`the console follows a host router that moves with pushState alone (${navigationApi ? 'Navigation API' : 'without the Navigation API'})`, async ({ page }) => {
    if (!navigationApi) await page.addInitScript(() => Object.defineProperty(window, 'navigation', { value: undefined }));
    await fakeBackend(page, { tokenless: true });
    await page.goto('/app/custom-models/m2');
    await expect(heading(page, 'Backend model 002')).toBeVisible();
    await page.evaluate(() => {
      window.__moves = [];
      document.addEventListener('cm-navigate', (e) => window.__moves.push(e.detail.path));
    });
    // As React Router, Vue Router and Angular's router do: no popstate.
    const answers = await page.evaluate(() => {
      const pushed = history.pushState({ idx: 7 }, '', '/app/custom-models');
      let thrown = '';
      try { history.pushState(null, '', 'https://elsewhere.example/'); } catch (e) { thrown = e.name; }
      return { pushed, thrown };
    });
    expect(answers).toEqual({ pushed: undefined, thrown: 'SecurityError' });
    // Only without the Navigation API does the console wrap the host's history calls.
    expect(await page.evaluate(() => Boolean(history.pushState.__cmNotifies))).toBe(!navigationApi);
    await expect(heading(page, 'Custom Models')).toBeVisible();
    // The host's entry keeps its state, and nothing is reported back to it.
    expect(await page.evaluate(() => history.state)).toEqual({ idx: 7 });
    await page.evaluate(() => history.replaceState({ idx: 7 }, '', '/app/custom-models/m4'));
    await expect(heading(page, 'Backend model 004')).toBeVisible();
    expect(await page.evaluate(() => window.__moves)).toEqual([]);
    // Paths outside the console's base path are the host's own.
    await page.evaluate(() => history.pushState(null, '', '/app/reports'));
    await expect(page).toHaveURL(/\/app\/reports$/);
    await page.evaluate(() => history.back());
    await expect(heading(page, 'Backend model 004')).toBeVisible();
  });
}

test('a host moves the console with its path property, and reads where it is', async ({ page }) => {
  await fakeBackend(page, { tokenless: true });
  await page.goto('/app/custom-models');
  const element = page.locator('custom-models-console');
  await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(25);
  await element.evaluate((el) => { el.path = '/custom-models/m3'; });
  await expect(heading(page, 'Backend model 003')).toBeVisible();
  await expect(page).toHaveURL(/\/app\/custom-models\/m3$/);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Custom Models' }).click();
  await expect(heading(page, 'Custom Models')).toBeVisible();
  expect(await element.evaluate((el) => el.path)).toBe('/custom-models');
  await page.goBack();
  await expect(heading(page, 'Backend model 003')).toBeVisible();
});
