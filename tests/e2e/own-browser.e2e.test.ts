// The kiosk's own Chromium is started in the host's first milliseconds, on the
// port bound then, before the host's own code, the config's full check and the
// station have loaded (main/webhost/early-start.ts); what it asks for meanwhile
// waits on that port (held-server.ts). Here through the host's own launch path
// (`--headless-browser`: no window, its DevTools port printed), watched with the
// same observe-only probe bench:startup uses.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, startKiosk, type KioskProcess } from '../support/kiosk-process.js';
import { PageProbe } from '../support/cdp-probe.js';
import { commandLineHas, descendants } from '../bench/proc-memory.js';
import { HEADLESS_SCREEN } from '../../main/webhost/chromium.js';

let kiosk: KioskProcess | undefined;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-own-browser-'));
afterAll(async () => {
  await kiosk?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Processes whose command line names `text` (a profile folder), anywhere on the machine. */
function processesWith(text: string): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && commandLineHas(Number(d), text)).map(Number);
}

const phase = (log: string, name: string) => Number(new RegExp(`"phase":"${name}","ms":(\\d+)`).exec(log)?.[1] ?? NaN);

describe("the kiosk's own Chromium", () => {
  it('is started before the config is checked, shows the home screen through the port held meanwhile, and goes with the host', async () => {
    kiosk = await startKiosk({ browser: 'headless' });
    const log = kiosk.stderr();
    expect(phase(log, 'chromium spawned')).toBeLessThan(phase(log, 'config'));
    expect(phase(log, 'config')).toBeLessThanOrEqual(phase(log, 'web host serving'));

    const probe = await PageProbe.open(kiosk.browser!.devtoolsPort, kiosk.origin, 60_000);
    try {
      // The launch code issued before the host's code loaded opened the session: the tiles are up and focused.
      await probe.waitFor(`document.activeElement?.getAttribute('data-service') === 'pension-certification'`, 60_000);
      // Headless, it stands in for a station's display (what bench:startup measures at):
      // 1920×1080, where the home screen fits without scrolling. Its own default was 800×600.
      const size = async () =>
        JSON.parse(String(await probe.evaluate('JSON.stringify([innerWidth, innerHeight, document.documentElement.scrollWidth, document.documentElement.scrollHeight])'))) as unknown;
      await expect.poll(size, { timeout: 30_000 }).toEqual([HEADLESS_SCREEN.width, HEADLESS_SCREEN.height, HEADLESS_SCREEN.width, HEADLESS_SCREEN.height]);
    } finally {
      probe.close();
    }

    const browserPids = descendants(kiosk.child.pid!).filter((p) => commandLineHas(p, '--user-data-dir='));
    expect(browserPids.length).toBeGreaterThan(0);
    const profile = /--user-data-dir=([^\0]+)/.exec(fs.readFileSync(`/proc/${browserPids[0]}/cmdline`, 'utf8'))![1]!;
    expect(fs.existsSync(profile)).toBe(true);
    await kiosk.stop();
    kiosk = undefined;
    await expect.poll(() => processesWith(profile), { timeout: 20_000 }).toEqual([]);
    expect(fs.existsSync(profile)).toBe(false);
  });

  it('starting again, draws the first screen from the answer kept at its last start, and starts the station only then', async () => {
    // The built host, as a station runs it: only a build has an identity to keep the answer under.
    const dataDir = fs.mkdtempSync(path.join(work, 'restart-'));
    const kept = path.join(dataDir, 'data', 'first-screen.json');
    const why = (log: string) => /station starting \{"why":"([^"]+)"/.exec(log)?.[1];
    kiosk = await startKiosk({ entry: 'built', browser: 'headless', dataDir });
    // (Its log comes on stderr, which may reach us after the stdout lines startKiosk waited for.)
    await expect.poll(() => why(kiosk!.stderr()), { timeout: 60_000 }).toBe('no first screen kept');
    await expect.poll(() => fs.existsSync(kept), { timeout: 60_000 }).toBe(true);
    await kiosk.stop();

    kiosk = await startKiosk({ entry: 'built', browser: 'headless', dataDir });
    const probe = await PageProbe.open(kiosk.browser!.devtoolsPort, kiosk.origin, 60_000);
    try {
      await probe.waitFor(`document.activeElement?.getAttribute('data-service') === 'pension-certification'`, 60_000);
      expect(await probe.evaluate(`document.querySelectorAll('[data-service]').length`)).toBeGreaterThan(3);
      // The tiles were drawn from the kept answer: the station is started when the page asks (its
      // socket may open only after the tiles are focused; or, on a machine so slow that no page came
      // within STATION_AT_LATEST_MS, then), never at once.
      await expect.poll(() => why(kiosk!.stderr()), { timeout: 60_000 }).toBeDefined();
      expect(['the page', 'no page came']).toContain(why(kiosk.stderr()));
    } finally {
      probe.close();
    }
    // Calls made meanwhile are answered once it is up, and what was kept was what it answers.
    expect((await kiosk.ipc('app:info', {})).ok).toBe(true);
    await expect.poll(() => /module identity-check/.test(kiosk!.stderr()), { timeout: 60_000 }).toBe(true);
    expect(kiosk.stderr()).not.toContain('first screen cache was stale');
    await kiosk.stop();
    kiosk = undefined;
  });

  it('is closed again, leaving no profile behind, when the config is then refused', async () => {
    const config = path.join(work, 'station.json');
    // A production station on the development defaults: refused (main/core/production.ts), but only after Chromium has started.
    fs.writeFileSync(config, JSON.stringify({ mode: 'production' }));
    const tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
    const host = spawn(
      path.join(repoRoot, 'node_modules', '.bin', 'node'),
      ['--import', 'tsx', 'main/webhost/launch.ts', '--headless-browser', '--test-controls', '--config', config, '--data-dir', path.join(work, 'data')],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp, XDG_DATA_HOME: work } },
    );
    let out = '';
    let err = '';
    host.stdout.on('data', (c: Buffer) => (out += c.toString()));
    host.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => host.once('exit', (c) => r(c)));
    expect(code).toBe(78);
    expect(err).toContain('refuses to start');
    expect(out).toContain('Kiosk: web host + Chromium');
    await expect.poll(() => processesWith(tmp), { timeout: 20_000 }).toEqual([]);
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('xiangyin-chromium-'))).toEqual([]);
  });
});
