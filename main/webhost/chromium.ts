// Opens Debian's Chromium on the kiosk URL in app/kiosk mode. Chromium is a
// separate process we own: it is killed when the station stops.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

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
    opts.kiosk ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (opts.headless) args.push('--headless', '--disable-gpu');
  return args;
}

export function launchChromium(binary: string, url: string, opts: { kiosk: boolean; headless?: boolean }): { child: ChildProcess; dispose(): void } {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-chromium-'));
  const child = spawn(binary, chromiumKioskArgs(url, userDataDir, opts), { stdio: 'ignore' });
  return {
    child,
    dispose() {
      if (child.exitCode === null) child.kill('SIGTERM');
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
