// Vitest setup file: each test file gets a temporary folder of its own, and
// TMPDIR points into it while the file runs, so everything the file and the
// processes it starts create with os.tmpdir() (store folders, key folders,
// kiosk data folders, model copies) goes when the file ends, passed or failed.
// Test files need not (and many did not) clean up after themselves; /tmp stays
// clear of xy-* folders holding encrypted stores and their keys side by side.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// A worker runs many files one after another: always start from the real /tmp.
process.env.XY_OUTER_TMPDIR ??= os.tmpdir();
const outer = process.env.XY_OUTER_TMPDIR;
const mine = fs.mkdtempSync(path.join(outer, 'xy-run-'));
process.env.TMPDIR = mine;

// Registered before the test file's own hooks, so (hooks run as a stack) it runs
// after them: the file's own afterAll may still use its folders.
afterAll(() => {
  process.env.TMPDIR = outer;
  fs.rmSync(mine, { recursive: true, force: true });
});
