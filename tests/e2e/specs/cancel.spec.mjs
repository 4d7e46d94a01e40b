// Cancel training and a failed training's datasets (issue 23), in the demo:
// an admin cancels a stuck training and gets the credit back, a member is not
// offered it, and a failed training names the file at fault and links to it.
import { test, expect, expectNoAxeViolations } from './fixtures.mjs';

/** Opens a seeded model's details page the way a person would: search, click. */
async function openModel(page, name) {
  await page.goto(`/custom-models?search=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('cancel training', () => {
  // The seeded training ("Legal hearings 1") must still be running when the test acts.
  test.use({ consoleConfig: { mock: { latencyMs: 0, trainingMs: 600_000 } } });

  test('an admin cancels a running training: the credit rule is stated, the model is Ready to Run and the credit is back', async ({ page }) => {
    await openModel(page, 'Legal hearings 1');
    await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
    await expect(page.getByText('5 training credits left')).toBeVisible();
    const cancel = page.getByRole('button', { name: 'Cancel training' });

    // Escape closes the confirmation and gives focus back to the button; nothing is cancelled.
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel training?' });
    await expect(dialog).toContainText('The training credit it used is given back to your organization.');
    await expect(dialog).toContainText('goes back to Ready to Run');
    await expect(dialog.getByRole('button', { name: 'Keep training' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cancel).toBeFocused();
    await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();

    await cancel.click();
    await dialog.getByRole('button', { name: 'Cancel training' }).click();
    await expect(dialog).toBeHidden();
    const ready = page.getByRole('region', { name: 'Training status: Ready to Run' });
    await expect(ready).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Training status: Ready to Run' })).toBeFocused();
    await expect(page.getByText('6 training credits left')).toBeVisible();
    await expect(page.getByRole('status').getByText('Training of Legal hearings 1 cancelled')).toBeAttached();
    await expect(cancel).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Train the Language' })).toBeEnabled();
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Training status: Ready to Run' })).toBeVisible();
  });
});

test.describe('as a member', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 0, role: 'MEMBER', trainingMs: 600_000 } } });

  test('a member sees a running training but no Cancel training', async ({ page }) => {
    await openModel(page, 'Legal hearings 1');
    await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Datasets' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel training' })).toHaveCount(0);
  });
});

test('a failed training names the dataset at fault, its problem, and links to its row', async ({ page }) => {
  await openModel(page, 'Podcast 1');
  const banner = page.getByRole('region', { name: 'Training status: Failed' });
  await expect(banner).toContainText('Datasets that failed:');
  await expect(banner).toContainText('Line 14: The cue ends (00:00:41.200) before it starts (00:00:43.900).');
  await expect(banner).toContainText('invalid_transcript_format');
  const link = banner.getByRole('link', { name: 'support-calls-week1.vtt' });
  await expect(page.getByRole('table', { name: 'Datasets' })).toBeVisible();
  await link.click();
  const row = page.getByRole('table', { name: 'Datasets' }).getByRole('rowheader', { name: 'support-calls-week1.vtt' });
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
  await expectNoAxeViolations(page);
});
