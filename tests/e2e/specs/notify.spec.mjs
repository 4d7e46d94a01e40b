// "Notify me when it finishes" on a Running model: permission asked only on
// the click, a system notification when the training ends in a hidden tab,
// a clear message when the browser blocks notifications, and no button where
// the browser has no Notification API. Against the fake backend, so the test
// ends the training when it wants.
import { test, expect, advance, expectNoAxeViolations } from './fixtures.mjs';
import { fakeBackend, httpConfig, makeModels } from './fake-backend.mjs';

test.use({ consoleConfig: httpConfig });

/** Records every notification and permission request, keeping the browser's
 * own answers; `answer: 'denied'` plays a user who blocks notifications.
 * Also lets the test hide the tab (`__setHidden`) and counts window.focus(). */
async function recordNotifications(page, { answer } = {}) {
  await page.addInitScript((answer) => {
    const Real = window.Notification;
    let asked = false;
    window.__notifications = [];
    window.__permissionRequests = 0;
    window.Notification = class Recorded {
      constructor(title, options = {}) {
        this.title = title;
        this.body = options.body;
        this.onclick = null;
        window.__notifications.push({ title, body: options.body });
        window.__lastNotification = this;
      }
      close() {}
      // Not asked yet, whatever the test granted: the console must ask first.
      static get permission() {
        if (!asked) return 'default';
        return answer ?? Real.permission;
      }
      static async requestPermission() {
        window.__permissionRequests += 1;
        asked = true;
        return answer ?? Real.requestPermission();
      }
    };
    let hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    window.__setHidden = (value) => {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    const focus = window.focus.bind(window);
    window.__focused = 0;
    window.focus = () => { window.__focused += 1; focus(); };
  }, answer);
}

/** Models m3 and m8 ("Backend model 003", "…008") are Running; the page of `id` is open. */
async function openRunningModel(page, id = 'm3') {
  const backend = await fakeBackend(page, { models: makeModels(8) });
  await page.goto(`/custom-models/${id}`);
  await expect(page.getByRole('region', { name: 'Training status: Running' })).toBeVisible();
  return backend;
}

const requests = (page) => page.evaluate(() => window.__permissionRequests);

test('asks only on the click, then notifies when the training ends in a hidden tab', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await recordNotifications(page);
  await page.clock.install();
  const backend = await openRunningModel(page);
  const notify = page.getByRole('button', { name: 'Notify me when it finishes' });
  await expect(notify).toBeVisible();
  expect(await requests(page), 'permission asked before the click').toBe(0);

  await notify.click();
  await expect(page.getByRole('status').filter({ hasText: 'You’ll be notified when it finishes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Don’t notify me' })).toBeFocused();
  expect(await requests(page)).toBe(1);
  await expectNoAxeViolations(page);

  await page.evaluate(() => window.__setHidden(true));
  backend.models.find((m) => m.id === 'm3').status = 4;
  await advance(page, 12_000);
  await expect.poll(() => page.evaluate(() => window.__notifications)).toEqual([
    { title: 'Training finished', body: 'Backend model 003: Success' },
  ]);
  await page.evaluate(() => window.__lastNotification.onclick());
  expect(await page.evaluate(() => window.__focused)).toBe(1);

  await page.evaluate(() => window.__setHidden(false));
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible();
  await expect(page.getByRole('button', { name: /notify me/i })).toHaveCount(0);
  expect(await requests(page)).toBe(1);
});

test('a training that fails is notified as Failed', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await recordNotifications(page);
  await page.clock.install();
  const backend = await openRunningModel(page, 'm8');
  await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
  await expect(page.getByRole('button', { name: 'Don’t notify me' })).toBeVisible();
  await page.evaluate(() => window.__setHidden(true));
  backend.models.find((m) => m.id === 'm8').status = 5;
  await advance(page, 12_000);
  await expect.poll(() => page.evaluate(() => window.__notifications)).toEqual([
    { title: 'Training finished', body: 'Backend model 008: Failed' },
  ]);
});

test('cancelled, or with the tab in view, there is no system notification', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await recordNotifications(page);
  await page.clock.install();
  const backend = await openRunningModel(page);
  await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
  await page.getByRole('button', { name: 'Don’t notify me' }).click();
  await expect(page.getByRole('button', { name: 'Notify me when it finishes' })).toBeFocused();
  await expect(page.getByText('You’ll be notified')).toHaveCount(0);
  await page.evaluate(() => window.__setHidden(true));
  backend.models.find((m) => m.id === 'm3').status = 5;
  await advance(page, 12_000);
  await page.evaluate(() => window.__setHidden(false));
  await expect(page.getByRole('region', { name: 'Training status: Failed' })).toBeVisible();
  expect(await page.evaluate(() => window.__notifications)).toEqual([]);

  // Asked for, but the user is looking at the console when it ends: the page says it, no system notification.
  await page.goto('/custom-models/m8');
  await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
  await expect(page.getByRole('button', { name: 'Don’t notify me' })).toBeVisible();
  backend.models.find((m) => m.id === 'm8').status = 4;
  await advance(page, 12_000);
  await expect(page.getByRole('region', { name: 'Training status: Success' })).toBeVisible();
  expect(await page.evaluate(() => window.__notifications)).toEqual([]);
});

test('a user who blocks notifications is told where to allow them', async ({ page }) => {
  await recordNotifications(page, { answer: 'denied' });
  await openRunningModel(page);
  expect(await requests(page)).toBe(0);
  await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notifications are blocked for this site' })).toContainText('browser’s site settings');
  await expect(page.getByRole('button', { name: 'Notify me when it finishes' })).toBeVisible();
  expect(await requests(page)).toBe(1);
  // Blocked for good: a second click explains again without asking again.
  await page.getByRole('button', { name: 'Notify me when it finishes' }).click();
  expect(await requests(page)).toBe(1);
});

test('without the Notification API there is no button', async ({ page }) => {
  await page.addInitScript(() => { delete window.Notification; });
  await openRunningModel(page);
  await expect(page.getByRole('button', { name: 'Train the Language' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notify me when it finishes' })).toHaveCount(0);
});
