// The elements in a Vue 3 + vue-router app (tests/host/vue/, its Vite production
// build under /vue/), which installed dist-embed/ as an npm package: vue-router
// moves with pushState as React Router does, and Vue sets properties and listens
// to the console's events from the template.
import { test, expect } from './fixtures.mjs';
import { fakeBackend, makeModels } from './fake-backend.mjs';

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });
const hostLink = (page, name) => page.getByRole('navigation', { name: 'Host' }).getByRole('link', { name });

function watchConsole(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  return errors;
}

test('Vue host: the console and vue-router follow each other, both ways', async ({ page }) => {
  const errors = watchConsole(page);
  await fakeBackend(page, { events: true });
  await page.goto('/vue/custom-models/m2');
  await expect(heading(page, 'Backend model 002')).toBeVisible();
  await hostLink(page, 'Custom Models').click();
  await expect(heading(page, 'Custom Models')).toBeVisible();
  await expect(page.locator('#host-location')).toHaveText('/custom-models');
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('table', { name: 'Custom models' }).getByRole('link', { name: 'Backend model 003' }).click();
  await expect(heading(page, 'Backend model 003')).toBeVisible();
  await expect(page.locator('#host-location')).toHaveText('/custom-models/m3');
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(heading(page, 'Custom Models')).toBeVisible();
  await expect(page.locator('#host-location')).toHaveText('/custom-models');
  await hostLink(page, 'Reports').click();
  await expect(page.locator('#host-page')).toHaveText('Reports');
  await expect(page.locator('custom-models-console')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Vue host: the picker submits with the form and, required and empty, takes focus', async ({ page }) => {
  const errors = watchConsole(page);
  const models = makeModels(10);
  models.forEach((m) => { m.status = 1; });
  models[0].status = 4; // en-US
  await fakeBackend(page, { models });
  await page.goto('/vue/transcribe');
  const picker = page.locator('#model');
  const select = picker.getByLabel('Custom model');
  await expect(select.locator('option')).toHaveText(['None (base model)', 'Backend model 001 (English (US))']);
  expect(await picker.evaluate((el) => [el.name, el.required])).toEqual(['model', true]);
  await page.getByRole('button', { name: 'Start transcription' }).click();
  await expect(select).toBeFocused();
  await select.selectOption({ label: 'Backend model 001 (English (US))' });
  await page.getByRole('button', { name: 'Start transcription' }).click();
  await expect(page.locator('#submitted')).toHaveText('{"language":"en-US","model":"m1"}');
  expect(errors).toEqual([]);
});
