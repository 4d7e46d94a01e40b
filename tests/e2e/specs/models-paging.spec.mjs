// The models list's paging, search and sort (split from models-list.spec.mjs).
import { test, expect, modelRows, advance } from './fixtures.mjs';

test.describe('paging, search and sort', () => {
  test('page size 50 shows 50 rows and survives a reload', async ({ page }) => {
    await page.goto('/custom-models');
    await page.getByLabel('Rows per page').selectOption('50');
    await expect(modelRows(page)).toHaveCount(50);
    await expect(page).toHaveURL(/page_size=50/);
    await expect(page.getByText('1–50 of 60')).toBeVisible();
    await page.reload();
    await expect(modelRows(page)).toHaveCount(50);
    await expect(page.getByLabel('Rows per page')).toHaveValue('50');
  });

  test('next, numbered pages and back/forward move through the list', async ({ page }) => {
    await page.goto('/custom-models');
    const pager = page.getByRole('navigation', { name: 'Models pages' });
    await pager.getByRole('link', { name: 'Next ›' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText('26–50 of 60')).toBeVisible();
    await pager.getByRole('link', { name: 'Page 3' }).click();
    await expect(page.getByText('51–60 of 60')).toBeVisible();
    await expect(modelRows(page)).toHaveCount(10);
    await expect(pager.getByText('Next ›')).toHaveAttribute('aria-disabled', 'true');
    await page.goBack();
    await expect(page.getByText('26–50 of 60')).toBeVisible();
    await pager.getByRole('link', { name: '‹ Previous' }).click();
    await expect(page.getByText('1–25 of 60')).toBeVisible();
  });

  test('the pager keeps keyboard focus and follows the sort order', async ({ page }) => {
    await page.goto('/custom-models');
    const pager = page.getByRole('navigation', { name: 'Models pages' });
    const next = pager.getByRole('link', { name: 'Next ›' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('26–50 of 60')).toBeVisible();
    await expect(next).toBeFocused();
    await expect(modelRows(page).first().getByRole('link')).not.toHaveText('');

    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page.getByText('1–25 of 60')).toBeVisible();
    await next.click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(page).toHaveURL(/page=2/);
    const names = await modelRows(page).getByRole('link').allTextContents();
    const lower = names.map((n) => n.toLowerCase());
    expect(lower).toEqual([...lower].sort());
  });

  test('an out-of-range page is clamped to the last one', async ({ page }) => {
    await page.goto('/custom-models?page=99');
    await expect(page).toHaveURL(/page=3/);
    await expect(modelRows(page)).toHaveCount(10);
  });

  test('search filters by name, lives in the URL and can be cleared', async ({ page }) => {
    await page.goto('/custom-models');
    await page.getByRole('searchbox', { name: 'Search models by name' }).fill('podcast');
    await expect(modelRows(page)).toHaveCount(6);
    await expect(page).toHaveURL(/search=podcast/);
    for (const name of await modelRows(page).getByRole('link').allTextContents()) expect(name).toMatch(/^Podcast/);
    await page.reload();
    await expect(modelRows(page)).toHaveCount(6);
    await expect(page.getByRole('searchbox', { name: 'Search models by name' })).toHaveValue('podcast');
    await page.getByRole('searchbox', { name: 'Search models by name' }).fill('zzz');
    await expect(page.getByRole('heading', { name: 'No models match “zzz”' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(modelRows(page)).toHaveCount(25);
  });

  test('Clear search wins over the typed search still waiting to be sent', async ({ page }) => {
    await page.clock.install();
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    // Time stands still but for the steps below: the box's pause after typing
    // (150 ms) has not ended when the user clears.
    await page.clock.pauseAt(Date.now() + 60_000);
    const box = page.getByRole('searchbox', { name: 'Search models by name' });
    await box.fill('zzz');
    await page.clock.runFor(100);
    await expect(page.getByRole('heading', { name: 'No models match “zzz”' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await advance(page, 1_000);
    await expect(modelRows(page)).toHaveCount(25);
    await expect(box).toHaveValue('');
    await expect(page).not.toHaveURL(/search=/);
  });

  test('columns sort by name, status and date in both directions', async ({ page }) => {
    await page.goto('/custom-models');
    const nameHeader = page.getByRole('columnheader', { name: /^Name/ });
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(modelRows(page).first().getByRole('link')).toHaveText('Aviation ATC 1');
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(modelRows(page).first().getByRole('link')).toHaveText('Retail support 6');
    await expect(page).toHaveURL(/sort=name&order=desc/);

    const order = ['Not Running', 'Ready to Run', 'Running', 'Success', 'Failed'];
    const statuses = async () => (await modelRows(page).locator('.cm-badge').allTextContents()).map((s) => order.indexOf(s.trim()));
    const statusButton = page.getByRole('button', { name: 'Training Status', exact: true });
    await statusButton.click();
    await expect(page).toHaveURL(/sort=status/);
    await expect(modelRows(page).first()).toContainText('Not Running');
    let seen = await statuses();
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await statusButton.click();
    await expect(modelRows(page).first()).toContainText('Failed');
    seen = await statuses();
    expect(seen).toEqual([...seen].sort((a, b) => b - a));

    const dateHeader = page.getByRole('columnheader', { name: /^Last Modified/ });
    await dateHeader.getByRole('button').click();
    await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
    const dates = await modelRows(page).locator('time').evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime'))));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await dateHeader.getByRole('button').click();
    await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(modelRows(page).first().getByRole('link')).toHaveText('Retail support 6');
  });

  test.describe('on a phone, where the table is cards', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('"Sort by" sorts the cards, keeps the sort in the URL, and survives a reload', async ({ page }) => {
      await page.goto('/custom-models');
      await expect(modelRows(page).first()).toBeVisible();
      const sortBy = page.getByLabel('Sort by');
      await expect(sortBy).toBeVisible();
      await expect(sortBy.locator('option:checked')).toHaveText('Last Modified (newest first)');
      await sortBy.selectOption({ label: 'Name (A–Z)' });
      await expect(page).toHaveURL(/sort=name(?!&order)/);
      await expect(modelRows(page).first().getByRole('link')).toHaveText('Aviation ATC 1');
      await sortBy.selectOption({ label: 'Name (Z–A)' });
      await expect(page).toHaveURL(/sort=name&order=desc/);
      await expect(modelRows(page).first().getByRole('link')).toHaveText('Retail support 6');
      const names = (await modelRows(page).getByRole('link').allTextContents()).map((n) => n.toLowerCase());
      expect(names).toEqual([...names].sort().reverse());
      await page.reload();
      await expect(modelRows(page).first().getByRole('link')).toHaveText('Retail support 6');
      await expect(page.getByLabel('Sort by').locator('option:checked')).toHaveText('Name (Z–A)');
      await page.getByLabel('Sort by').selectOption({ label: 'Training Status (descending)' });
      await expect(page).toHaveURL(/sort=status&order=desc/);
      await expect(modelRows(page).first()).toContainText('Failed');
    });
  });

  test('"Sort by" is not shown beside the sortable headers on a wide screen', async ({ page }) => {
    await page.goto('/custom-models');
    await expect(modelRows(page).first()).toBeVisible();
    await expect(page.getByLabel('Sort by')).toBeHidden();
  });
});
