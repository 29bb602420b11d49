// Starts the real web host as a child process (the same entry point `npm start`
// uses), with a throwaway data folder and config, and test controls enabled.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { hostMallocEnv, hostNodeFlags } from '../../scripts/host-node-flags.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type IpcAnswer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface KioskProcess {
  origin: string;
  /**
   * A fresh one-time URL to open the kiosk at (each browser context needs its
   * own: the host exchanges the code for a session cookie at the first load).
   */
  launchUrl(): Promise<string>;
  /**
   * With `browser: 'headless'`, the kiosk's own Chromium, started by the host
   * as `npm start` starts it (before the host's own code loads), without a
   * window: its DevTools port, the way in for a benchmark. Null otherwise.
   */
  browser: { devtoolsPort: number } | null;
  /** Exchanges a fresh launch code for a session, as a browser does; returns the Cookie header. */
  sessionCookie(): Promise<string>;
  /** The specialist desk's own listener (a specialist's device opens it; no launch code), or null when the config turned it off. */
  deskUrl: string | null;
  dataDir: string;
  child: ChildProcess;
  /** Calls a test control: POST /__test/<service>/<method> with JSON args. */
  control<T = unknown>(service: string, method: string, ...args: unknown[]): Promise<T>;
  /**
   * One IPC call over a socket of its own, exactly as the renderer makes it. A
   * desk-only channel needs `asSpecialist`: the call then logs in on that same
   * socket first (a desk session belongs to its connection; the browser's own
   * session, if any, is not touched).
   */
  ipc<T>(channel: string, args: unknown, opts?: { asSpecialist?: { specialistId: string; pin: string } }): Promise<IpcAnswer<T>>;
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * `entry: 'source'` (default) runs the TypeScript sources through tsx, so tests
 * always see the current code; `'built'` runs dist/host/launch.js, what
 * `npm start` runs (benchmarks use it). `browser: 'none'` (default) runs the
 * host headless, and tests open their own browsers on launchUrl();
 * `'headless'` lets the host start its own Chromium (`--headless-browser`).
 */
export async function startKiosk(
  opts: { config?: Record<string, unknown>; dataDir?: string; entry?: 'source' | 'built'; browser?: 'none' | 'headless' } = {},
): Promise<KioskProcess> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-e2e-'));
  const configFile = path.join(dataDir, 'station.json');
  fs.writeFileSync(configFile, JSON.stringify(opts.config ?? {}));
  const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
  // The built host runs with the node flags `npm start` gives it, so benchmarks measure what a station runs.
  const entry = opts.entry === 'built' ? [...hostNodeFlags, 'dist/host/launch.js'] : ['--import', 'tsx', 'main/webhost/launch.ts'];
  const ownBrowser = opts.browser === 'headless';
  const child = spawn(node, [...entry, ownBrowser ? '--headless-browser' : '--headless', '--test-controls', '--config', configFile, '--data-dir', path.join(dataDir, 'data')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The built host runs with the malloc settings `npm start` gives it too.
    env: { ...process.env, ...(opts.entry === 'built' ? hostMallocEnv : {}), XDG_DATA_HOME: dataDir },
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  // The host prints its control token (test controls only) and a launch URL
  // (headless) or its origin and its Chromium's DevTools port (its own browser)
  // on stdout, a pipe only we can read.
  const { url, token, deskUrl, devtoolsPort } = await new Promise<{ url: string; token: string; deskUrl: string | null; devtoolsPort: number | null }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kiosk did not start in 60 s\n${err}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /XIANGYIN_(?:URL|ORIGIN)=(\S+)/.exec(out);
      const t = /XIANGYIN_CONTROL_TOKEN=(\S+)/.exec(out);
      const d = /XIANGYIN_DEVTOOLS_PORT=(\d+)/.exec(out);
      if (m && t && (d || !ownBrowser)) {
        clearTimeout(timer);
        // The host prints the desk's URL (when it has one) before the token.
        resolve({ url: m[1]!, token: t[1]!, deskUrl: /XIANGYIN_DESK_URL=(\S+)/.exec(out)?.[1] ?? null, devtoolsPort: d ? Number(d[1]) : null });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code} before starting\n${err}`));
    });
  });
  const u = new URL(url);
  const control = async <T>(service: string, method: string, ...args: unknown[]): Promise<T> => {
    const res = await fetch(`${u.origin}/__test/${service}/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { value?: T; error?: string };
    if (!res.ok) throw new Error(`control ${service}.${method}: ${body.error}`);
    return body.value as T;
  };
  const launchUrl = async () => {
    const res = await fetch(`${u.origin}/__test/launch-url`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`no launch URL: HTTP ${res.status}`);
    return ((await res.json()) as { value: string }).value;
  };
  const sessionCookie = async () => {
    const res = await fetch(await launchUrl(), { redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (res.status !== 303 || !set) throw new Error(`launch code refused: HTTP ${res.status}`);
    return set.split(';')[0]!;
  };
  return {
    origin: u.origin,
    browser: devtoolsPort === null ? null : { devtoolsPort },
    deskUrl,
    launchUrl,
    sessionCookie,
    dataDir,
    child,
    stderr: () => err,
    control,
    async ipc<T>(channel: string, args: unknown, opts: { asSpecialist?: { specialistId: string; pin: string } } = {}) {
      const ws = new WebSocket(`${u.origin.replace('http', 'ws')}/ipc`, { origin: u.origin, headers: { Cookie: await sessionCookie() } });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      let nextId = 1;
      const call = <R>(ch: string, a: unknown) => {
        const id = nextId++;
        const reply = new Promise<IpcAnswer<R>>((resolve) => {
          const onMessage = (d: WebSocket.RawData) => {
            const m = JSON.parse(d.toString()) as { type: string; id?: number; result?: IpcAnswer<R> };
            if (m.type !== 'result' || m.id !== id) return;
            ws.off('message', onMessage);
            resolve(m.result!);
          };
          ws.on('message', onMessage);
        });
        ws.send(JSON.stringify({ type: 'call', id, channel: ch, args: a }));
        return reply;
      };
      try {
        if (opts.asSpecialist) {
          const login = await call<{ outcome: string }>('specialist:login', opts.asSpecialist);
          if (!login.ok || login.value.outcome !== 'ok') throw new Error(`desk login for ${channel} failed: ${JSON.stringify(login)}`);
        }
        return await call<T>(channel, args);
      } finally {
        ws.close();
      }
    },
    async stop() {
      // Stopped already (an exit code, or a signal if it ended by one): its exit event will not come again.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
