import { test, expect } from './fixtures.mjs';

test('a host page mounts the console under its prefix, navigates inside it, and unmounts it', async ({ page }) => {
  await page.goto('/workspace/custom-models');
  await expect(page.locator('body')).toHaveAttribute('data-console', 'open');
  const table = page.getByRole('table', { name: 'Custom models' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  // The host's own header is still there, and still styled by the host.
  await expect(page.locator('#host-title')).toHaveCSS('color', 'rgb(200, 0, 0)');
  await expect(page.locator('#host-unmount')).toHaveCSS('background-color', 'rgb(255, 105, 180)');
  // The host's broad element styles do not reach into the console.
  await expect(page.getByRole('heading', { level: 1, name: 'Custom Models' })).not.toHaveCSS('color', 'rgb(200, 0, 0)');
  await expect(page.getByRole('button', { name: 'New Custom Model' })).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  await expect(table).toHaveCSS('border-top-width', '0px');

  await table.getByRole('link', { name: 'Podcast 1', exact: true }).click();
  await expect(page).toHaveURL(/\/workspace\/custom-models\/cm_\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Podcast 1' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Custom Models' }).click();
  await expect(page).toHaveURL(/\/workspace\/custom-models$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/workspace\/custom-models\/cm_\d+$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/workspace\/custom-models$/);
  await expect(table.locator('tbody tr')).toHaveCount(25);
  const hrefs = await table.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.every((h) => h.startsWith('/workspace/custom-models/'))).toBe(true);

  await page.getByRole('button', { name: 'Close console' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-console', 'closed');
  await expect(page.locator('#console-slot')).toBeEmpty();
  await expect(page.locator('.cm-root')).toHaveCount(0);
  await expect(page.locator('#host-title')).toHaveText('Acme Workspace');
});
