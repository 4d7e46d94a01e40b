// Screenshots of the hardening states for a person to look at (not a test): a
// list with an unknown status and a skipped item, a failed refresh, an expired
// session, configuration problems (named and fatal). Desktop and phone widths.
//   node shoot-hardening.mjs OUT_DIR   (release build served by serve.mjs on ORIGIN)
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';
import { fakeBackend, httpConfig, makeModels } from './specs/fake-backend.mjs';

const out = process.argv[2] || 'screenshots';
const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });

async function open(viewport, config) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript((config) => {
    window.customModelsConfig = config;
    localStorage.setItem('customModelsGuideShown', 'true');
  }, config);
  return page;
}

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  let page = await open(viewport, httpConfig);
  const models = makeModels(6);
  models[0].status = 9;
  delete models[3].id;
  let backend = await fakeBackend(page, { models });
  backend.offContract();
  await page.goto(`${origin}/custom-models`);
  await page.getByText('1 item could not be shown.').waitFor();
  backend.dropFor(60_000);
  await page.getByRole('button', { name: 'Hide' }).click();
  await page.getByText('Could not refresh — retrying.').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${out}/${label}-unknown-and-stale.png` });
  await page.close();

  page = await open(viewport, httpConfig);
  backend = await fakeBackend(page);
  backend.failNext('GET', '/custom-models/m1', { status: 401, body: '{"error":"unauthorized","message":"Token expired."}' });
  await page.goto(`${origin}/custom-models/m1`);
  await page.getByText('Your session has expired — sign in again.').waitFor();
  await page.screenshot({ path: `${out}/${label}-expired.png` });
  await page.close();

  page = await open(viewport, { ...httpConfig, user: { id: 42, name: 'Ana' }, mock: 'yes', timeouts: { requestMs: 'soon' } });
  await fakeBackend(page);
  await page.goto(`${origin}/custom-models`);
  await page.getByText('Some configuration settings could not be used').waitFor();
  await page.screenshot({ path: `${out}/${label}-config-notice.png` });
  await page.close();

  page = await open(viewport, { apiBaseUrl: 'api.example.com', basePath: ['w'] });
  await page.goto(`${origin}/custom-models`);
  await page.getByText('The console could not start').waitFor();
  await page.screenshot({ path: `${out}/${label}-config-fatal.png` });
  await page.close();
}
await browser.close();
