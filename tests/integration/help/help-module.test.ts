// The help-request area in a real station core (store with its SQLite audit
// log, the desk's PIN login, the real dispatcher): a call shows on the status
// hub and the desk's stream (a desk connection of its own, logged in), a second
// call refreshes it, only a logged-in specialist can acknowledge it (the status
// then says someone is coming) and mark it handled, clearing the resident's
// session ends it, and every step is in the audit log under the right actor.
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { nodePlatform } from '../../../main/core/platform.js';
import { silentLogger } from '../../../main/core/logger.js';
import { storeSyncModule } from '../../../main/core/modules/store-sync.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import { helpModule } from '../../../main/core/modules/help.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import type { HelpRequest } from '../../../common/domain/help.js';
import type { StationStatus } from '../../../common/domain/status.js';
import { tempDir } from '../../unit/store/helpers.js';

const stations: Station[] = [];
afterEach(async () => {
  for (const s of stations.splice(0)) await s.dispose();
});

/** The development specialist's PIN (no specialists configured); see the README. */
const DEV_PIN = '135790';
const ctx = { host: 'web' as const, connection: 'test' };
/** The desk on a specialist's own device: its own connection, logged in before it subscribes. */
const deskCtx = { host: 'web' as const, connection: 'desk:device', surface: 'desk' as const };

async function station(uiMode: 'kiosk' | 'tv' = 'kiosk') {
  const s = await createStation({
    config: parseStationConfig({ stationId: 'station-h1', uiMode, sync: { intervalSeconds: 3600 } }),
    platform: nodePlatform({ dataDir: tempDir('xy-help-'), secrets: memorySecretStore(), log: silentLogger }),
    host: 'web',
    modules: [storeSyncModule, specialistModule, helpModule],
  });
  stations.push(s);
  // What the status bar shows of help, each time it changes: the hub publishes the whole status
  // whenever any part changes (sync, devices), which is not the help indicator moving.
  const statuses: StationStatus['help'][] = [];
  let shown = JSON.stringify(s.status.get().help);
  s.status.subscribe((st) => {
    const now = JSON.stringify(st.help);
    if (now === shown) return;
    shown = now;
    statuses.push(st.help);
  });
  const desk: { open: HelpRequest[] }[] = [];
  // Who is calling is the desk's to see: not before a login.
  expect(s.dispatcher.subscribe('specialist:help-requests', {}, () => undefined, deskCtx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  if (uiMode === 'kiosk') expect(await s.dispatcher.call('specialist:login', { specialistId: 'dev', pin: DEV_PIN }, deskCtx)).toMatchObject({ ok: true, value: { outcome: 'ok' } });
  const sub = s.dispatcher.subscribe('specialist:help-requests', {}, (e) => desk.push(e as { open: HelpRequest[] }), deskCtx);
  expect(sub.ok).toBe(uiMode === 'kiosk');
  const audit = () =>
    s.services
      .get<OfflineStore>('store')!
      .audit.recent(50)
      .reverse()
      .filter((e) => e.action.startsWith('help.'))
      .map((e) => ({ actor: e.actor, action: e.action, subjectId: e.subjectId, detail: e.detail }));
  return { s, statuses, desk, audit, call: (channel: string, args: unknown) => s.dispatcher.call(channel, args, ctx) };
}

describe('help-request station module', () => {
  it('opens one request, refreshes it on a second call, and shows it on the status hub and the desk stream', async () => {
    const { s, statuses, desk, call } = await station();
    expect(desk).toEqual([{ open: [] }]); // the stream starts with what is open now
    expect(s.status.get().help).toEqual({ open: false, acknowledged: false });

    const first = await call('app:help-request', { reason: 'voice-failed-twice', serviceId: 'pension-certification' });
    expect(first).toMatchObject({ ok: true, value: { refreshed: false, request: { reasons: ['voice-failed-twice'], serviceId: 'pension-certification', times: 1 } } });
    const second = await call('app:help-request', { reason: 'asked', serviceId: null });
    expect(second).toMatchObject({ ok: true, value: { refreshed: true, request: { reasons: ['voice-failed-twice', 'asked'], serviceId: null, times: 2 } } });
    if (!first.ok || !second.ok) return;
    expect((second.value as { request: HelpRequest }).request.id).toBe((first.value as { request: HelpRequest }).request.id);

    expect(s.status.get().help).toEqual({ open: true, acknowledged: false });
    expect(statuses).toEqual([{ open: true, acknowledged: false }]); // the refresh does not flicker the status bar
    expect(desk.map((d) => d.open.map((r) => r.times))).toEqual([[], [1], [2]]);
  });

  it('is acknowledged and marked handled only by a logged-in specialist, audited under their id', async () => {
    const { s, desk, audit, call } = await station();
    const opened = await call('app:help-request', { reason: 'asked', serviceId: 'policy-qa' });
    const id = opened.ok ? (opened.value as { request: HelpRequest }).request.id : '';

    expect(await call('specialist:help-acknowledge', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('specialist:help-resolve', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(s.status.get().help).toEqual({ open: true, acknowledged: false });

    expect(await call('specialist:login', { specialistId: 'dev', pin: DEV_PIN })).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    expect(await call('specialist:help-acknowledge', { id: 'not-this-one' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('specialist:help-acknowledge', { id })).toMatchObject({ ok: true, value: { request: { id, acknowledged: { by: '开发测试员' } } } });
    expect(s.status.get().help).toEqual({ open: true, acknowledged: true });
    expect(desk.at(-1)?.open[0]?.acknowledged?.by).toBe('开发测试员');
    expect(await call('specialist:help-resolve', { id: 'not-this-one' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('specialist:help-resolve', { id })).toEqual({ ok: true, value: {} });
    expect(s.status.get().help).toEqual({ open: false, acknowledged: false });
    expect(desk.at(-1)).toEqual({ open: [] });
    expect(await call('specialist:help-resolve', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // A logged-out desk cannot mark the next one handled.
    await call('specialist:logout', { reason: 'user' });
    const next = await call('app:help-request', { reason: 'asked', serviceId: null });
    const nextId = next.ok ? (next.value as { request: HelpRequest }).request.id : '';
    expect(await call('specialist:help-resolve', { id: nextId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(audit()).toEqual([
      { actor: { kind: 'system' }, action: 'help.requested', subjectId: id, detail: 'reason=asked screen=policy-qa' },
      { actor: { kind: 'specialist', id: 'dev' }, action: 'help.acknowledged', subjectId: id, detail: expect.stringMatching(/^waited=\d+s$/) },
      { actor: { kind: 'specialist', id: 'dev' }, action: 'help.resolved', subjectId: id, detail: expect.stringMatching(/^waited=\d+s times=1$/) },
      { actor: { kind: 'system' }, action: 'help.requested', subjectId: nextId, detail: 'reason=asked screen=home' },
    ]);
  });

  it("ends with the resident's session: cleared on the status hub and the desk, audited as the system", async () => {
    const { s, desk, audit, call } = await station();
    expect(await call('app:resident-session-cleared', {})).toEqual({ ok: true, value: {} }); // nothing open: harmless
    const opened = await call('app:help-request', { reason: 'voice-failed-twice', serviceId: null });
    const id = opened.ok ? (opened.value as { request: HelpRequest }).request.id : '';
    expect(await call('app:resident-session-cleared', {})).toEqual({ ok: true, value: {} });
    expect(s.status.get().help).toEqual({ open: false, acknowledged: false });
    expect(desk.at(-1)).toEqual({ open: [] });
    expect(audit()).toEqual([
      { actor: { kind: 'system' }, action: 'help.requested', subjectId: id, detail: 'reason=voice-failed-twice screen=home' },
      { actor: { kind: 'system' }, action: 'help.cleared', subjectId: id, detail: 'resident-session-cleared' },
    ]);
  });

  it('stops telling a desk that logged out who is calling', async () => {
    const { desk, call, s } = await station();
    await s.dispatcher.call('specialist:logout', { reason: 'user' }, deskCtx);
    await call('app:help-request', { reason: 'asked', serviceId: null });
    expect(desk.at(-1)).toEqual({ open: [] });
  });

  it('refuses calls from a TV box at home that names no station: no specialist there to come', async () => {
    const { s, call } = await station('tv');
    expect(await call('app:help-request', { reason: 'asked', serviceId: null })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(s.status.get().help).toEqual({ open: false, acknowledged: false });
  });
});
