// The performance benchmark: drives the release build and the vanilla floor
// (tests/bench/vanilla.html) in headless Chromium and prints one table of
// medians over repeated runs, with min and max, also written to docs/perf.md.
// Run by `make bench` (scripts/bench.sh builds and generates the data first).
// `BENCH_ONLY=compare BASELINE_DIST=<another demo build> node tests/e2e/bench.mjs`
// times the list on dist/ against that build, for a change that should cost nothing.
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from './playwright.config.mjs';
import { sizeSection } from '../bench/sizes.mjs';
import { serverRows } from './bench-server.mjs';
import { bigFile, uploadMemory, uploadThroughput } from './bench-uploads.mjs';
import { fakeBackend, makeModels } from './specs/fake-backend.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const ORIGIN = 'http://127.0.0.1:4180';
const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist/`;
const distProduction = `${root}dist-production/`;
const distFloor = `${root}tests/bench/out/floor/`;
// The production module with its names kept (scripts/bench.sh), for the size table.
const namedWasm = `${root}tests/bench/out/named.wasm`;
const floorNamedWasm = `${root}tests/bench/out/floor-named.wasm`;
const perfPath = `${root}docs/perf.md`;
const SIZES_START = '<!-- size table: written by make bench (BENCH_ONLY=sizes for this part alone) -->';
const SIZES_END = '<!-- end of size table -->';

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) };
};
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

// Marks when the table first holds `rows` rows, from navigation start.
const ROWS_PROBE = (rows) => {
  new MutationObserver(() => {
    if (!window.__rowsAt && document.querySelectorAll('table tbody tr').length >= rows) window.__rowsAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
};

async function appPage(browser, config) {
  const page = await browser.newPage();
  await page.addInitScript(([config, probe]) => {
    localStorage.setItem('customModelsGuideShown', 'true');
    localStorage.setItem('customModelsInfoBannerCollapsed', 'true');
    window.customModelsConfig = config;
    new Function(`(${probe})(25)`)();
  }, [config, ROWS_PROBE.toString()]);
  return page;
}

async function vanillaPage(browser) {
  const page = await browser.newPage();
  return page;
}

async function startup(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__rowsAt, null, { timeout: 60_000 });
  return page.evaluate(() => window.__rowsAt);
}

// Time from an action to the range label reading `expected`, to the next frame.
// Fails after 30 s rather than waiting for ever.
function timeTo(page, action, rangeSelector, expected) {
  return page.evaluate(([action, rangeSelector, expected]) => new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`"${expected}" never showed in ${rangeSelector}`)), 30_000);
    const t0 = performance.now();
    const done = () => document.querySelector(rangeSelector)?.textContent.includes(expected);
    const obs = new MutationObserver(() => {
      if (done()) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)); }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    new Function(action)();
  }), [action, rangeSelector, expected]);
}

const APP = {
  next: `[...document.querySelectorAll('nav[aria-label="Models pages"] a.cm-pager__step')].find((a) => a.textContent.includes('Next')).click()`,
  size100: `const s = document.querySelector('nav[aria-label="Models pages"] select'); s.value = '100'; s.dispatchEvent(new Event('change', { bubbles: true }))`,
  search: (text) => `const i = document.getElementById('cm-search'); i.value = '${text}'; i.dispatchEvent(new Event('input', { bubbles: true }))`,
  sortDate: `[...document.querySelectorAll('th button.cm-sort')].find((b) => b.textContent.includes('Last Modified')).click()`,
  range: '.cm-pager__range',
};
const VANILLA = {
  next: `document.getElementById('next').click()`,
  size100: `const s = document.getElementById('size'); s.value = '100'; s.dispatchEvent(new Event('change'))`,
  search: (text) => `const i = document.getElementById('search'); i.value = '${text}'; i.dispatchEvent(new Event('input'))`,
  sortDate: `document.getElementById('sort').click()`,
  range: '#range',
};

function bundle(dir, prefix = '') {
  const files = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f) && f.startsWith(prefix));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = readFileSync(dir + f);
    total.raw += b.length;
    total.gzip += gzipSync(b, { level: 9 }).length;
    total.brotli += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

// The size section of docs/perf.md, from the production build and the floor's.
function sizes() {
  const production = bundle(distProduction);
  const floor = bundle(distFloor);
  const wasm = readdirSync(distProduction).find((f) => f.endsWith('.wasm'));
  const section = sizeSection(namedWasm, floorNamedWasm, { console: production.brotli, floor: floor.brotli, shippedWasm: readFileSync(distProduction + wasm).length });
  return `${SIZES_START}\n${section}${SIZES_END}`;
}

// Three next-page clicks per load: more samples of a short figure.
const NEXT_RANGES = ['26–50', '51–75', '76–100'];
const newRuns = () => ({ appStart: [], vanStart: [], appNext: [], vanNext: [], appSize: [], vanSize: [], appSearch: [], vanSearch: [], appSort: [], vanSort: [] });

// One run of every timing of the console holding `n` models, added to `runs`.
async function measureApp(browser, n, runs, origin = ORIGIN) {
  const appUrl = `${origin}/custom-models`;
  const config = { mock: { latencyMs: 0, generate: n, storageKey: `bench-${n}` } };
  const page = await appPage(browser, config);
  runs.appStart.push(await startup(page, appUrl));
  for (const range of NEXT_RANGES) runs.appNext.push(await timeTo(page, APP.next, APP.range, `${range} of ${n}`));
  await page.goto(appUrl);
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 25);
  runs.appSize.push(await timeTo(page, APP.size100, APP.range, `1–100 of ${n}`));
  if (n >= 100000) {
    await page.goto(appUrl);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 25);
    runs.appSearch.push(await timeTo(page, APP.search('042424'), APP.range, '1–1 of 1'));
    await page.goto(appUrl);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 25);
    runs.appSort.push(await timeTo(page, APP.sortDate + '; window.__sorted = true', 'th[aria-sort="ascending"]', ''));
  }
  await page.close();
}

// One run of every timing of the vanilla page rendering `n` models, added to `runs`.
async function measureVanilla(browser, n, runs) {
  const page = await vanillaPage(browser);
  runs.vanStart.push(await startup(page, `${ORIGIN}/bench/vanilla.html?n=${n}`));
  for (const range of NEXT_RANGES) runs.vanNext.push(await timeTo(page, VANILLA.next, VANILLA.range, `${range} of ${n}`));
  await page.reload();
  await page.waitForFunction(() => window.__rowsAt);
  runs.vanSize.push(await timeTo(page, VANILLA.size100, VANILLA.range, `1–100 of ${n}`));
  if (n >= 100000) {
    await page.reload();
    await page.waitForFunction(() => window.__rowsAt);
    runs.vanSearch.push(await timeTo(page, VANILLA.search('042424'), VANILLA.range, '1–1 of 1'));
    await page.reload();
    await page.waitForFunction(() => window.__rowsAt);
    const first = await page.locator('#rows tr').first().textContent();
    runs.vanSort.push(await page.evaluate((first) => new Promise((resolve) => {
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelector('#rows tr')?.textContent !== first) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
      document.getElementById('sort').click();
    }), first));
  }
  await page.close();
}

// Both sizes measured turn about in every run, so a drift of the machine over
// the benchmark (it happens) cannot pass for a difference between them.
async function measureScale(browser) {
  const small = newRuns();
  const large = newRuns();
  for (let r = 0; r < RUNS; r++) {
    await measureApp(browser, 100, small);
    await measureApp(browser, 100000, large);
    await measureVanilla(browser, 100, small);
    await measureVanilla(browser, 100000, large);
  }
  const summary = (runs) => Object.fromEntries(Object.entries(runs).filter(([, v]) => v.length).map(([k, v]) => [k, stats(v)]));
  return [summary(small), summary(large)];
}

// The Leptos floor (tests/bench/floor): startup and next page of the same
// table in the smallest Leptos + router app, against the vanilla page.
async function measureFloor(browser) {
  const runs = { start: [], next: [], size: [] };
  for (let r = 0; r < RUNS; r++) {
    const page = await browser.newPage();
    await page.addInitScript(`(${ROWS_PROBE})(25)`);
    runs.start.push(await startup(page, `${ORIGIN}/bench/floor/`));
    for (const range of NEXT_RANGES) runs.next.push(await timeTo(page, `document.querySelector('a.cm-pager__step').click()`, '.cm-pager__range', `${range} of 100`));
    await page.goto(`${ORIGIN}/bench/floor/`);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 25);
    runs.size.push(await timeTo(page, `const s = document.querySelector('select'); s.value = '100'; s.dispatchEvent(new Event('change', { bubbles: true }))`, '.cm-pager__range', '1–100 of 100'));
    await page.close();
  }
  return { start: stats(runs.start), next: stats(runs.next), size: stats(runs.size) };
}

async function polling(browser) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    localStorage.setItem('customModelsGuideShown', 'true');
    window.customModelsConfig = { apiBaseUrl: '/api', token: 'bench' };
  });
  const models = makeModels(1);
  models[0].status = 3;
  const backend = await fakeBackend(page, { models });
  await page.goto(`${ORIGIN}/custom-models`);
  await page.waitForSelector('table tbody tr');
  const start = backend.requestsTo('GET', '/custom-models').length;
  await page.waitForTimeout(60_000);
  const perMinute = backend.requestsTo('GET', '/custom-models').length - start;
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  const left = backend.requestsTo('GET', '/custom-models').length;
  await page.waitForTimeout(20_000);
  const after = backend.requestsTo('GET', '/custom-models').length - left;
  await page.close();
  return { perMinute, after };
}

// Aligning a whole test in the browser: the console's WASM (domain::wer, built
// from tests/bench/wer) against the same algorithm in plain JS, alternating.
async function werAlignment(browser) {
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/bench/wer.html`);
  await page.waitForFunction(() => window.benchWerReady);
  const runs = { wasm: [], js: [] };
  const errors = {};
  for (let r = 0; r < RUNS + 1; r++) {
    for (const which of ['wasm', 'js']) {
      const result = await page.evaluate((w) => window.benchWer(w), which);
      if (r > 0) runs[which].push(result.ms); // the first run of each warms the compiler up
      errors[which] = result.errors;
    }
  }
  await page.close();
  return { wasm: stats(runs.wasm), js: stats(runs.js), errors };
}

if (process.env.BENCH_ONLY === 'sizes') {
  // Just the size table: printed, and put in place of the one in docs/perf.md.
  const section = sizes();
  console.log(section);
  const perf = existsSync(perfPath) ? readFileSync(perfPath, 'utf8') : '';
  const at = perf.indexOf(SIZES_START);
  const end = perf.indexOf(SIZES_END);
  const updated = at >= 0 && end > at ? perf.slice(0, at) + section + perf.slice(end + SIZES_END.length) : `${perf.trimEnd()}\n\n${section}\n`;
  writeFileSync(perfPath, updated);
  process.exit(0);
}

const server = spawn('node', [`${root}tests/e2e/serve.mjs`], { env: { ...process.env, PORT: '4180' }, stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 600));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
  // Chromium caches a module's optimised WebAssembly code after its first
  // loads: without these unmeasured loads, whichever figure ran first would be
  // timed on the baseline compiler's slower code.
  if (process.env.BENCH_ONLY === 'upload') {
    // Just the upload row, for working on uploads (docs/perf.md is left as it is).
    const t = await uploadThroughput(browser, { appPage, origin: ORIGIN, runs: Math.max(2, Math.ceil(RUNS / 2)), stats });
    console.log(`upload 1 GB: console ${t.app.median.toFixed(0)} MB/s (${t.app.min.toFixed(0)}–${t.app.max.toFixed(0)}), floor ${t.floor.median.toFixed(0)} MB/s (${t.floor.min.toFixed(0)}–${t.floor.max.toFixed(0)}), ratio ${(t.app.median / t.floor.median).toFixed(2)}`);
    await browser.close();
    process.exit(0);
  }
  const onServer = () => serverRows(browser, { origin: ORIGIN, ...bigFile(), runs: Math.max(2, Math.ceil(RUNS / 2)), stats });
  if (process.env.BENCH_ONLY === 'server') {
    // Just the reference server's rows, put in place of the same rows of docs/perf.md
    // (or before the Leptos floor's rows), dated, the rest of the table left as it is.
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    let perf = readFileSync(perfPath, 'utf8');
    for (const [figure, ...rest] of await onServer()) {
      const line = `| ${figure} (${when} UTC) | ${rest.slice(0, 4).join(' | ')} | ${rest[4] ? 'met' : '**missed**'} |`;
      console.log(line);
      const lines = perf.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`| ${figure}`));
      if (at >= 0) lines[at] = line;
      else lines.splice(Math.max(0, lines.findIndex((l) => l.startsWith('| *Leptos floor*'))), 0, line);
      perf = lines.join('\n');
    }
    writeFileSync(perfPath, perf);
    await browser.close();
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'wer') {
    const w = await werAlignment(browser);
    console.log(`align 10,000 utterances × 20 words, base and custom: WASM ${ms(w.wasm.median)} (${ms(w.wasm.min)}–${ms(w.wasm.max)}), JS floor ${ms(w.js.median)}, errors found ${w.errors.wasm} / ${w.errors.js}`);
    await browser.close();
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'compare') {
    // The console's list timings on this build (dist/) against another demo
    // build (BASELINE_DIST=…), taking turns (first one, then the other) so that the machine's
    // drift cannot pass for a difference; for a change that should cost nothing.
    // docs/perf.md is left as it is.
    const base = spawn('node', [`${root}tests/e2e/serve.mjs`], {
      env: { ...process.env, PORT: '4181', DIST: process.env.BASELINE_DIST }, stdio: 'ignore',
    });
    try {
      await new Promise((r) => setTimeout(r, 600));
      const baseOrigin = 'http://127.0.0.1:4181';
      for (const origin of [ORIGIN, baseOrigin, ORIGIN, baseOrigin]) {
        const page = await appPage(browser, { mock: { latencyMs: 0, generate: 100, storageKey: 'bench-warm-up' } });
        await startup(page, `${origin}/custom-models`);
        await page.close();
      }
      for (const n of [100, 100000]) {
        const now = newRuns();
        const before = newRuns();
        for (let r = 0; r < RUNS; r++) {
          // Which goes first changes every run: the first of a pair runs on a colder machine.
          const pair = [() => measureApp(browser, n, now), () => measureApp(browser, n, before, baseOrigin)];
          for (const measure of r % 2 ? pair.reverse() : pair) await measure();
        }
        for (const key of ['appStart', 'appNext', 'appSize', 'appSearch', 'appSort'].filter((k) => now[k].length)) {
          const [a, b] = [stats(now[key]), stats(before[key])];
          console.log(`${n} models, ${key}: this build ${ms(a.median)} (${ms(a.min)}–${ms(a.max)}), baseline ${ms(b.median)} (${ms(b.min)}–${ms(b.max)})`);
        }
      }
    } finally {
      base.kill();
    }
    await browser.close();
    process.exit(0);
  }
  for (let r = 0; r < 3; r++) {
    for (const url of [`${ORIGIN}/custom-models`, `${ORIGIN}/bench/floor/`, `${ORIGIN}/bench/vanilla.html?n=100`]) {
      const page = await appPage(browser, { mock: { latencyMs: 0, generate: 100, storageKey: 'bench-warm-up' } });
      await startup(page, url);
      await page.close();
    }
  }
  const size = bundle(distProduction);
  const demoSize = bundle(dist);
  const floorSize = bundle(distFloor);
  // The host build's picker module alone (scripts/build-embed.sh).
  const selectSize = bundle(`${root}dist-embed/`, 'custom-model-select');
  const floor = await measureFloor(browser);
  const [small, large] = await measureScale(browser);
  const upload = await uploadMemory(browser, { appPage, origin: ORIGIN });
  const throughput = await uploadThroughput(browser, { appPage, origin: ORIGIN, runs: Math.max(2, Math.ceil(RUNS / 2)), stats });
  const onServerRows = await onServer();
  const poll = await polling(browser);
  const wer = await werAlignment(browser);
  await browser.close();

  const rows = [];
  const fmt = (s) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
  const ratio = (a, b) => a.median / b.median;
  const pass = (ok) => (ok ? 'met' : '**missed**');
  const sizesOf = (s) => `raw ${kb(s.raw)}, gzip ${kb(s.gzip)}, brotli ${kb(s.brotli)}`;
  rows.push(['bundle (wasm + JS), production build', sizesOf(size), `Leptos floor ${kb(floorSize.brotli)}`, (size.brotli / floorSize.brotli).toFixed(2), '≤ 2× the Leptos floor, brotli', pass(size.brotli <= 2 * floorSize.brotli)]);
  rows.push(['bundle (wasm + JS), `<custom-model-select>` alone (host build)', sizesOf(selectSize), `Leptos floor ${kb(floorSize.brotli)}`, (selectSize.brotli / floorSize.brotli).toFixed(2), '≤ 60 KB brotli', pass(selectSize.brotli <= 60 * 1024)]);
  rows.push(['bundle (wasm + JS), release build with the demo backend', sizesOf(demoSize), '', '', '≤ 150 KB brotli', pass(demoSize.brotli <= 150 * 1024)]);
  for (const [n, m] of [[100, small], [100000, large]]) {
    rows.push([`startup, ${n} models`, fmt(m.appStart), fmt(m.vanStart), ratio(m.appStart, m.vanStart).toFixed(2), '≤ 3× vanilla', pass(ratio(m.appStart, m.vanStart) <= 3)]);
    rows.push([`next page, ${n} models`, fmt(m.appNext), fmt(m.vanNext), ratio(m.appNext, m.vanNext).toFixed(2), '≤ 1.5× vanilla', pass(ratio(m.appNext, m.vanNext) <= 1.5)]);
    rows.push([`page size 25→100, ${n} models`, fmt(m.appSize), fmt(m.vanSize), ratio(m.appSize, m.vanSize).toFixed(2), '≤ 1.5× vanilla', pass(ratio(m.appSize, m.vanSize) <= 1.5)]);
  }
  for (const [label, key] of [['startup', 'appStart'], ['next page', 'appNext'], ['page size', 'appSize']]) {
    const r = large[key].median / small[key].median;
    rows.push([`scale: ${label} 100,000 vs 100`, `${r.toFixed(2)}×`, '', '', '≤ 1.2×', pass(r <= 1.2)]);
  }
  rows.push(['search "042424", 100,000 models', fmt(large.appSearch), fmt(large.vanSearch), ratio(large.appSearch, large.vanSearch).toFixed(2), '≤ 100 ms', pass(large.appSearch.median <= 100)]);
  rows.push(['sort by last modified, 100,000 models', fmt(large.appSort), fmt(large.vanSort), ratio(large.appSort, large.vanSort).toFixed(2), '≤ 100 ms', pass(large.appSort.median <= 100)]);
  rows.push(['upload 9 GB sparse WAV (mock)', `WASM memory +${kb(upload.wasmGrowth)}, JS heap peak +${kb(upload.heapGrowth)} (${upload.seconds.toFixed(0)} s)`, '', '', '< 16 MB; < 64 MB', pass(upload.wasmGrowth < 16 * 1024 ** 2 && upload.heapGrowth < 64 * 1024 ** 2)]);
  const mbs = (s) => `${s.median.toFixed(0)} MB/s (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const speed = throughput.app.median / throughput.floor.median;
  rows.push(['upload 1 GB, 40 ms per request (HTTP sink)', mbs(throughput.app), mbs(throughput.floor), speed.toFixed(2), '≥ 0.9× floor', pass(speed >= 0.9)]);
  for (const [figure, value, floorValue, r, budget, ok] of onServerRows) rows.push([figure, value, floorValue, r, budget, pass(ok)]);
  rows.push(['align 10,000 utterances × 20 words, base and custom (test page, WASM)', fmt(wer.wasm), fmt(wer.js), ratio(wer.wasm, wer.js).toFixed(2), '≤ 250 ms', pass(wer.wasm.median <= 250)]);
  rows.push(['polling, one model Running', `${poll.perMinute} requests/min; ${poll.after} after leaving`, '', '', '≤ 30; 0', pass(poll.perMinute <= 30 && poll.after === 0)]);

  // The framework's own floor, for reading the rows above: not a budget.
  rows.push(['*Leptos floor*: bundle', sizesOf(floorSize), '', '', '', '']);
  rows.push(['*Leptos floor*: startup, 100 models', fmt(floor.start), fmt(small.vanStart), ratio(floor.start, small.vanStart).toFixed(2), '', '']);
  rows.push(['*Leptos floor*: next page, 100 models', fmt(floor.next), fmt(small.vanNext), ratio(floor.next, small.vanNext).toFixed(2), '', '']);
  rows.push(['*Leptos floor*: page size 25→100, 100 models', fmt(floor.size), fmt(small.vanSize), ratio(floor.size, small.vanSize).toFixed(2), '', '']);

  const header = ['figure', 'console (median, min–max)', 'vanilla floor', 'ratio', 'budget', 'verdict'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  console.log(table);
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const notesPath = `${root}docs/perf-notes.md`;
  const notes = existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : '';
  writeFileSync(perfPath, `# Performance\n\nMeasured by \`make bench\` on ${when} UTC, ${cpus().length} CPUs (${cpuModel}), headless Chromium, ${RUNS} runs per timing. Timings on the release build and its mock API with zero simulated latency.\n\n${table}\n\n${sizes()}\n\n${notes}`);
} finally {
  server.kill();
}
