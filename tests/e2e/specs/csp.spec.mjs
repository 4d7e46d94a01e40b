// The built page runs under the strict Content-Security-Policy the README gives to
// deployments: no inline script or style, nothing that needs eval. Every test's
// fixture fails on a violation; this file checks the policy is really in force.
import { readFileSync } from 'node:fs';
import { test, expect, modelRows } from './fixtures.mjs';
import { fakeBackend, httpConfig } from './fake-backend.mjs';

const built = (name) => readFileSync(new URL(`../../../${name}/index.html`, import.meta.url), 'utf8');

test('the built page has no inline script and no inline style', () => {
  for (const dist of ['dist', 'dist-production']) {
    const html = built(dist);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, `${dist}: every script is a file`).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=/);
  }
});

test.describe('against a backend', () => {
  test.use({ consoleConfig: httpConfig });

  test('a journey under the strict policy: the page is served with it and nothing is blocked', async ({ page }) => {
  await fakeBackend(page);
  const response = await page.goto('/custom-models');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(response.headers()['content-security-policy']).toContain("style-src 'self'");
  await expect(modelRows(page).first()).toBeVisible();
  await modelRows(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New Dataset' }).click();
  await expect(page.getByRole('dialog', { name: 'New Dataset' })).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  });
});
