// Desk sessions over the real web host: a session belongs to the WebSocket that
// logged in. A second socket without a login is refused the desk's channels (the
// queue, the whole application, 代办, the audit log), even while the first is
// logged in; the first socket's desk actions are audited under its session's
// specialist whatever the arguments say; and closing the socket ends its session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { nodePlatform } from '../../../main/core/platform.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { storeSyncModule } from '../../../main/core/modules/store-sync.js';
import { specialistModule, DESK_SESSION_SERVICE, type DeskSessionService } from '../../../main/core/modules/specialist.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import { residents, tempDir } from '../../unit/store/helpers.js';
import { VISIT_CARDS_SERVICE, VisitCards } from '../../../main/identity/visit-cards.js';

let station: Station;
let host: WebHost;

beforeAll(async () => {
  const dataDir = tempDir('xy-desk-sessions-');
  station = await createStation({
    config: parseStationConfig({ stationId: 'station-d1', sync: { intervalSeconds: 3600 } }),
    platform: nodePlatform({ dataDir, secrets: memorySecretStore(), log: silentLogger }),
    host: 'web',
    modules: [storeSyncModule, specialistModule],
  });
  host = await startWebHost({ station, rendererDir: dataDir, port: 0, log: silentLogger, testControls: false });
  // No reader in this station: the resident's card counts as read at this kiosk in this visit, as a
  // resident's own application needs (visit-cards.ts).
  const cards = new VisitCards();
  cards.read(residents[0].idNumber);
  station.services.provide(VISIT_CARDS_SERVICE, cards);
});

afterAll(async () => {
  await host?.dispose();
  await station?.dispose();
});

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

async function socket(): Promise<{ ws: WebSocket; call(channel: string, args: unknown): Promise<Answer> }> {
  const origin = `http://127.0.0.1:${host.port}`;
  // Each socket as its own browser: a one-time launch code exchanged for a session cookie.
  const launched = await fetch(host.launchUrl(), { redirect: 'manual' });
  const cookie = launched.headers.get('set-cookie')!.split(';')[0]!;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, { origin, headers: { Cookie: cookie } });
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

const application = { serviceId: 'elderly-allowance', catalogueVersion: '2026.11.0', formData: {}, applicant: { idNumber: residents[0].idNumber, name: residents[0].name } };
const live = () => station.services.get<DeskSessionService>(DESK_SESSION_SERVICE)!.live();
const audit = () => station.services.get<OfflineStore>('store')!.audit.recent(50).reverse();

describe('desk sessions per connection', () => {
  it('a second socket has no session while the first is logged in, and is refused every desk action', async () => {
    const desk = await socket();
    const other = await socket();
    try {
      expect(await desk.call('specialist:login', { specialistId: 'dev', pin: '135790' })).toMatchObject({ ok: true, value: { outcome: 'ok' } });
      expect(await other.call('specialist:session', {})).toEqual({ ok: true, value: { session: null } });

      const submitted = await other.call('store:submit-application', application);
      expect(submitted).toMatchObject({ ok: true });
      const id = submitted.ok ? String(submitted.value.id) : '';
      const refused: [string, unknown][] = [
        ['store:list-applications', { statuses: ['queued'] }],
        ['store:get-application', { id }],
        ['store:submit-application', { ...application, onBehalf: true }],
        ['store:cancel-draft', { id }],
        ['store:audit-append', { action: 'specialist.view' }],
        ['specialist:today', {}],
        ['sync:now', {}],
      ];
      for (const [channel, args] of refused) expect(await other.call(channel, args), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // What the resident's screen may follow of its own application: the status, not the form.
      const progress = await other.call('store:application-progress', { id });
      expect(progress).toMatchObject({ ok: true, value: { id, status: expect.stringMatching(/queued|sending|accepted/) } });
      expect(progress.ok && Object.keys(progress.value).sort()).toEqual(['id', 'receiptNumber', 'status']);

      // The same calls from the logged-in socket pass.
      expect(await desk.call('store:list-applications', { statuses: ['queued', 'sending', 'accepted'] })).toMatchObject({ ok: true, value: { applications: [{ id }] } });
      expect(await desk.call('store:get-application', { id })).toMatchObject({ ok: true, value: { id, applicantName: residents[0].name, formData: {} } });
    } finally {
      desk.ws.close();
      other.ws.close();
    }
  });

  it('records a desk action and a 代办 under the session’s specialist, never one named in the arguments', async () => {
    const desk = await socket();
    try {
      await desk.call('specialist:login', { specialistId: 'dev', pin: '135790' });
      // Naming someone else is not part of the contract any more: refused, nothing written.
      expect(await desk.call('store:audit-append', { actor: { kind: 'specialist', id: 'li.min' }, action: 'specialist.view' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
      expect(await desk.call('store:audit-append', { action: 'specialist.view', detail: 'queue' })).toMatchObject({ ok: true });
      const onBehalf = await desk.call('store:submit-application', { ...application, onBehalf: true });
      expect(onBehalf).toMatchObject({ ok: true });
      const id = onBehalf.ok ? String(onBehalf.value.id) : '';
      expect(await desk.call('store:get-application', { id })).toMatchObject({ ok: true, value: { onBehalfOf: { specialistId: 'dev', specialistName: '开发测试员' } } });
      const entries = audit();
      expect(entries.find((e) => e.action === 'specialist.view')?.actor).toEqual({ kind: 'specialist', id: 'dev' });
      expect(entries.some((e) => e.actor.id === 'li.min')).toBe(false);
    } finally {
      desk.ws.close();
    }
  });

  it('closing the socket ends its session, audited as closed', async () => {
    const desk = await socket();
    await desk.call('specialist:login', { specialistId: 'dev', pin: '135790' });
    expect(live()).toEqual(['dev']);
    desk.ws.close();
    await expect.poll(live).toEqual([]);
    expect(audit().at(-1)).toMatchObject({ actor: { kind: 'specialist', id: 'dev' }, action: 'specialist.logout', detail: 'closed' });
  });
});
