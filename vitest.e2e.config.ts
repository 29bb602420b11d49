import { defineConfig } from 'vitest/config';
import { reactOnPreact } from './renderer/react-on-preact.js';

// Browser end-to-end tests: a real web host process, real Chromium through
// playwright-core. One file at a time: each starts its own kiosk and browser.
export default defineConfig({
  // Renderer modules loaded by tests run on what the page runs (renderer/react-on-preact.ts).
  resolve: { alias: reactOnPreact },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
