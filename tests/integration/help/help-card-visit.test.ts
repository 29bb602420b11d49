// A call for help ends with the visit, as the station itself sees the card
// reader (not only when the resident's screen says so): a station core with the
// real devices module (the ID-card simulator on a pty behind the real driver)
// and the help module. The call carries the card holder's masked name and
// number, never in clear; taking the card out ends it; so does another card
// swapped in; a call made before any card is the card holder's once read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { devicesModule } from '../../../main/core/modules/devices.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import { helpModule } from '../../../main/core/modules/help.js';
import type { IdCardSimulatorService } from '../../../drivers/simulators.js';
import type { HelpRequest } from '../../../common/domain/help.js';
import { tempDir } from '../drivers/helpers.js';

/** Polls `check` (sync or async) until it is true; generous for a loaded CI machine. */
async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const screen = { host: 'web' as const, connection: 'kiosk-screen' };
const desk = { host: 'web' as const, connection: 'desk:tablet', surface: 'desk' as const };

describe('a call for help and the card in the reader', () => {
  let station: Station;
  let sim: IdCardSimulatorService;
  let open: HelpRequest[] = [];

  beforeAll(async () => {
    const config = parseStationConfig({ dataDir: tempDir('help-card'), devices: { idcard: { pollMs: 300 }, printer: { type: 'none' } } });
    station = await createStation({
      config,
      host: 'web',
      modules: [specialistModule, devicesModule, helpModule],
      platform: { dataDir: config.dataDir!, now: () => new Date(), log: silentLogger, env: {}, secrets: { kind: 'memory', getOrCreate: async (_n, c) => c() } },
    });
    sim = station.services.get<IdCardSimulatorService>('idcard-simulator')!;
    expect(await station.dispatcher.call('specialist:login', { specialistId: 'dev', pin: '135790' }, desk)).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    const sub = station.dispatcher.subscribe('specialist:help-requests', {}, (e) => (open = (e as { open: HelpRequest[] }).open), desk);
    expect(sub.ok).toBe(true);
  });

  afterAll(async () => {
    await station?.dispose();
  });

  const card = () => station.dispatcher.call('idcard:current', {}, screen).then((r) => (r.ok ? (r.value as { card: { name: string } | null }).card?.name ?? null : 'error'));
  const call = () => station.dispatcher.call('app:help-request', { reason: 'asked', serviceId: 'pension-certification' }, screen);

  it('says who is calling, masked, from the card in the reader', async () => {
    sim.insertCard('zhangXiuying');
    await waitFor(async () => (await card()) === '张秀英', 'card read');
    expect(await call()).toMatchObject({ ok: true });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ who: { name: '张**', idNumber: '1101**********0028' }, where: { kind: 'kiosk' }, serviceId: 'pension-certification', acknowledged: null });
    expect(JSON.stringify(open)).not.toContain('张秀英');
    expect(JSON.stringify(open)).not.toContain('110101194303050028');
  });

  it('ends when that card is taken out', async () => {
    sim.removeCard();
    await waitFor(() => open.length === 0, 'call ended with the card');
    expect(station.status.get().help).toEqual({ open: false, acknowledged: false });
  });

  it('ends when another card is swapped in without a gap', async () => {
    sim.insertCard('zhangXiuying');
    await waitFor(async () => (await card()) === '张秀英', 'card read');
    await call();
    expect(open).toHaveLength(1);
    sim.insertCard('wangJie');
    await waitFor(() => open.length === 0, 'call ended with the swap');
    sim.removeCard();
    await waitFor(async () => (await card()) === null, 'card out');
  });

  it('takes a call made before any card as the holder’s of the card then read, which ends it when taken out', async () => {
    await call();
    expect(open[0]?.who).toBeNull();
    sim.insertCard('wangJie');
    await waitFor(() => open[0]?.who?.name === '王*', 'the call is the card holder’s');
    sim.removeCard();
    await waitFor(() => open.length === 0, 'call ended with the card');
  });
});
