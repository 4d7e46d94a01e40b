import { test, expect, modelRows, expectNoAxeViolations } from './fixtures.mjs';

async function openCreateDialog(page) {
  await page.getByRole('button', { name: 'New Custom Model' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Custom Model' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('Getting Started guide', () => {
  test.use({ guideSeen: false });

  test('opens on the first visit, Got It hides it for good, the button reopens it', async ({ page }) => {
    await page.goto('/custom-models');
    const guide = page.getByRole('dialog', { name: 'Getting Started with Custom Models' });
    await expect(guide).toBeVisible();
    for (const section of ['What are custom models', 'What you need', 'Only have audio files?', 'After training']) {
      await expect(guide.getByRole('heading', { name: section })).toBeVisible();
    }
    await guide.getByRole('button', { name: 'Got It' }).click();
    await expect(guide).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('customModelsGuideShown'))).not.toBeNull();

    await page.reload();
    await expect(modelRows(page)).toHaveCount(25);
    await expect(guide).toBeHidden();

    await page.getByRole('button', { name: 'Getting Started' }).click();
    await expect(guide).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(guide).toBeHidden();
    await expect(page.getByRole('button', { name: 'Getting Started' })).toBeFocused();
  });

  test('still works, showing every visit, when localStorage throws', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new Error('SecurityError'); } });
    });
    await page.goto('/custom-models');
    const guide = page.getByRole('dialog', { name: 'Getting Started with Custom Models' });
    await guide.getByRole('button', { name: 'Got It' }).click();
    await expect(guide).toBeHidden();
    await expect(modelRows(page)).toHaveCount(25);
    await page.reload();
    await expect(guide).toBeVisible();
  });

  test('the page and the guide pass an axe scan', async ({ page }) => {
    await page.goto('/custom-models');
    await expect(page.getByRole('dialog', { name: 'Getting Started with Custom Models' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Got It' }).click();
    await expect(modelRows(page)).toHaveCount(25);
    await expectNoAxeViolations(page);
  });
});

test.describe('New Custom Model', () => {
  test('creates a model that appears on the list as Not Running', async ({ page }) => {
    await page.goto('/custom-models?page=2');
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel('Name').fill('  Cardiology dictation  ');
    await dialog.getByLabel('Base language').selectOption({ label: 'German' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/custom-models$/);
    const row = modelRows(page).filter({ hasText: 'Cardiology dictation' });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('Not Running')).toBeVisible();
    await expect(row.getByText('German')).toBeVisible();
    await expect(page.getByRole('status').getByText('Custom model “Cardiology dictation” created.')).toBeAttached();
    await expect(page.getByText('Model created! Now proceed to upload training data and start the training process.')).toBeVisible();
    await page.getByRole('link', { name: 'Open “Cardiology dictation”' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cardiology dictation' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Training status: Not Running' })).toBeVisible();
  });

  test('explains empty and too-long names and a missing language', async ({ page }) => {
    await page.goto('/custom-models');
    const dialog = await openCreateDialog(page);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByText('Enter a name for the model.')).toBeVisible();
    await expect(dialog.getByText('Choose a base language.')).toBeVisible();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Name').fill('   ');
    await expect(dialog.getByText('Enter a name for the model.')).toBeVisible();
    await dialog.getByLabel('Name').fill('x'.repeat(101));
    await expect(dialog.getByText('The name is 101 characters long; use at most 100.')).toBeVisible();
    await dialog.getByLabel('Name').fill('x'.repeat(100));
    await expect(dialog.getByText(/characters long/)).toHaveCount(0);
    await expect(dialog).toBeVisible();
  });

  test('offers only trainable languages, by name', async ({ page }) => {
    await page.goto('/custom-models');
    const dialog = await openCreateDialog(page);
    const options = await dialog.getByLabel('Base language').locator('option').allTextContents();
    expect(options).toEqual(['Select a language', 'English (UK)', 'English (US)', 'French', 'German', 'Spanish']);
  });

  test('a double click creates one model', async ({ page }) => {
    await page.goto('/custom-models');
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel('Name').fill('Only once');
    await dialog.getByLabel('Base language').selectOption({ label: 'French' });
    await dialog.getByRole('button', { name: 'Create' }).dblclick();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/of 61$/)).toBeVisible();
    await expect(modelRows(page).filter({ hasText: 'Only once' })).toHaveCount(1);
  });

  test('Escape and Cancel close it and return focus to the button', async ({ page }) => {
    await page.goto('/custom-models');
    const dialog = await openCreateDialog(page);
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'New Custom Model' })).toBeFocused();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'New Custom Model' })).toBeFocused();
  });

  test('focus stays inside the open dialog', async ({ page }) => {
    await page.goto('/custom-models');
    const dialog = await openCreateDialog(page);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('dialog') || document.activeElement === document.body);
      expect(inside).toBe(true);
    }
    await expect(dialog).toBeVisible();
  });

  test('the create dialog passes an axe scan, with its errors showing', async ({ page }) => {
    await page.goto('/custom-models');
    const dialog = await openCreateDialog(page);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByText('Enter a name for the model.')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('users who cannot create', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 0, noOrganization: true } } });

  test('see the button disabled with the reason', async ({ page }) => {
    await page.goto('/custom-models');
    // The header's button and the empty state's (no organisation, no models).
    const buttons = page.getByRole('button', { name: 'New Custom Model' });
    await expect(buttons.first()).toBeDisabled();
    await expect(buttons.last()).toBeDisabled();
    await expect(buttons.first()).toHaveAccessibleDescription(/belong to an organization/);
    await expect(page.getByText('You need to belong to an organization to create custom models.')).toBeVisible();
  });
});

test.describe('an organisation without models', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 0, seed: 'empty' } } });

  test('sees an explanation and can create the first model', async ({ page }) => {
    await page.goto('/custom-models');
    await expect(page.getByRole('heading', { name: 'No custom models yet' })).toBeVisible();
    await page.locator('.cm-empty').getByRole('button', { name: 'New Custom Model' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Custom Model' });
    await dialog.getByLabel('Name').fill('First');
    await dialog.getByLabel('Base language').selectOption({ label: 'Spanish' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(modelRows(page)).toHaveCount(1);
  });
});

test.describe('deleting', () => {
  // Trainings that end reorder the list (newest first); here none ends mid-test.
  test.use({ consoleConfig: { mock: { latencyMs: 30, trainingMs: 600_000 } } });

  test('an admin confirms or cancels, and the row goes on confirm', async ({ page }) => {
    await page.goto('/custom-models');
    const row = modelRows(page).filter({ hasText: 'Podcast 1' });
    await row.getByRole('button', { name: 'Actions for Podcast 1' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete custom model?' });
    await expect(dialog).toContainText('“Podcast 1” and all its datasets will be permanently deleted');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(1);

    await row.getByRole('button', { name: 'Actions for Podcast 1' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(page.getByText('1–25 of 59')).toBeVisible();
    await page.reload();
    await expect(modelRows(page).filter({ hasText: 'Podcast 1' })).toHaveCount(0);
  });

  test('the row menu works from the keyboard', async ({ page }) => {
    await page.goto('/custom-models');
    const menuButton = page.getByRole('button', { name: 'Actions for Call centre 1' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(menuButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/custom-models\/cm_\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Call centre 1' })).toBeVisible();
  });
});

test.describe('an ordinary member', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 0, role: 'MEMBER', trainingMs: 600_000 } } });

  test('gets Edit but no Delete', async ({ page }) => {
    await page.goto('/custom-models');
    await page.getByRole('button', { name: 'Actions for Call centre 1' }).click();
    await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Delete' })).toHaveCount(0);
  });
});

test('a Running model turns Success on the list without a reload, and it is announced', async ({ page }) => {
  await page.goto('/custom-models');
  const row = modelRows(page).filter({ hasText: 'Legal hearings 1' });
  await expect(row.getByText('Running')).toBeVisible();
  await expect(row.getByText('Success')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').getByText('Legal hearings 1: training status is now Success.')).toBeAttached();
});

test('the info banner has five sections and collapses', async ({ page }) => {
  await page.goto('/custom-models');
  const banner = page.getByRole('region', { name: 'About custom models' });
  for (const h of ['What are custom models', 'Easy setup with training data', 'Only have audio?', 'Improves accuracy', 'Select after training']) {
    await expect(banner.getByRole('heading', { name: h })).toBeVisible();
  }
  await expect(banner.getByRole('link', { name: 'Home page' })).toBeVisible();
  const toggle = banner.getByRole('button', { name: 'Hide' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(banner.getByRole('heading', { name: 'Easy setup with training data' })).toBeHidden();
  await expect(banner.getByRole('button', { name: 'Show' })).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.getByRole('region', { name: 'About custom models' }).getByRole('button', { name: 'Show' })).toBeVisible();
});

test('header tooltips show on keyboard focus, and dates carry the full timestamp', async ({ page }) => {
  await page.goto('/custom-models');
  await page.getByRole('button', { name: 'About Training Status' }).focus();
  await expect(page.getByRole('tooltip', { name: 'Training progress indicator' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip', { name: 'Training progress indicator' })).toBeHidden();
  await page.getByRole('button', { name: 'About Base Language' }).focus();
  await expect(page.getByRole('tooltip', { name: 'Base language model used' })).toBeVisible();
  const time = modelRows(page).first().locator('time');
  await expect(time).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}/);
});

test.describe('keyboard shortcuts', () => {
  test('/ focuses the search, n opens New Custom Model, ? lists them, and none fires while typing', async ({ page }) => {
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search models by name' });
    await expect(search).toBeFocused();
    await page.keyboard.type('n?');
    await expect(search).toHaveValue('n?');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('heading', { level: 1, name: 'Custom Models' }).click();
    await page.keyboard.press('n');
    const create = page.getByRole('dialog', { name: 'New Custom Model' });
    await expect(create).toBeVisible();
    await expect(create.getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(create).toBeHidden();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('New Custom Model');
    await expectNoAxeViolations(page);
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
  });
});

test.describe('filters', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 30, trainingMs: 600_000 } } });

  test('status and language narrow the list, survive a reload, combine with search, and clear', async ({ page }) => {
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    const status = page.getByLabel('Status', { exact: true });
    const language = page.getByLabel('Base language', { exact: true });
    await status.selectOption({ label: 'Failed' });
    await expect(page).toHaveURL(/[?&]status=5/);
    await language.selectOption({ label: 'Spanish' });
    await expect(page).toHaveURL(/[?&]language=es-ES/);
    await page.reload();
    await expect(status).toHaveValue('5');
    await expect(language).toHaveValue('es-ES');
    await expect(modelRows(page).first()).toBeVisible();
    for (const row of await modelRows(page).all()) {
      await expect(row.locator('.cm-badge')).toHaveText('Failed');
      await expect(row).toContainText('Spanish');
    }
    await page.getByRole('searchbox', { name: 'Search models by name' }).fill('zzz');
    await expect(page.getByRole('heading', { name: 'No models match “zzz”, status Failed, language Spanish' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).not.toHaveURL(/status=|language=/);
    await expect(page.getByRole('heading', { name: 'No models match “zzz”' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
