// The desk listener for a specialist's own device, over real sockets: it serves
// the renderer, and its WebSocket needs no cookie (the PIN is the gate) but
// holds a desk device's connection. Before the login it gets only what is
// public; after it, the desk's channels; a resident's channel (the card in the
// reader, a resident's own records, speech, the printer) never, logged in or
// not. A request naming the station by a DNS name (a rebinding page) or a socket
// opened from another origin is refused; the kiosk's test controls are not
// there. It binds where the config says: loopback by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deskHostAllowed, MAX_DESK_SOCKETS, startDeskHost, type DeskHost } from '../../../main/webhost/desk-host.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { nodePlatform } from '../../../main/core/platform.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { storeSyncModule } from '../../../main/core/modules/store-sync.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import { helpModule } from '../../../main/core/modules/help.js';
import { appModule } from '../../../main/core/modules/app.js';
import { catalogueModule } from '../../../main/core/modules/catalogue.js';
import { residents, tempDir } from '../../unit/store/helpers.js';
import fs from 'node:fs';
import path from 'node:path';
import { VISIT_CARDS_SERVICE, VisitCards } from '../../../main/identity/visit-cards.js';

let station: Station;
let desk: DeskHost;
let origin: string;

beforeAll(async () => {
  const dataDir = tempDir('xy-desk-host-');
  const rendererDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  const config = parseStationConfig({ stationId: 'station-dh', sync: { intervalSeconds: 3600 } });
  station = await createStation({
    config,
    platform: nodePlatform({ dataDir, secrets: memorySecretStore(), log: silentLogger }),
    host: 'web',
    modules: [storeSyncModule, specialistModule, helpModule, catalogueModule, appModule],
  });
  // The station config's default: loopback only.
  expect(config.webHost.desk).toEqual({ enabled: true, address: '127.0.0.1', port: 0, tls: 'auto' });
  desk = await startDeskHost({ station, rendererDir, address: config.webHost.desk.address, port: 0, log: silentLogger });
  origin = `http://127.0.0.1:${desk.port}`;
  // No reader in this station: the resident's card counts as read at this kiosk in this visit, as a
  // resident's own application needs (visit-cards.ts).
  const cards = new VisitCards();
  cards.read(residents[0].idNumber);
  station.services.provide(VISIT_CARDS_SERVICE, cards);
  // A resident's application from the kiosk's own screen, so the queue has something in it.
  const submitted = await station.dispatcher.call(
    'store:submit-application',
    { serviceId: 'elderly-allowance', catalogueVersion: '2026.11.0', formData: {}, applicant: { idNumber: residents[0].idNumber, name: residents[0].name } },
    { host: 'web', connection: 'kiosk-screen' },
  );
  expect(submitted).toMatchObject({ ok: true });
});

afterAll(async () => {
  await desk?.dispose();
  await station?.dispose();
});

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

async function deskSocket(opts: { origin?: string; host?: string } = {}): Promise<{ ws: WebSocket; call(channel: string, args: unknown): Promise<Answer> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${desk.port}/ipc`, { origin: opts.origin ?? origin, headers: opts.host ? { Host: opts.host } : {} });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let id = 0;
  const call = (channel: string, args: unknown) =>
    new Promise<Answer>((resolve) => {
      const mine = ++id;
      const onMessage = (d: WebSocket.RawData) => {
        const m = JSON.parse(d.toString()) as { type: string; id: number; result: Answer };
        if (m.type !== 'result' || m.id !== mine) return;
        ws.off('message', onMessage);
        resolve(m.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ type: 'call', id: mine, channel, args }));
    });
  return { ws, call };
}

describe('the desk listener', () => {
  it('listens on loopback by default and serves the renderer, without the kiosk’s test controls', async () => {
    expect(desk.url).toBe(`http://127.0.0.1:${desk.port}/`);
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('permissions-policy')).toContain('microphone=()');
    expect((await fetch(`${origin}/session`)).status).toBe(204);
    // The kiosk's first screen is not served here (the desk's page asks over its socket).
    expect((await fetch(`${origin}/first-screen`)).status).toBe(404);
    expect((await fetch(`${origin}/__test/store/stats`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses a request that names the station by a DNS name (rebinding) and a socket from another origin', async () => {
    expect(deskHostAllowed(`127.0.0.1:${desk.port}`, desk.port)).toBe(true);
    expect(deskHostAllowed(`192.168.1.20:${desk.port}`, desk.port)).toBe(true);
    expect(deskHostAllowed(`[::1]:${desk.port}`, desk.port)).toBe(true);
    expect(deskHostAllowed(`localhost:${desk.port}`, desk.port)).toBe(true);
    expect(deskHostAllowed(`evil.example:${desk.port}`, desk.port)).toBe(false);
    expect(deskHostAllowed(`127.0.0.1:${desk.port + 1}`, desk.port)).toBe(false);
    expect(deskHostAllowed(undefined, desk.port)).toBe(false);
    await expect(deskSocket({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(deskSocket({ host: `evil.example:${desk.port}`, origin: `http://evil.example:${desk.port}` })).rejects.toThrow(/403/);
  });

  it('gives a device only what is public before its login, and never a resident’s channel', async () => {
    const d = await deskSocket();
    try {
      expect(await d.call('app:info', {})).toMatchObject({ ok: true, value: { surface: 'desk', canCallHelp: false } });
      expect(await d.call('specialist:roster', {})).toMatchObject({ ok: true });
      expect(await d.call('catalogue:list', {})).toMatchObject({ ok: true });
      for (const [channel, args] of [
        ['idcard:current', {}],
        ['store:list-applications', { idNumber: residents[0].idNumber }],
        ['store:query-social-insurance', { idNumber: residents[0].idNumber }],
        ['app:help-request', { reason: 'asked', serviceId: null }],
        ['app:resident-session-cleared', {}],
        ['speech:clear-prompts', {}],
        ['store:list-applications', {}],
        ['specialist:help-acknowledge', { id: 'req-1' }],
      ] as const) {
        expect(await d.call(channel, args), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    } finally {
      d.ws.close();
    }
  });

  it('after the PIN login: the desk’s channels, still no resident’s; another device has no session', async () => {
    const d = await deskSocket();
    try {
      expect(await d.call('specialist:login', { specialistId: 'dev', pin: '135790' })).toMatchObject({ ok: true, value: { outcome: 'ok' } });
      const queue = await d.call('store:list-applications', {});
      expect(queue).toMatchObject({ ok: true });
      expect(queue.ok && (queue.value.applications as unknown[]).length).toBe(1);
      expect(await d.call('idcard:current', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await d.call('store:list-applications', { idNumber: residents[0].idNumber })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await d.call('speech:synthesize', { text: '您好' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      d.ws.close();
    }
    // Another device has no session of its own.
    const other = await deskSocket();
    try {
      expect(await other.call('store:list-applications', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      other.ws.close();
    }
  });

  it('holds at most a bounded number of device sockets', async () => {
    const open: WebSocket[] = [];
    try {
      for (let i = 0; i < MAX_DESK_SOCKETS; i++) open.push((await deskSocket()).ws);
      await expect(deskSocket()).rejects.toThrow(/403/);
    } finally {
      for (const ws of open) ws.close();
    }
  });
});
