// The kiosk's port is bound in the launcher's first milliseconds and Chromium
// started on it before the web host's own code has loaded (main/webhost/early-start.ts).
// What Chromium asks for meanwhile must wait and then be answered, never be
// refused or lost; the launch code issued that early must still open a session.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { listenHeld, MAX_HELD, type HeldServer } from '../../../main/webhost/held-server.js';
import { kioskSessions, launchUrlFor } from '../../../main/webhost/kiosk-sessions.js';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import type { Station } from '../../../main/core/station.js';
import { silentLogger } from '../../../main/core/logger.js';

let held: HeldServer | undefined;
let host: WebHost | undefined;
afterEach(async () => {
  await host?.dispose();
  await held?.close();
  host = held = undefined;
});

/** One GET on a connection of its own; resolves with the status and body, or rejects when the connection dies. */
function get(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      })
      .on('error', reject);
  });
}

/** Counts what reaches the port, held or not (listeners run in order, after the holding one). */
function arrivals(server: http.Server): string[] {
  const seen: string[] = [];
  server.on('request', (req: http.IncomingMessage) => seen.push(req.url!));
  return seen;
}

describe('the port bound before the host', () => {
  it('holds what comes before the host and answers it once the host serves, in the order it came', async () => {
    held = await listenHeld(0);
    const seen = arrivals(held.server);
    let answered = 0;
    const early = ['/one', '/two', '/three'].map((p) => get(held!.port, p).then((r) => (answered++, r)));
    await expect.poll(() => seen.length).toBe(3);
    expect(answered).toBe(0);

    const order: string[] = [];
    held.server.removeAllListeners('request');
    held.serve(
      (req, res) => {
        order.push(req.url!);
        res.end(`answer to ${req.url}`);
      },
      (_req, socket) => socket.destroy(),
    );
    const results = await Promise.all(early);
    expect(results.map((r) => r.body)).toEqual(['answer to /one', 'answer to /two', 'answer to /three']);
    expect(order).toEqual(seen);
    // And what comes later goes straight to the host.
    expect(await get(held.port, '/later')).toEqual({ status: 200, body: 'answer to /later' });
  });

  it(`answers 503 at once beyond ${MAX_HELD} held requests, and holds the rest`, async () => {
    held = await listenHeld(0);
    const seen = arrivals(held.server);
    const waiting = Array.from({ length: MAX_HELD }, (_, i) => get(held!.port, `/held-${i}`));
    await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(MAX_HELD);
    expect(await get(held.port, '/one-too-many')).toMatchObject({ status: 503 });
    held.serve(
      (_req, res) => res.end('ok'),
      (_req, socket) => socket.destroy(),
    );
    expect((await Promise.all(waiting)).every((r) => r.status === 200 && r.body === 'ok')).toBe(true);
  }, 30_000);

  it('ends what it holds when closed before the host came', async () => {
    held = await listenHeld(0);
    const seen = arrivals(held.server);
    const pending = get(held.port, '/never');
    await expect.poll(() => seen.length).toBe(1);
    await held.close();
    held = undefined;
    await expect(pending).rejects.toThrow();
  });

  it('opens a session with a launch code issued before the host existed, for a browser that asked meanwhile', async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>home</title>');
    const sessions = kioskSessions();
    held = await listenHeld(0);
    const origin = `http://127.0.0.1:${held.port}`;
    const seen = arrivals(held.server);
    // What Chromium is started on, before the host's code has loaded.
    const launch = fetch(launchUrlFor(origin, sessions.issueCode()), { redirect: 'manual' });
    await expect.poll(() => seen.length).toBe(1);
    held.server.removeAllListeners('request');

    host = await startWebHost({ station: new Promise<Station>(() => undefined), rendererDir, held, sessions, log: silentLogger });
    const launched = await launch;
    expect(launched.status).toBe(303);
    const cookie = launched.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie.startsWith(`xiangyin-${held.port}=`)).toBe(true);
    const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
    expect(await page.text()).toContain('<title>home</title>');
    // Upgrades are the host's too: a socket from another origin is refused by its checks.
    const bad = new WebSocket(`ws://127.0.0.1:${held.port}/ipc`, { origin: 'http://evil.example', headers: { Cookie: cookie } });
    const status = await new Promise<number>((resolve) => bad.once('unexpected-response', (_req, res) => resolve(res.statusCode!)));
    expect(status).toBe(403);
  });
});
