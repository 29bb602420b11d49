// A family's call for help from a TV box at home reaching the station's desk
// through a real reference sync server on a real port: two station cores (the
// station's kiosk and the TV box), each registered with the server under its
// own Ed25519 key, every request signed and every answer checked as for
// applications. The TV's call is listed at the station's desk (where: the TV
// box), acknowledged there (audited under the desk's specialist), and the TV
// learns it (工作人员会给您打电话 on its status). Another station neither sees
// nor answers it; an unsigned request is refused; the family's visit ending
// ends it at the station; 已处理 at the station ends it on the TV; a TV that
// cannot reach the server is told so, not promised anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { nodePlatform } from '../../../main/core/platform.js';
import { silentLogger } from '../../../main/core/logger.js';
import { storeSyncModule } from '../../../main/core/modules/store-sync.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import { helpModule } from '../../../main/core/modules/help.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { loadKioskIdentity } from '../../../offline-store/sync/identity.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import type { KioskSync } from '../../../offline-store/kiosk-sync.js';
import type { HelpRequest } from '../../../common/domain/help.js';
import type { SyncServer } from '../../../sync-server/server.js';
import { startKiosk, startServer } from '../sync/harness.js';
import { tempDir } from '../../unit/store/helpers.js';

let server: SyncServer;
let url: string;
let station: Station;
let tv: Station;
let otherStation: KioskSync;
let deskList: HelpRequest[] = [];

const tvScreen = { host: 'web' as const, connection: 'tv-screen' };
const desk = { host: 'web' as const, connection: 'desk:tablet', surface: 'desk' as const };

async function registered(stationId: string, extra: Record<string, unknown>): Promise<Station> {
  const secrets = memorySecretStore();
  server.admin.registerKiosk(stationId, (await loadKioskIdentity(secrets)).publicKeyPem);
  return createStation({
    config: parseStationConfig({
      stationId,
      ...extra,
      sync: { server: url, serverPublicKey: server.publicKeyPem, intervalSeconds: 3600, requestTimeoutMs: 3000 },
    }),
    platform: nodePlatform({ dataDir: tempDir(`xy-${stationId}-`), secrets, log: silentLogger }),
    host: 'web',
    modules: [storeSyncModule, specialistModule, helpModule],
  });
}

async function until(what: string, pred: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const helpAudit = (s: Station) =>
  s.services
    .get<OfflineStore>('store')!
    .audit.recent(50)
    .reverse()
    .filter((e) => e.action.startsWith('help.'))
    .map((e) => ({ actor: e.actor, action: e.action }));

beforeAll(async () => {
  ({ server, url } = await startServer());
  station = await registered('station-s1', { uiMode: 'kiosk', devices: { idcard: { type: 'none' }, printer: { type: 'none' } }, help: { pollSeconds: 0.3 } });
  tv = await registered('tv-zhang-home', { uiMode: 'tv', devices: { idcard: { type: 'none' }, printer: { type: 'none' } }, help: { station: 'station-s1', pollSeconds: 0.3 } });
  otherStation = await startKiosk({ server, url, kioskId: 'station-other' });
  // The station's specialist at their own device: logged in, watching the calls.
  expect(await station.dispatcher.call('specialist:login', { specialistId: 'dev', pin: '135790' }, desk)).toMatchObject({ ok: true, value: { outcome: 'ok' } });
  const sub = station.dispatcher.subscribe('specialist:help-requests', {}, (e) => (deskList = (e as { open: HelpRequest[] }).open), desk);
  expect(sub.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await tv?.dispose();
  await station?.dispose();
  await otherStation?.close();
  await server?.dispose();
});

describe('a TV box’s call for help, through the sync server to the station’s desk', () => {
  let callId = '';

  it('is sent from the TV and listed at the station’s desk, from the TV box, with its service', async () => {
    const r = await tv.dispatcher.call('app:help-request', { reason: 'asked', serviceId: 'pension-certification' }, tvScreen);
    expect(r).toMatchObject({ ok: true, value: { refreshed: false, request: { where: { kind: 'tv', box: 'tv-zhang-home' }, acknowledged: null } } });
    callId = r.ok ? (r.value as { request: HelpRequest }).request.id : '';
    expect(tv.status.get().help).toEqual({ open: true, acknowledged: false });

    await until('the desk lists the TV’s call', () => deskList.some((c) => c.id === callId));
    expect(deskList.find((c) => c.id === callId)).toMatchObject({ where: { kind: 'tv', box: 'tv-zhang-home' }, serviceId: 'pension-certification', reasons: ['asked'], who: null, acknowledged: null });
    // The station's own kiosk status is untouched: nobody at this kiosk called.
    expect(station.status.get().help).toEqual({ open: false, acknowledged: false });
  });

  it('is neither seen nor answered by another station, and the server takes no unsigned request', async () => {
    expect(await otherStation.client.helpCallsForMe()).toEqual([]);
    await expect(otherStation.client.acknowledgeHelpCall(callId, '别人')).rejects.toMatchObject({ httpStatus: 404 });
    const unsigned = await fetch(`${url}/v1/help-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: callId, toStation: 'station-s1', reason: 'asked', serviceId: null }) });
    expect(unsigned.status).toBe(401);
  });

  it('is acknowledged at the desk, audited under the desk’s specialist, and the TV learns it', async () => {
    const r = await station.dispatcher.call('specialist:help-acknowledge', { id: callId }, desk);
    expect(r).toMatchObject({ ok: true, value: { request: { id: callId, acknowledged: { by: '开发测试员' } } } });
    expect(helpAudit(station)).toContainEqual({ actor: { kind: 'specialist', id: 'dev' }, action: 'help.acknowledged' });
    await until('the TV hears the answer', () => tv.status.get().help.acknowledged);
    expect(tv.status.get().help).toEqual({ open: true, acknowledged: true });
    await until('the desk shows it answered', () => deskList.find((c) => c.id === callId)?.acknowledged?.by === '开发测试员');
  });

  it('ends at the station when the family’s visit ends on the TV', async () => {
    expect(await tv.dispatcher.call('app:resident-session-cleared', {}, tvScreen)).toEqual({ ok: true, value: {} });
    expect(tv.status.get().help).toEqual({ open: false, acknowledged: false });
    await until('the desk drops it', () => !deskList.some((c) => c.id === callId));
  });

  it('ends on the TV when the station marks it handled', async () => {
    const r = await tv.dispatcher.call('app:help-request', { reason: 'voice-failed-twice', serviceId: null }, tvScreen);
    const id = r.ok ? (r.value as { request: HelpRequest }).request.id : '';
    expect(id).not.toBe(callId); // a new call, not the ended one
    await until('the desk lists it', () => deskList.some((c) => c.id === id));
    expect(await station.dispatcher.call('specialist:help-resolve', { id }, desk)).toEqual({ ok: true, value: {} });
    expect(helpAudit(station)).toContainEqual({ actor: { kind: 'specialist', id: 'dev' }, action: 'help.resolved' });
    await until('the TV hears it ended', () => !tv.status.get().help.open);
  });

  it('with the server out of reach: the desk’s answer is an error, never a silent "done"; the TV is told, and promised nothing', async () => {
    const r = await tv.dispatcher.call('app:help-request', { reason: 'asked', serviceId: null }, tvScreen);
    const id = r.ok ? (r.value as { request: HelpRequest }).request.id : '';
    await until('the desk lists it', () => deskList.some((c) => c.id === id));
    await server.stop();
    try {
      expect(await station.dispatcher.call('specialist:help-acknowledge', { id }, desk)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(tv.status.get().help).toEqual({ open: true, acknowledged: false });
      // The visit ends all the same on the TV (the station's list drops the call when it expires).
      expect(await tv.dispatcher.call('app:resident-session-cleared', {}, tvScreen)).toEqual({ ok: true, value: {} });
      const again = await tv.dispatcher.call('app:help-request', { reason: 'asked', serviceId: null }, tvScreen);
      expect(again).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(tv.status.get().help).toEqual({ open: false, acknowledged: false });
    } finally {
      await server.start();
    }
  });
});
