import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// Always the system Chromium: Playwright cannot download its own browsers here.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export default defineConfig({
  testDir: './specs',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    // The default build (dist/), demo backend included: every journey.
    { name: 'demo build', use: { baseURL: 'http://127.0.0.1:4173' }, testIgnore: /production\.spec/ },
    // The production build (dist-production/, no demo backend): the journeys
    // against a backend, and what it does without one.
    {
      name: 'production build',
      use: { baseURL: 'http://127.0.0.1:4174' },
      testMatch: /(http-mode|details-http|production)\.spec/,
    },
  ],
  webServer: [
    { command: 'node serve.mjs', url: 'http://127.0.0.1:4173/favicon.svg', reuseExistingServer: !process.env.CI },
    {
      command: 'node serve.mjs',
      env: { PORT: '4174', DIST: fileURLToPath(new URL('../../dist-production/', import.meta.url)) },
      url: 'http://127.0.0.1:4174/favicon.svg',
      reuseExistingServer: !process.env.CI,
    },
  ],
});
