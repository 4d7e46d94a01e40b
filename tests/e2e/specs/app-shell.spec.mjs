import { test, expect, modelRows } from './fixtures.mjs';

test('the release build shows the Custom Models list from demo data', async ({ page }) => {
  await page.goto('/custom-models');
  await expect(page.getByRole('heading', { level: 1, name: 'Custom Models' })).toBeVisible();
  await expect(page.getByText('Demo data')).toBeVisible();
  await expect(modelRows(page)).toHaveCount(25);
  await expect(page.getByRole('columnheader', { name: 'Training Status' })).toBeVisible();
});

test('a model name leads to its details page and back', async ({ page }) => {
  await page.goto('/custom-models');
  const first = modelRows(page).first().getByRole('link');
  const name = await first.textContent();
  await first.click();
  await expect(page).toHaveURL(/\/custom-models\/cm_\d+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.goBack();
  await expect(modelRows(page)).toHaveCount(25);
});

test('an unknown model id shows not-found with a way back', async ({ page }) => {
  await page.goto('/custom-models/cm_does_not_exist');
  await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Custom Models' }).click();
  await expect(modelRows(page)).toHaveCount(25);
});

test('an unknown route shows a not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Custom Models' }).click();
  await expect(page).toHaveURL(/\/custom-models$/);
});

test('the demo role survives a reload', async ({ page }) => {
  await page.goto('/custom-models');
  const role = page.getByLabel('Demo role');
  await expect(role).toHaveValue('ORGADMIN');
  await role.selectOption({ label: 'Member' });
  await page.reload();
  await expect(page.getByLabel('Demo role')).toHaveValue('MEMBER');
});

test('the console still works when localStorage throws', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new Error('SecurityError: storage disabled'); } });
  });
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
});
