import { defineConfig } from '@playwright/test';

/**
 * The e2e specs run against the real app through Playwright's Electron support when an
 * Electron binary is installed, and otherwise against the harness (the built renderer in
 * Debian's Chromium with the real services in Node). STATION_E2E_TARGET forces one.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/support/privateTmp.ts',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]] : [['list']],
  use: {
    // CI keeps only what its log can carry (the error and the screenshot path); recording a
    // trace of every test there cost time and was never read.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
