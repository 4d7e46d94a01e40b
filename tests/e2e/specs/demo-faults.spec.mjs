// The offline demo plays the network's faults too (mock.faults in the config),
// so what the console does about them can be seen without a backend.
import { test, expect, modelRows, advance } from './fixtures.mjs';

test.describe('the offline demo', () => {
  // Running trainings last long enough to keep the list polling throughout.
  test.use({ consoleConfig: { mock: { latencyMs: 30, trainingMs: 600_000, faults: { readFailureRate: 0.5 } } } });

  test('plays failed refreshes and their recovery', async ({ page }) => {
    // The demo draws its faults with Math.random; the test decides the draws.
    await page.addInitScript(() => {
      window.__failReads = false;
      Math.random = () => (window.__failReads ? 0 : 0.99);
    });
    await page.clock.install();
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    await page.evaluate(() => { window.__failReads = true; });
    await advance(page, 3_000);
    await expect(page.getByText('Could not refresh — retrying.')).toBeVisible();
    await expect(modelRows(page)).toHaveCount(25);
    await page.evaluate(() => { window.__failReads = false; });
    await advance(page, 20_000);
    await expect(page.getByText('Could not refresh — retrying.')).toHaveCount(0);
  });
});
