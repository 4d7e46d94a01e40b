// Takes screenshots of the console for a person to look at:
//   node shoot.mjs <name> <path> [more paths...]   (release build served by serve.mjs)
// Each path may end with "#action" where action is a button name to click first.
// GUIDE=1 lets the Getting Started guide open; CONFIG='{...}' sets customModelsConfig.
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const [name, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const config = JSON.parse(process.env.CONFIG || '{"mock":{"latencyMs":0,"trainingMs":600000}}');
await page.addInitScript(([config, guide]) => {
  window.customModelsConfig = config;
  if (!guide) localStorage.setItem('customModelsGuideShown', 'true');
}, [config, !!process.env.GUIDE]);
let i = 0;
for (const target of paths) {
  const [path, click] = target.split('#');
  await page.goto(`${process.env.ORIGIN || 'http://127.0.0.1:4173'}${path}`);
  await page.waitForTimeout(600);
  if (click) {
    await page.getByRole('button', { name: click }).first().click();
    await page.waitForTimeout(400);
  }
  const file = `screenshots/${name}-${i++}.png`;
  await page.screenshot({ path: file, fullPage: false });
  console.log(file);
}
await browser.close();
