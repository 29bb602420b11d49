// `npm start` keeps the station up: when the web host dies anyway (here: killed
// with SIGKILL, the hardest way), scripts/start.mjs says why and starts it
// again, and the new host serves a fresh one-time URL. It used to exit with
// the host, leaving the kiosk dark until someone came. Runs the built host
// (dist/, what `npm start` runs), so it needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';

const built = ['dist/host/launch.js', 'dist/renderer/index.html'].every((f) => fs.existsSync(path.join(repoRoot, f)));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-restart-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function childrenOf(pid: number): number[] {
  return fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

describe.skipIf(!built)('npm start', () => {
  it('starts a web host that died again, and says why', async () => {
    const config = path.join(work, 'station.json');
    fs.writeFileSync(config, '{}');
    const start = spawn(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['scripts/start.mjs', '--headless', '--config', config, '--data-dir', path.join(work, 'data')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_DATA_HOME: work },
    });
    let out = '';
    let err = '';
    const urls: string[] = [];
    const waiters: (() => void)[] = [];
    start.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      urls.splice(0, urls.length, ...[...out.matchAll(/XIANGYIN_URL=(\S+)/g)].map((m) => m[1]!));
      waiters.splice(0).forEach((w) => w());
    });
    start.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((r) => start.once('exit', (code) => r(code)));
    const untilUrls = async (n: number) => {
      while (urls.length < n) {
        const more = new Promise<void>((r) => waiters.push(r));
        const code = await Promise.race([more.then(() => undefined), exited]);
        if (code !== undefined) throw new Error(`npm start exited with ${code}\n${err}`);
      }
    };
    try {
      await untilUrls(1);
      const [host] = childrenOf(start.pid!);
      // Started with the node flags a station runs with (scripts/host-node-flags.mjs: a small young generation).
      expect(fs.readFileSync(`/proc/${host}/cmdline`, 'utf8').split('\0')).toContain('--max-semi-space-size=1');
      // …and glibc's malloc settings (two arenas, freed memory given back), which it reads only as it starts.
      const env = fs.readFileSync(`/proc/${host}/environ`, 'utf8').split('\0');
      expect(env).toEqual(expect.arrayContaining(['MALLOC_ARENA_MAX=2', 'MALLOC_TRIM_THRESHOLD_=131072']));
      process.kill(host!, 'SIGKILL');
      await untilUrls(2);
      // stderr is another pipe: what the new host said there may arrive after its URL on stdout.
      for (let i = 0; i < 300 && !err.includes('web host restarted after it stopped unexpectedly'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(err).toContain('The web host stopped unexpectedly (killed by SIGKILL); starting it again (1 of 5');
      expect(err).toContain('web host restarted after it stopped unexpectedly');
      expect(childrenOf(start.pid!)).not.toContain(host);
      // The new host is up and its own one-time URL works.
      const res = await fetch(urls[1]!, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    } finally {
      start.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
