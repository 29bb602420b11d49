// `npm start` on a machine without a display: Chromium used to exit at once and
// the host stopped with only `{"why":"browser closed"}`. Now the host says, before
// starting Chromium, that there is no display and what to run instead, and
// scripts/start.mjs does not start it again (it would fail the same way).
// Runs the built host (dist/, what `npm start` runs), so it needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';

const built = ['dist/host/launch.js', 'dist/renderer/index.html'].every((f) => fs.existsSync(path.join(repoRoot, f)));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-nodisplay-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.skipIf(!built)('npm start without a display', () => {
  it('says there is no display and what to run instead, and does not retry', async () => {
    const config = path.join(work, 'station.json');
    fs.writeFileSync(config, '{}');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: work };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const start = spawn(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['scripts/start.mjs', '--config', config, '--data-dir', path.join(work, 'data')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let out = '';
    let err = '';
    start.stdout.on('data', (c: Buffer) => (out += c.toString()));
    start.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => start.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(err).toContain('No display here (DISPLAY and WAYLAND_DISPLAY are both unset)');
    expect(err).toContain('npm run start:headless');
    // Said before Chromium was started, and not started again.
    expect(out).not.toContain('Kiosk: web host + Chromium');
    expect(err).not.toContain('starting it again');
  }, 60_000);
});
