// The production build leaves the demo backend out: with no apiBaseUrl it
// says what is missing instead of showing demo data. (Its journeys against a
// backend are http-mode and details-http, which run on this build too.)
import { test, expect } from './fixtures.mjs';

test('without a backend configured it explains what to set', async ({ page }) => {
  await page.goto('/custom-models');
  await expect(page.getByRole('alert')).toContainText('not connected to a backend');
  await expect(page.getByRole('alert')).toContainText('apiBaseUrl');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByLabel('Demo role')).toHaveCount(0);
});
