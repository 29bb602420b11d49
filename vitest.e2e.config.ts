import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: a real web host process, real Chromium through
// playwright-core. One file at a time: each starts its own kiosk and browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
