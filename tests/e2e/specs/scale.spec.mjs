import { test, expect, modelRows } from './fixtures.mjs';

test.describe('at scale', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 0, generate: 100000, generateDatasets: 10000 } } });

  test('100,000 models page, sort and search, and the demo says it is not saved', async ({ page }) => {
    await page.goto('/custom-models');
    await expect(page.getByText('1–25 of 100000')).toBeVisible();
    await expect(page.getByText('Not saved')).toBeVisible();
    await expect(page.getByText('Not saved')).toHaveAttribute('title', /cannot be saved/);
    await page.goto('/custom-models?page=4000&sort=name');
    await expect(page.getByText('99976–100000 of 100000')).toBeVisible();
    await expect(modelRows(page)).toHaveCount(25);
    await page.getByRole('searchbox', { name: 'Search models by name' }).fill('042424');
    await expect(modelRows(page)).toHaveCount(1);
    await expect(modelRows(page).first()).toContainText('042424');
  });

  test('10,000 datasets on one model page by the API', async ({ page }) => {
    await page.goto('/custom-models/gm_0?page=400');
    await expect(page.getByText('9976–10000 of 10000')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Datasets' }).locator('tbody tr')).toHaveCount(25);
  });
});
