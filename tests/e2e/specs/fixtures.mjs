// The console under test, configured before it boots: the mock with short
// latency and training times unless a test asks for something else.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  consoleConfig: [{ mock: { latencyMs: 30, trainingMs: 2500 } }, { option: true }],
  page: async ({ page, consoleConfig }, use) => {
    await page.addInitScript((config) => { window.customModelsConfig = config; }, consoleConfig);
    page.on('pageerror', (err) => { throw new Error(`uncaught page error: ${err.message}`); });
    await use(page);
  },
});

export { expect };

/** The rows of the models table, header excluded. */
export function modelRows(page) {
  return page.getByRole('table', { name: 'Custom models' }).getByRole('row').filter({ has: page.getByRole('cell') });
}
