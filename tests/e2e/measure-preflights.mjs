// How many CORS preflights an upload to a backend on another origin costs (not a
// test; docs/api.md, "CORS", has the figures): the console on ORIGIN uploads a
// file of CHUNKS chunks to the fake backend on its own port, once with each
// Access-Control-Max-Age, and the OPTIONS requests the fake saw are counted.
//   node measure-preflights.mjs   (release build served by serve.mjs on ORIGIN)
//   CHUNKS=60 DELAY_MS=400 node measure-preflights.mjs   (a slower upload)
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';
import { startFakeServer } from './fake-server.mjs';

const origin = process.env.ORIGIN || 'http://127.0.0.1:4173';
const CHUNKS = Number(process.env.CHUNKS || 40);
// Holds each chunk's answer back, for uploads longer than a preflight cache without Max-Age (5 s).
const DELAY_MS = Number(process.env.DELAY_MS || 0);
const file = join(tmpdir(), 'preflights.txt');
writeFileSync(file, 'a'.repeat(CHUNKS * 1024));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
console.log(`| Access-Control-Max-Age | chunks | chunk preflights | preflights in all | seconds |`);
for (const maxAge of [null, 7200]) {
  const backend = await startFakeServer({ chunkSize: 1024, maxAge, chunkDelayMs: DELAY_MS });
  // serve.mjs's CSP allows only 'self'; a host would add its API's origin to
  // connect-src. Bypassing it, rather than rewriting it with page.route, keeps
  // Playwright's interception (which would answer the preflights itself) out.
  const page = await browser.newPage({ bypassCSP: true });
  await page.addInitScript((url) => {
    window.customModelsConfig = { apiBaseUrl: url, token: 'test-token-123' };
    localStorage.setItem('customModelsGuideShown', 'true');
  }, backend.url);
  await page.goto(`${origin}/custom-models/m1`);
  await page.getByRole('button', { name: 'New Dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Dataset' });
  await dialog.getByLabel('Drop files here or click to choose').setInputFiles(file);
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 120_000 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const chunkPreflights = backend.preflights.filter((p) => p.method === 'PUT').length;
  console.log(`| ${maxAge ?? 'none'} | ${backend.state.chunksSent('up1').length} | ${chunkPreflights} | ${backend.preflights.length} | ${seconds} |`);
  if (backend.state.contractProblems.length) console.log(backend.state.contractProblems);
  await page.close();
  await backend.close();
}
await browser.close();
