// The elements in a real React 19 + react-router 7 app (tests/host/react/), which
// installed dist-embed/ as an npm package and renders them in JSX under
// <StrictMode>: its Vite production build (/react/) and Vite's dev server
// (/react-dev/, where StrictMode mounts twice). scripts/build-hosts.sh builds it.
import { test, expect } from './fixtures.mjs';
import { fakeBackend, makeModels } from './fake-backend.mjs';

const builds = [['production build', '/react'], ['dev server', '/react-dev']];

/** Fails the test on any error the page logs (React's warnings included). */
function watchConsole(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  return errors;
}

/** Records the console's cm-navigate events. */
async function recordMoves(page) {
  await page.addInitScript(() => {
    window.__moves = [];
    document.addEventListener('cm-navigate', (e) => window.__moves.push(e.detail.path));
  });
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });
const hostLink = (page, name) => page.getByRole('navigation', { name: 'Host' }).getByRole('link', { name });

for (const [build, base] of builds) {
  test.describe(`React host, ${build}`, () => {
    test('the console and the host router follow each other, both ways, without extra history entries', async ({ page }) => {
      const errors = watchConsole(page);
      await recordMoves(page);
      await fakeBackend(page, { events: true });
      // A deep link.
      await page.goto(`${base}/custom-models/m2`);
      await expect(heading(page, 'Backend model 002')).toBeVisible();
      // The host's link: react-router pushes without popstate; the console follows.
      await hostLink(page, 'Custom Models').click();
      await expect(page).toHaveURL(`${base}/custom-models`);
      await expect(heading(page, 'Custom Models')).toBeVisible();
      await expect(page.locator('#host-location')).toHaveText('/custom-models');
      // The console's link: the host's router hears it (oncm-navigate) and takes it over.
      const entries = await page.evaluate(() => history.length);
      await page.getByRole('table', { name: 'Custom models' }).getByRole('link', { name: 'Backend model 003' }).click();
      await expect(heading(page, 'Backend model 003')).toBeVisible();
      await expect(page.locator('#host-location')).toHaveText('/custom-models/m3');
      expect(await page.evaluate(() => history.length)).toBe(entries + 1);
      // Only the console's own move was reported: following the host is not echoed back.
      expect(await page.evaluate(() => window.__moves)).toEqual([`${base}/custom-models/m3`]);
      // Back and forward move both.
      await page.goBack();
      await expect(heading(page, 'Custom Models')).toBeVisible();
      await expect(page.locator('#host-location')).toHaveText('/custom-models');
      await page.goForward();
      await expect(heading(page, 'Backend model 003')).toBeVisible();
      await expect(page.locator('#host-location')).toHaveText('/custom-models/m3');
      // Leaving: the host removes the console.
      await hostLink(page, 'Reports').click();
      await expect(page.locator('#host-page')).toHaveText('Reports');
      await expect(page.locator('custom-models-console')).toHaveCount(0);
      expect(errors).toEqual([]);
    });

    test('StrictMode\'s double mount and 20 remounts leave one console and nothing behind', async ({ page }) => {
      test.setTimeout(90_000); // 20 mounts, each loading its list, on a shared machine
      const errors = watchConsole(page);
      // With live updates, as a production backend: each mount opens the stream, each unmount closes it.
      const backend = await fakeBackend(page, { events: true });
      await page.goto(`${base}/custom-models`);
      const rows = page.getByRole('table', { name: 'Custom models' }).locator('tbody tr');
      await expect(rows).toHaveCount(25);
      await expect(page.locator('custom-models-console')).toHaveCount(1);
      await expect(page.locator('custom-models-console').getByRole('heading', { level: 1 })).toHaveCount(1);
      expect(backend.requestsTo('GET', '/custom-models').length).toBe(1);

      const cdp = await page.context().newCDPSession(page);
      const counters = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return { jsEventListeners, nodes, usedSize };
      };
      const cycle = async () => {
        await page.getByRole('button', { name: 'Hide the console' }).click();
        await expect(page.locator('custom-models-console')).toHaveCount(0);
        await page.getByRole('button', { name: 'Show the console' }).click();
        await expect(rows).toHaveCount(25);
      };
      for (let i = 0; i < 5; i += 1) await cycle();
      const before = await counters();
      for (let i = 0; i < 15; i += 1) await cycle();
      const after = await counters();
      expect(after.jsEventListeners).toBeLessThanOrEqual(before.jsEventListeners);
      expect(after.nodes).toBeLessThanOrEqual(before.nodes + 50);
      expect(after.usedSize - before.usedSize).toBeLessThan(1_000_000);
      await expect.poll(() => backend.streams.size, 'only the mounted console listens').toBe(1);
      expect(errors).toEqual([]);
    });

    test('the picker is a form control: name, label, required with focus and message, reset, disabled fieldset', async ({ page }) => {
      const errors = watchConsole(page);
      const models = makeModels(10);
      models.forEach((m) => { m.status = 1; });
      models[0].status = 4; // en-US
      models[1].status = 4; // de-DE
      await fakeBackend(page, { models });
      await page.goto(`${base}/transcribe`);
      const picker = page.locator('#model');
      const select = picker.getByLabel('Custom model');
      await expect(select.locator('option')).toHaveText(['None (base model)', 'Backend model 001 (English (US))']);
      // JSX set name, language and required as properties.
      expect(await picker.evaluate((el) => [el.name, el.language, el.required, el.getAttribute('name')]))
        .toEqual(['model', 'en-US', true, 'model']);
      // The host's label focuses it.
      await page.getByText('Model for this transcription').click();
      await expect(select).toBeFocused();
      await page.locator('#lang').focus();

      // Required and empty: submitting focuses the picker, as a native <select> would be.
      await page.getByRole('button', { name: 'Start transcription' }).click();
      await expect(select).toBeFocused();
      await expect(page.locator('#submitted')).toHaveText('');
      expect(await picker.evaluate((el) => el.validationMessage)).toBe('Choose a trained custom model.');
      await select.selectOption({ label: 'Backend model 001 (English (US))' });
      // Now the native required <select> beside it is the one to fix.
      await page.getByRole('button', { name: 'Start transcription' }).click();
      await expect(page.getByLabel('Speakers')).toBeFocused();
      await page.getByLabel('Speakers').selectOption('2');
      await page.getByRole('button', { name: 'Start transcription' }).click();
      await expect(page.locator('#submitted')).toHaveText('{"language":"en-US","model":"m1","speakers":"2"}');

      // Reset empties it.
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect(select).toHaveValue('');
      expect(await picker.evaluate((el) => el.value)).toBe('');
      // A disabled fieldset disables it: it neither blocks the submit nor sends a value.
      await page.getByLabel('Lock the model').check();
      await expect(select).toBeDisabled();
      await page.getByLabel('Speakers').selectOption('1');
      await page.getByRole('button', { name: 'Start transcription' }).click();
      await expect(page.locator('#submitted')).toHaveText('{"language":"en-US","speakers":"1"}');
      expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    });
  });
}
