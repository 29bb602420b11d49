// The web host over real sockets: who may connect, what invalid calls get back,
// and that subscriptions die with their socket.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import { appModule } from '../../../main/core/modules/app.js';
import { catalogueModule } from '../../../main/core/modules/catalogue.js';

let station: Station;
let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const platform = { dataDir: rendererDir, now: () => new Date(), log: silentLogger, secrets: memorySecretStore(), env: {} };
  station = await createStation({ config: parseStationConfig({}), platform, host: 'web', modules: [catalogueModule, appModule] });
  host = await startWebHost({ station, rendererDir, port: 0, log: silentLogger, testControls: false });
});

afterAll(async () => {
  await host.dispose();
  await station.dispose();
});

const origin = () => `http://127.0.0.1:${host.port}`;

function connect(opts: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?token=${opts.token ?? host.token}`, { origin: opts.origin ?? origin() });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function next(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
}

async function call(ws: WebSocket, msg: unknown): Promise<Record<string, unknown>> {
  const reply = next(ws);
  ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  return reply;
}

describe('web host access', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url.startsWith('http://127.0.0.1:')).toBe(true);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow(/403/);
    await expect(connect({ token: '' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://127.0.0.1:9' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('serves the renderer with a strict CSP and refuses path traversal', async () => {
    const res = await fetch(`${origin()}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const evil = await fetch(`${origin()}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await evil.text()).not.toContain('root:');
    expect((await fetch(`${origin()}/`, { method: 'POST' })).status).toBe(405);
  });

  it('hides the test controls unless enabled', async () => {
    const res = await fetch(`${origin()}/__test/idcard-simulator/insertCard`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
    expect(res.status).toBe(404);
  });
});

describe('calls over the WebSocket', () => {
  it('answers a valid call', async () => {
    const ws = await connect();
    const r = await call(ws, { type: 'call', id: 1, channel: 'app:info', args: {} });
    expect(r).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { host: 'web' } } });
    ws.close();
  });

  it('gives typed errors for unknown channels, wrong types and oversized payloads', async () => {
    const ws = await connect();
    expect(await call(ws, { type: 'call', id: 2, channel: 'nope:nope', args: {} })).toMatchObject({ result: { ok: false, error: { code: 'unknown-channel' } } });
    expect(await call(ws, { type: 'call', id: 3, channel: 'app:info', args: { x: 1 } })).toMatchObject({ result: { ok: false, error: { code: 'invalid-args' } } });
    expect(await call(ws, { type: 'call', id: 4, channel: 'app:report-error', args: { where: 'w', message: 'm'.repeat(70_000) } })).toMatchObject({
      result: { ok: false, error: { code: 'payload-too-large' } },
    });
    ws.close();
  });

  it('answers malformed messages with a protocol error and keeps the socket usable', async () => {
    const ws = await connect();
    expect(await call(ws, 'not json')).toMatchObject({ type: 'protocol-error', error: { code: 'invalid-args' } });
    expect(await call(ws, { type: 'launch-missiles' })).toMatchObject({ type: 'protocol-error' });
    expect(await call(ws, { type: 'call', id: 'x', channel: 'app:info' })).toMatchObject({ type: 'protocol-error' });
    expect(await call(ws, { type: 'call', id: 9, channel: 'app:info', args: {} })).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('closes the socket on a message larger than the host accepts', async () => {
    const ws = await connect();
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('x'.repeat(9 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await connect();
    expect(await call(again, { type: 'call', id: 1, channel: 'app:info', args: {} })).toMatchObject({ result: { ok: true } });
    again.close();
  });

  it('streams status and ends the subscription when the socket closes', async () => {
    const ws = await connect();
    const first = await call(ws, { type: 'subscribe', id: 5, stream: 'station:status-changed', args: {} });
    expect(first).toMatchObject({ type: 'event', id: 5, event: { store: { state: 'ok' } } });
    const ev = next(ws);
    station.status.setStore({ state: 'error', message: 'disk full' });
    expect(await ev).toMatchObject({ type: 'event', id: 5, event: { store: { state: 'error' } } });
    expect(await call(ws, { type: 'subscribe', id: 6, stream: 'nope:stream', args: {} })).toMatchObject({ type: 'end', id: 6, error: { code: 'unknown-channel' } });
    const listenersBefore = (station.status as unknown as { listeners: Set<unknown> }).listeners.size;
    ws.close();
    await new Promise((r) => setTimeout(r, 100));
    expect((station.status as unknown as { listeners: Set<unknown> }).listeners.size).toBe(listenersBefore - 1);
    station.status.setStore({ state: 'ok' });
  });
});
