// Opens Debian's Chromium on the kiosk URL in app/kiosk mode. Chromium is a
// separate process we own: it is killed when the station stops (or dies).
// Any local user can read a process's command line (/proc/PID/cmdline), so the
// one-time launch URL is not put on it: it goes into a page in Chromium's
// private (0700) temporary profile, and the command line names only that file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_JS_FLAGS } from '../core/renderer-memory.js';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/** The display a headless Chromium stands in for. */
export const HEADLESS_SCREEN = { width: 1920, height: 1080 } as const;

/** Flags for a locked-down kiosk; the no-sandbox flag only when running as root (containers, CI). */
export function chromiumKioskArgs(url: string, userDataDir: string, opts: { kiosk: boolean; headless?: boolean }): string[] {
  const args = [
    `--user-data-dir=${userDataDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--autoplay-policy=no-user-gesture-required',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--lang=zh-CN',
    // Crash reports stay out of the user's home and off the network: no crash
    // reporter, and any dump Chromium still writes lands in the private profile.
    '--disable-breakpad',
    '--disable-crash-reporter',
    `--crash-dumps-dir=${path.join(userDataDir, 'crashes')}`,
    // Memory matters on a set-top box: one renderer process, no extensions or
    // background services, and Chromium's low-end-device mode (smaller caches).
    '--renderer-process-limit=1',
    '--disable-extensions',
    '--disable-component-extensions-with-background-pages',
    '--disable-default-apps',
    '--enable-low-end-device-mode',
    // A small young generation for the page's V8 (see renderer-memory.ts).
    `--js-flags=${RENDERER_JS_FLAGS}`,
    // Fold the network service and the GPU process into the browser process:
    // together about 190 MB less resident memory (measured with bench:startup).
    '--enable-features=NetworkServiceInProcess2',
    '--in-process-gpu',
    opts.kiosk ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
  ];
  // As root (containers, CI) Chromium refuses to start sandboxed; without a
  // sandbox the zygote processes only cost memory.
  if (process.getuid?.() === 0) args.push('--no-sandbox', '--no-zygote');
  // Headless (the benchmarks, a few e2e files), Chromium stands in for a station's
  // display: 1920×1080, the size every screen is designed and fit-checked at. Its
  // own default, 800×600, is a screen no station has: the home screen scrolls
  // there, and it holds a quarter of the pixels, so a full-screen page's raster
  // tiles cost a fraction of what they cost on the real display (10 MB at
  // 1920×1080, measured 2026-12-08).
  if (opts.headless) args.push('--headless', '--disable-gpu', `--screen-info={${HEADLESS_SCREEN.width}x${HEADLESS_SCREEN.height}}`);
  return args;
}

/**
 * Writes a page into the (private) profile folder that sends Chromium on to
 * `launchUrl`, and returns the file:// URL of that page: safe to pass on a
 * command line, since only our user can read the page.
 */
export function writeLaunchPage(userDataDir: string, launchUrl: string): string {
  const target = new URL(launchUrl);
  if (target.protocol !== 'http:') throw new Error('the launch URL must be http://');
  const file = path.join(userDataDir, 'launch.html');
  const attr = target.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${attr}">`, {
    mode: 0o600,
    flag: 'wx',
  });
  return pathToFileURL(file).href;
}

/** The DevTools port in what Chromium printed on stderr (with --remote-debugging-port=0), or null while it has not said. */
export function devtoolsPortIn(stderr: string): number | null {
  const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
  return m ? Number(m[1]) : null;
}

/** Chromium's profile: a fresh folder of mode 0700 (mkdtemp), removed on dispose. */
export function makeProfileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-chromium-'));
}

export function launchChromium(
  binary: string,
  launchUrl: string,
  opts: { kiosk: boolean; headless?: boolean; extraArgs?: string[] },
): { child: ChildProcess; userDataDir: string; dispose(): Promise<void> } {
  const userDataDir = makeProfileDir();
  const page = writeLaunchPage(userDataDir, launchUrl);
  const child = spawn(binary, [...chromiumKioskArgs(page, userDataDir, opts), ...(opts.extraArgs ?? [])], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  // Should the host die without disposing (a crash), take the browser with it,
  // rather than leave a kiosk window that talks to nobody.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    child,
    userDataDir,
    async dispose() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      // The profile holds nothing we keep; remove it once Chromium's helper
      // processes (which outlive the browser process briefly) stop writing.
      for (let i = 0; i < 10; i++) {
        try {
          fs.rmSync(userDataDir, { recursive: true, force: true });
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
  };
}
