// A backend on another origin: every request that carries a token is preceded by
// a CORS preflight unless the browser has one cached for that URL. All chunks of
// an upload go to one URL and the backend allows caching (Access-Control-Max-Age),
// so an upload costs at most one chunk preflight per chunk in flight at once (the
// first three start together, before any preflight is cached), not one per chunk
// (docs/api.md, "CORS"; before: 40 for these 40 chunks).
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { startFakeServer } from '../fake-server.mjs';

const CHUNKS = 40;

// serve.mjs's CSP allows only 'self'; a host would add its API's origin to
// connect-src. Bypassing it, rather than rewriting it with page.route, keeps
// Playwright's interception (which would answer the preflights itself) out.
test.use({ bypassCSP: true });

test('an upload to a backend on another origin makes a few chunk preflights, not one per chunk', async ({ page }) => {
  const backend = await startFakeServer({ chunkSize: 1024 });
  try {
    await page.addInitScript(([url]) => { window.customModelsConfig = { apiBaseUrl: url, token: 'test-token-123' }; }, [backend.url]);

    const file = test.info().outputPath('calls.txt');
    writeFileSync(file, 'a'.repeat(CHUNKS * 1024));
    await page.goto('/custom-models/m1');
    await page.getByRole('button', { name: 'New Dataset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Dataset' });
    await dialog.getByLabel('Drop files here or click to choose').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });

    expect(new Set(backend.state.chunksSent('up1'))).toEqual(new Set(Array.from({ length: CHUNKS }, (_, i) => i)));
    const chunkPreflights = backend.preflights.filter((p) => p.method === 'PUT');
    test.info().annotations.push({ type: 'preflights', description: `${chunkPreflights.length} for ${CHUNKS} chunks, ${backend.preflights.length} in all` });
    expect(chunkPreflights.length).toBeGreaterThanOrEqual(1);
    expect(chunkPreflights.length).toBeLessThanOrEqual(3);
    expect(backend.state.contractProblems).toEqual([]);
  } finally {
    await backend.close();
  }
});
