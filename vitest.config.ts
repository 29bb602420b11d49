import { defineConfig } from 'vitest/config';
import { reactOnPreact } from './renderer/react-on-preact.js';

// Unit and integration tests (real SQLite files, real sockets, real ptys) run here;
// browser end-to-end tests run through scripts/e2e.mjs with Playwright.
export default defineConfig({
  // Renderer modules loaded by tests run on what the page runs (renderer/react-on-preact.ts).
  resolve: { alias: reactOnPreact },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // A private TMPDIR per test file, removed when the file ends; pinyin-pro for
    // text outside the app's pinyin table, as the station has it.
    setupFiles: ['tests/support/private-tmpdir.ts', 'tests/support/pinyin-engine-setup.ts'],
    // One throwaway PostgreSQL cluster for the run (the sync server's suites run against it too).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: keep parallelism modest so timing-sensitive I/O tests stay honest.
    maxWorkers: 2,
  },
});
