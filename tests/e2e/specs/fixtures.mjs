// The console under test, configured before it boots: the mock with short
// latency and training times unless a test asks for something else, and the
// Getting Started guide already seen unless a test is about the guide.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  consoleConfig: [{ mock: { latencyMs: 30, trainingMs: 2500 } }, { option: true }],
  guideSeen: [true, { option: true }],
  page: async ({ page, consoleConfig, guideSeen }, use) => {
    await page.addInitScript(([config, seen]) => {
      window.customModelsConfig = config;
      try { if (seen) localStorage.setItem('customModelsGuideShown', 'true'); } catch { /* storage blocked */ }
    }, [consoleConfig, guideSeen]);
    // The console's page is served under a strict CSP (serve.mjs): any violation fails the test.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
    });
    page.on('pageerror', (err) => { throw new Error(`uncaught page error: ${err.message}`); });
    await use(page);
    expect(page.fakeBackend?.contractProblems ?? [], 'answers and requests that break docs/openapi.yaml').toEqual([]);
    if (!page.isClosed()) {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    }
  },
});

export { expect };

/** The rows of the models table, header excluded. */
export function modelRows(page) {
  return page.getByRole('table', { name: 'Custom models' }).locator('tbody tr');
}

/** Runs axe-core with the WCAG 2.x A and AA rules and expects no violations. */
export async function expectNoAxeViolations(page, include) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Waits until every request the page sent so far was routed. */
export async function settled(page) {
  await page.evaluate(() => fetch('/favicon.svg').then((r) => r.ok));
}

/** Lets `ms` of the page's time pass a second at a time (after `page.clock.install()`),
 * so requests in flight are answered as time passes instead of all timing out at once. */
export async function advance(page, ms) {
  for (let passed = 0; passed < ms; passed += 1_000) {
    await page.clock.runFor(1_000);
    await settled(page);
  }
}

/** On a page showing the models list: fills in New Custom Model and presses
 * Create; returns the dialog (still open when the create failed). */
export async function createModel(page, name, language = 'German') {
  await page.getByRole('button', { name: 'New Custom Model' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Custom Model' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Base language').selectOption({ label: language });
  await dialog.getByRole('button', { name: 'Create' }).click();
  return dialog;
}
