// Tests leave nothing behind in /tmp: a store test (which creates xy-store-*
// folders and never removes them itself) run through this config leaves its
// temporary folder as empty as it found it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';

const outer = fs.mkdtempSync(path.join(process.env.XY_OUTER_TMPDIR ?? os.tmpdir(), 'xy-tmpcheck-'));
afterAll(() => fs.rmSync(outer, { recursive: true, force: true }));

describe('temporary folders', () => {
  it('a test file that never cleans up still leaves no folder in TMPDIR', async () => {
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(path.join(repoRoot, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'vitest.config.ts', 'tests/unit/store/encryption.test.ts', '--maxWorkers=1'], {
        cwd: repoRoot,
        stdio: 'ignore',
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'XY_OUTER_TMPDIR')), TMPDIR: outer },
      });
      p.on('exit', resolve);
    });
    expect(code).toBe(0);
    // Vitest's own caches are not ours; what the tests made is.
    expect(fs.readdirSync(outer).filter((f) => f.startsWith('xy-') || f.startsWith('xiangyin-'))).toEqual([]);
  }, 120_000);
});
