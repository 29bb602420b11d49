// Starts the real web host as a child process (the same entry point `npm start`
// uses), with a throwaway data folder and config, and test controls enabled.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type IpcAnswer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface KioskProcess {
  url: string;
  origin: string;
  token: string;
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
 * `npm start` runs (benchmarks use it).
 */
export async function startKiosk(opts: { config?: Record<string, unknown>; dataDir?: string; entry?: 'source' | 'built' } = {}): Promise<KioskProcess> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-e2e-'));
  const configFile = path.join(dataDir, 'station.json');
  fs.writeFileSync(configFile, JSON.stringify(opts.config ?? {}));
  const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
  const entry = opts.entry === 'built' ? ['dist/host/launch.js'] : ['--import', 'tsx', 'main/webhost/launch.ts'];
  const child = spawn(node, [...entry, '--headless', '--test-controls', '--config', configFile, '--data-dir', path.join(dataDir, 'data')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: dataDir },
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kiosk did not start in 60 s\n${err}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /XIANGYIN_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code} before starting\n${err}`));
    });
  });
  const u = new URL(url);
  const token = u.searchParams.get('token')!;
  return {
    url,
    origin: u.origin,
    token,
    dataDir,
    child,
    stderr: () => err,
    async control<T>(service: string, method: string, ...args: unknown[]): Promise<T> {
      const res = await fetch(`${u.origin}/__test/${service}/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as { value?: T; error?: string };
      if (!res.ok) throw new Error(`control ${service}.${method}: ${body.error}`);
      return body.value as T;
    },
    async ipc<T>(channel: string, args: unknown, opts: { asSpecialist?: { specialistId: string; pin: string } } = {}) {
      const ws = new WebSocket(`${u.origin.replace('http', 'ws')}/ipc?token=${token}`, { origin: u.origin });
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
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
