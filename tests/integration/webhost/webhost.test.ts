// The web host over real sockets: who may connect, what invalid calls get back,
// and that subscriptions die with their socket.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFaceAssets, FACE_MODEL_FILES, faceAssetSources } from '../../../renderer/face-assets.js';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import { appModule } from '../../../main/core/modules/app.js';
import { catalogueModule } from '../../../main/core/modules/catalogue.js';
import { FIRST_SCREEN_PATH } from '../../../common/ipc/paths.js';
import type { FirstScreenData } from '../../../common/ipc/first-screen.js';

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

/** Opens a fresh launch URL as a browser would; returns the status and the session cookie it set. */
async function launch(url = host.launchUrl()): Promise<{ status: number; cookie: string | null; setCookie: string | null; location: string | null }> {
  const res = await fetch(url, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie?.split(';')[0] ?? null, setCookie, location: res.headers.get('location') };
}

let session: string | null = null;
async function sessionCookie(): Promise<string> {
  session ??= (await launch()).cookie;
  return session!;
}

async function connect(opts: { cookie?: string; origin?: string; path?: string } = {}): Promise<WebSocket> {
  const cookie = opts.cookie ?? (await sessionCookie());
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${opts.path ?? '/ipc'}`, { origin: opts.origin ?? origin(), headers: cookie ? { Cookie: cookie } : {} });
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
    expect(host.launchUrl().startsWith('http://127.0.0.1:')).toBe(true);
  });

  it('exchanges a launch code once for an HttpOnly, SameSite=Strict session cookie, and refuses it the second time', async () => {
    const url = host.launchUrl();
    const first = await launch(url);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/');
    expect(first.setCookie).toMatch(/; HttpOnly/);
    expect(first.setCookie).toMatch(/; SameSite=Strict/);
    expect(first.setCookie).toMatch(/; Path=\//);
    const second = await launch(url);
    expect(second.status).toBe(403);
    expect(second.cookie).toBeNull();
    // A made-up code, and a POST of a fresh one, get nothing either.
    expect((await launch(`${origin()}/?launch=${'A'.repeat(43)}`)).status).toBe(403);
    expect((await fetch(host.launchUrl(), { method: 'POST', redirect: 'manual' })).headers.get('set-cookie')).toBeNull();
    // The session works; the browser that holds it may reload the used URL.
    const ws = await connect({ cookie: first.cookie! });
    ws.close();
    expect((await fetch(url, { redirect: 'manual', headers: { Cookie: first.cookie! } })).status).toBe(303);
  });

  it('tells a page whether it holds a session', async () => {
    expect((await fetch(`${origin()}/session`)).status).toBe(401);
    expect((await fetch(`${origin()}/session`, { headers: { Cookie: `xiangyin-${host.port}=made-up` } })).status).toBe(401);
    expect((await fetch(`${origin()}/session`, { headers: { Cookie: await sessionCookie() } })).status).toBe(204);
  });

  it('gives the first screen its data over HTTP, to a session only, as the socket would give it', async () => {
    const url = `${origin()}${FIRST_SCREEN_PATH}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Cookie: `xiangyin-${host.port}=made-up` } })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { Cookie: await sessionCookie() } })).status).toBe(405);
    const res = await fetch(url, { headers: { Cookie: await sessionCookie() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = (await res.json()) as FirstScreenData;
    // The very answers the page's own calls get over its socket.
    const ws = await connect();
    const info = await call(ws, { type: 'call', id: 1, channel: 'app:info', args: {} });
    const catalogue = await call(ws, { type: 'call', id: 2, channel: 'catalogue:list', args: {} });
    ws.close();
    expect(data.appInfo).toEqual((info.result as { value: unknown }).value);
    expect(data.catalogue).toEqual((catalogue.result as { value: unknown }).value);
    expect(data.appInfo.surface).toBe('kiosk');
    expect(data.catalogue.services.length).toBeGreaterThan(0);
  });

  it('refuses a WebSocket without the session cookie, with a wrong one, from another origin or Host', async () => {
    await expect(connect({ cookie: '' })).rejects.toThrow(/403/);
    await expect(connect({ cookie: `xiangyin-${host.port}=wrong` })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://127.0.0.1:9' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    // The old way in, a token in the query, opens nothing.
    await expect(connect({ cookie: '', path: `/ipc?token=${host.controlToken}` })).rejects.toThrow(/403/);
    // DNS rebinding: a foreign Host is not served at all.
    const rebound = await new Promise<number>((resolve) =>
      http.get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example' } }, (res) => resolve(res.statusCode!)),
    );
    expect(rebound).toBe(421);
  });

  it('serves the renderer with a strict CSP and refuses path traversal', async () => {
    const res = await fetch(`${origin()}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // WebAssembly may be compiled (the face check); JavaScript eval may not.
    expect(res.headers.get('content-security-policy')).not.toContain("'unsafe-eval'");
    const evil = await fetch(`${origin()}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await evil.text()).not.toContain('root:');
    expect((await fetch(`${origin()}/`, { method: 'POST' })).status).toBe(405);
  });

  it('serves the face check\'s wasm and the four face models from the kiosk itself, read-only, and no other model', async () => {
    copyFaceAssets(rendererDir);
    const wasm = await fetch(`${origin()}/face/wasm/tfjs-backend-wasm-simd.wasm`);
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const bytes = Buffer.from(await wasm.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(path.join(faceAssetSources().wasm, 'tfjs-backend-wasm-simd.wasm')))).toBe(true);
    for (const m of FACE_MODEL_FILES) expect((await fetch(`${origin()}/face/models/${m}`)).status, m).toBe(200);
    const manifest = (await (await fetch(`${origin()}/face/models/faceres.json`)).json()) as { weightsManifest: { paths: string[] }[] };
    expect(manifest.weightsManifest[0]!.paths).toEqual(['faceres.bin']);
    // Models the check does not use are not copied: the path falls back to the app shell.
    expect((await fetch(`${origin()}/face/models/centernet.json`)).headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${origin()}/face/models/faceres.bin`, { method: 'PUT', body: 'x' })).status).toBe(405);
  });

  it('hides the test controls unless enabled', async () => {
    for (const p of ['idcard-simulator/insertCard', 'launch-url']) {
      const res = await fetch(`${origin()}/__test/${p}`, { method: 'POST', headers: { Authorization: `Bearer ${host.controlToken}` } });
      expect(res.status).toBe(404);
    }
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
