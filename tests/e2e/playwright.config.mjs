import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// Always the system Chromium: Playwright cannot download its own browsers here.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

// E2E_PORT moves both servers (it and the next port), so two checkouts on one
// machine can run their suites at once without reusing each other's server.
const port = Number(process.env.E2E_PORT || 4173);
const origin = (p) => `http://127.0.0.1:${p}`;

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
    { name: 'demo build', use: { baseURL: origin(port) }, testIgnore: /production\.spec/ },
    // The production build (dist-production/, no demo backend): the journeys
    // against a backend, and what it does without one.
    {
      name: 'production build',
      use: { baseURL: origin(port + 1) },
      testMatch: /(http-mode|details-http|cancel-http|production|csp|uploads-network|hardening|forward-compat|steady|evaluation-http|cross-origin|stt-session-http)\.spec/,
    },
  ],
  webServer: [
    { command: 'node serve.mjs', env: { PORT: String(port) }, url: `${origin(port)}/favicon.svg`, reuseExistingServer: !process.env.CI },
    {
      command: 'node serve.mjs',
      env: { PORT: String(port + 1), DIST: fileURLToPath(new URL('../../dist-production/', import.meta.url)) },
      url: `${origin(port + 1)}/favicon.svg`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
