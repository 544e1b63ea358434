import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/support/privateTmp.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/unit-results.json' }]] : ['default'],
  },
});
