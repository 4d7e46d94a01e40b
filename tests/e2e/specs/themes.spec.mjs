// Light and dark: "auto" follows the system, `theme` fixes one; every state
// keeps AA contrast in both (axe checks colour contrast with the rest).
import { test, expect, modelRows, expectNoAxeViolations } from './fixtures.mjs';

// Each test runs axe or measures every page and dialog in turn: more than the default 30 s on two busy cores.
test.describe.configure({ timeout: 90_000 });

for (const scheme of ['light', 'dark']) {
  test(`the list, a dialog and the details pass axe with the system in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    const background = scheme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)';
    await expect(page.locator('.cm-root')).toHaveCSS('background-color', background);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'New Custom Model' }).click();
    await expect(page.getByRole('dialog', { name: 'New Custom Model' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await modelRows(page).filter({ hasText: 'Failed' }).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Datasets' })).toBeVisible();
    await expectNoAxeViolations(page);
    // A trained model with its tests, the dialogs of tests and versions, and a test's page.
    await page.goto('/custom-models?search=Field%20service%201');
    await page.getByRole('link', { name: 'Field service 1', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Tests' })).toContainText('Succeeded');
    await expectNoAxeViolations(page);
    for (const name of ['New Test', 'New Version']) {
      await page.getByRole('button', { name }).click();
      await expect(page.getByRole('dialog', { name })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
    }
    await page.getByRole('link', { name: 'Holdout November' }).click();
    await expect(page.getByRole('table', { name: 'Utterances with each model’s errors' }).locator('tbody tr').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test.describe('a fixed theme', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 30 }, theme: 'dark' } });

  test('theme "dark" wins over a light system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    await expect(page.locator('.cm-root')).toHaveCSS('background-color', 'rgb(17, 24, 39)');
  });
});

test('the element\'s theme attribute switches it, in its shadow root', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/plain/custom-models');
  const root = page.locator('custom-models-console').locator('.cm-root');
  await expect(root).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.locator('custom-models-console').evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect(root).toHaveCSS('background-color', 'rgb(17, 24, 39)');
  await expect(page.getByRole('table', { name: 'Custom models' }).locator('tbody tr')).toHaveCount(25);
  await expectNoAxeViolations(page, 'custom-models-console');
  // The property does the same, and reads and reflects what was set.
  const set = await page.locator('custom-models-console').evaluate((el) => { el.theme = 'light'; return [el.theme, el.getAttribute('theme')]; });
  expect(set).toEqual(['light', 'light']);
  await expect(root).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

const phones = [{ width: 360, height: 740 }, { width: 390, height: 844 }];
const tablets = [{ width: 768, height: 1024 }, { width: 1024, height: 768 }];

for (const viewport of [...phones, ...tablets]) {
  const phone = viewport.width <= 640;
  test.describe(`a ${phone ? 'phone' : 'tablet'} ${viewport.width} × ${viewport.height}`, () => {
    // No seeded training ends during the test: the rows keep their order while menus open.
    test.use({ viewport, consoleConfig: { mock: { latencyMs: 30, trainingMs: 600_000 } } });

    test(`no page or dialog scrolls sideways${phone ? ', and tables become labelled cards' : ''}`, async ({ page }) => {
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      /** Opens a dialog with `open`, checks nothing scrolls sideways, closes it with Escape. */
      const dialogFits = async (name, open) => {
        await open();
        await expect(page.getByRole('dialog', { name })).toBeVisible();
        expect(await sideways(), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name })).toBeHidden();
      };
      await page.goto('/custom-models');
      await expect(modelRows(page).first()).toBeVisible();
      expect(await sideways()).toBeLessThanOrEqual(0);
      const card = modelRows(page).filter({ hasText: 'Podcast 1' });
      if (phone) {
        await expect(card.getByRole('cell', { name: 'Failed' })).toHaveAttribute('data-label', 'Training Status');
        await expect(card.locator('td[data-label="Base Language"]')).toBeVisible();
        // A running training's badge and progress share their cell without overlapping.
        const running = modelRows(page).filter({ hasText: 'Legal hearings 1' });
        const badge = await running.getByText('Running', { exact: true }).boundingBox();
        const text = await running.locator('.cm-training-progress__text').boundingBox();
        expect(badge.y + badge.height <= text.y || text.x >= badge.x + badge.width, 'badge and progress overlap').toBe(true);
      }
      await expectNoAxeViolations(page);
      await dialogFits('New Custom Model', () => page.getByRole('button', { name: 'New Custom Model' }).click());
      await dialogFits('Getting Started with Custom Models', () => page.getByRole('button', { name: 'Getting Started' }).click());
      await dialogFits('Keyboard shortcuts', () => page.keyboard.press('?'));
      await dialogFits('Delete custom model?', async () => {
        await card.getByRole('button', { name: 'Actions for Podcast 1' }).click();
        await page.getByRole('menuitem', { name: 'Delete' }).click();
      });
      await card.getByRole('link', { name: 'Podcast 1' }).click();
      await expect(page.getByRole('table', { name: 'Datasets' }).locator('tbody tr').first()).toBeVisible();
      expect(await sideways()).toBeLessThanOrEqual(0);
      await dialogFits('New Dataset', () => page.getByRole('button', { name: 'New Dataset' }).click());
      await dialogFits('Delete dataset?', async () => {
        await page.getByRole('button', { name: 'Actions for glossary.txt' }).click();
        await page.getByRole('menuitem', { name: 'Delete' }).click();
      });
      await dialogFits('New Version', () => page.getByRole('button', { name: 'New Version' }).click());
      const tooSmall = () => page.evaluate(() => [...document.querySelectorAll('.cm-root :is(button, select, input, [role=menuitem])')]
        .filter((e) => e.checkVisibility())
        .map((e) => ({ what: e.getAttribute('aria-label') || e.textContent.trim(), box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ what }) => what));
      expect(await tooSmall(), 'controls under 24 × 24 px on the details page').toEqual([]);
      await page.goto('/custom-models');
      await expect(modelRows(page).first()).toBeVisible();
      expect(await tooSmall(), 'controls under 24 × 24 px on the list').toEqual([]);
      await page.goto('/custom-models?search=Field%20service%201');
      await page.getByRole('link', { name: 'Field service 1', exact: true }).click();
      await expect(page.getByRole('table', { name: 'Tests' })).toContainText('Succeeded');
      expect(await sideways(), 'a trained model with tests scrolls sideways').toBeLessThanOrEqual(0);
      await dialogFits('New Test', () => page.getByRole('button', { name: 'New Test' }).click());
      await page.getByRole('link', { name: 'Holdout November' }).click();
      await expect(page.getByRole('table', { name: 'Utterances with each model’s errors' }).locator('tbody tr').first()).toBeVisible();
      expect(await sideways(), 'a test page scrolls sideways').toBeLessThanOrEqual(0);
      expect(await tooSmall(), 'controls under 24 × 24 px on a test page').toEqual([]);
      for (const path of ['/custom-models/no-such-model', '/']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await sideways(), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await expectNoAxeViolations(page);
    });
  });
}
