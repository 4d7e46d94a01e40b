// The upload rows of `make bench` (tests/e2e/bench.mjs): the console's memory
// while it sends a 9 GB file to the demo, and its throughput for a 1 GB file to
// the sink beside a plain-JS fetch loop. The page maker and statistics are bench.mjs's.
import { closeSync, existsSync, ftruncateSync, openSync, writeSync } from 'node:fs';

export async function uploadMemory(browser, { appPage, origin }) {
  const path = '/tmp/cm-bench-9g.wav';
  if (!existsSync(path)) {
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.concat([Buffer.from('RIFF\xff\xff\xff\xffWAVEfmt ', 'latin1'), Buffer.alloc(64)]));
    ftruncateSync(fd, 9 * 1024 ** 3);
    closeSync(fd);
  }
  const page = await appPage(browser, { mock: { latencyMs: 0, chunkLatencyMs: 0, generate: 100, storageKey: 'bench-upload' } });
  await page.goto(`${origin}/custom-models/gm_1`);
  await page.getByRole('button', { name: 'New Dataset' }).click();
  await page.waitForFunction(() => window.__wasm);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => { await cdp.send('HeapProfiler.collectGarbage'); return (await cdp.send('Runtime.getHeapUsage')).usedSize; };
  const wasmBefore = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  const heapBefore = await heap();
  let heapPeak = heapBefore;
  await page.getByLabel('Drop files here or click to choose').setInputFiles(path);
  await page.getByRole('button', { name: 'Create' }).click({ timeout: 30_000 });
  const t0 = Date.now();
  while (await page.getByRole('dialog', { name: 'New Dataset' }).isVisible()) {
    heapPeak = Math.max(heapPeak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
    if (Date.now() - t0 > 600_000) throw new Error('the 9 GB upload did not finish in 10 minutes');
    await page.waitForTimeout(500);
  }
  const seconds = (Date.now() - t0) / 1000;
  // Only a finished upload counts: the dataset must be on the model now.
  await page.getByRole('rowheader', { name: 'cm-bench-9g.wav' }).waitFor({ timeout: 10_000 });
  const wasmAfter = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await page.close();
  return { wasmGrowth: wasmAfter - wasmBefore, heapGrowth: heapPeak - heapBefore, seconds };
}

// A 1 GB file sent to the sink (40 ms per request) by the console and by the
// plain-JS floor, turn about, timed the same way from the click to the finish.
const BIG = { path: '/tmp/cm-bench-1g.txt', size: 1024 ** 3 };

/** The 1 GB file the upload rows send, written once. */
export function bigFile() {
  if (!existsSync(BIG.path)) {
    const fd = openSync(BIG.path, 'w');
    const block = Buffer.alloc(8 * 1024 * 1024, 'a');
    for (let at = 0; at < BIG.size; at += block.length) writeSync(fd, block);
    closeSync(fd);
  }
  return BIG;
}

export async function uploadThroughput(browser, { appPage, origin, runs: count, stats }) {
  const { path, size } = bigFile();
  const runs = { app: [], floor: [] };
  for (let r = 0; r < count; r++) {
    const app = await appPage(browser, { apiBaseUrl: '/sink/api', token: 'bench' });
    await app.goto(`${origin}/custom-models/m1`);
    await app.getByRole('button', { name: 'New Dataset' }).click();
    await app.getByLabel('Drop files here or click to choose').setInputFiles(path);
    const create = app.getByRole('button', { name: 'Create' });
    await create.waitFor();
    await app.waitForFunction(() => !document.querySelector('form.cm-form button[type=submit]')?.disabled, null, { timeout: 30_000 });
    let t0 = Date.now();
    await create.click();
    await app.getByRole('dialog', { name: 'New Dataset' }).waitFor({ state: 'hidden', timeout: 300_000 });
    runs.app.push(size / 1024 ** 2 / ((Date.now() - t0) / 1000));
    await app.close();

    const floor = await browser.newPage();
    await floor.goto(`${origin}/bench/upload-floor.html`);
    t0 = Date.now();
    await floor.getByLabel('File').setInputFiles(path);
    await floor.waitForFunction(() => window.__uploadMs, null, { timeout: 300_000, polling: 50 });
    runs.floor.push(size / 1024 ** 2 / ((Date.now() - t0) / 1000));
    await floor.close();
  }
  return { app: stats(runs.app), floor: stats(runs.floor) };
}
