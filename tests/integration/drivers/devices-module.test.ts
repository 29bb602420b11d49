// The devices module inside a real station core: default config = simulators on
// socat ptys behind the real drivers, reached through the typed dispatcher the
// Electron shell and the web host use.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { devicesModule } from '../../../main/core/modules/devices.js';
import { printingModule } from '../../../main/core/modules/printing.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import type { DeviceManager } from '../../../drivers/device-manager.js';
import type { IdCardSimulatorService, PrinterSimulatorService } from '../../../drivers/simulators.js';
import { DESK_LISTENER_SERVICE } from '../../../main/core/desk-listener.js';
import { tempDir, waitFor } from './helpers.js';

const ctx = { host: 'web' as const, connection: 'test' };

function socatChildren(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), 'socat']).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('devices module with the default (simulator) config', () => {
  let station: Station;
  const events: unknown[] = [];
  let stop: () => void;

  beforeAll(async () => {
    const config = parseStationConfig({ dataDir: tempDir('devices-module'), devices: { idcard: { pollMs: 300 } } });
    station = await createStation({
      config,
      host: 'web',
      modules: [specialistModule, devicesModule, printingModule],
      platform: { dataDir: config.dataDir!, now: () => new Date('2026-11-22T06:05:00Z'), log: silentLogger, env: {}, secrets: { kind: 'memory', getOrCreate: async (_n, c) => c() } },
    });
    // The devices panel's channels are the desk's: this connection logs in first.
    const login = await station.dispatcher.call('specialist:login', { specialistId: 'dev', pin: '135790' }, ctx);
    expect(login).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    const sub = station.dispatcher.subscribe('idcard:events', {}, (e) => events.push(e), ctx);
    if (!sub.ok) throw new Error(sub.error.message);
    stop = sub.value;
  });

  afterAll(async () => {
    stop?.();
    await station?.dispose();
  });

  it('reports both devices healthy in the status hub and on devices:health', async () => {
    await waitFor(() => station.status.get().devices.filter((d) => d.state === 'ok').length === 2, 'devices ok');
    const r = await station.dispatcher.call('devices:health', {}, ctx);
    expect(r.ok && r.value).toMatchObject({ devices: [{ id: 'idcard', kind: 'idcard', state: 'ok' }, { id: 'printer', kind: 'printer', state: 'ok' }], deskListener: null });
    // A host that started the desk listener says where a tablet opens it, and the certificate to expect.
    station.services.provide(DESK_LISTENER_SERVICE, { url: 'https://192.168.1.20:8443/', certificateSha256: 'AB:CD' });
    const withDesk = await station.dispatcher.call('devices:health', {}, ctx);
    expect(withDesk.ok && (withDesk.value as { deskListener: unknown }).deskListener).toEqual({ url: 'https://192.168.1.20:8443/', certificateSha256: 'AB:CD' });
  });

  it('streams a card inserted in the simulator, by sample name, over real serial I/O', async () => {
    const sim = station.services.get<IdCardSimulatorService>('idcard-simulator')!;
    sim.insertCard('wangJie');
    const read = await waitFor(() => events.find((e) => (e as { type: string }).type === 'read'), 'read event');
    expect(read).toMatchObject({ type: 'read', card: { name: '王㛃', idNumber: '13062419681120004X', idNumberValid: true, validTo: '2032-08-15' } });
    expect(JSON.stringify(read)).not.toContain('photo');
    const cur = await station.dispatcher.call('idcard:current', {}, ctx);
    expect(cur.ok && (cur.value as { card: { name: string } | null }).card?.name).toBe('王㛃');
    const test = await station.dispatcher.call('devices:test-read', {}, ctx);
    expect(test).toEqual({ ok: true, value: { outcome: 'read', name: '王㛃', idNumberMasked: '1306**********004X', idNumberValid: true } });
    sim.removeCard();
    await waitFor(() => events.some((e) => (e as { type: string }).type === 'removed'), 'removed');
    const none = await station.dispatcher.call('devices:test-read', {}, ctx);
    expect(none).toEqual({ ok: true, value: { outcome: 'no-card' } });
  });

  it('tells a card that lies on the reader but failed to read (present, no card) from an empty reader', async () => {
    // A test that takes such a card away waits for `present` to drop: `card` was null all along.
    const sim = station.services.get<IdCardSimulatorService>('idcard-simulator')!;
    const current = async () => {
      const r = await station.dispatcher.call('idcard:current', {}, ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { card: unknown; present: boolean };
    };
    expect(await current()).toEqual({ card: null, present: false });
    const before = events.length;
    sim.setFault('read-failed');
    sim.insertCard('bateer');
    await waitFor(() => events.slice(before).some((e) => (e as { type: string }).type === 'error'), 'failed read');
    expect(await current()).toEqual({ card: null, present: true });
    sim.removeCard();
    await waitFor(() => events.slice(before).some((e) => (e as { type: string }).type === 'removed'), 'removed');
    expect(await current()).toEqual({ card: null, present: false });
    sim.setFault('none');
  });

  it('says paper-out plainly, flags the printer in the status hub, and prints after paper is back', async () => {
    const printer = station.services.get<PrinterSimulatorService>('printer-simulator')!;
    printer.clearJobs();
    printer.setPaperOut(true);
    const r = await station.dispatcher.call('devices:test-print', {}, ctx);
    expect(r).toMatchObject({ ok: true, value: { printed: false, reason: 'paper-out' } });
    await waitFor(() => station.status.get().devices.find((d) => d.id === 'printer')?.state === 'fault', 'printer fault');
    expect(station.status.get().devices.find((d) => d.id === 'printer')?.message).toBe('打印机缺纸');
    printer.setPaperOut(false);
    const again = await station.dispatcher.call('devices:test-print', {}, ctx);
    expect(again).toEqual({ ok: true, value: { printed: true } });
    const [job] = await waitFor(() => printer.jobs().length === 1 && printer.jobs(), 'test page');
    expect(job!.lines).toContain('生僻字：王㛃');
  });

  it('rejects a malformed request before it reaches the printer', async () => {
    const r = await station.dispatcher.call('printer:print-receipt', { applicationId: 'x' }, ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalid-args');
  });

  it('recovers the printer after its cable is pulled and plugged back', async () => {
    const printer = station.services.get<PrinterSimulatorService>('printer-simulator')!;
    await printer.unplug();
    const r = await station.dispatcher.call('devices:test-print', {}, ctx);
    expect(r.ok && (r.value as { printed: boolean }).printed).toBe(false);
    await printer.replug();
    const manager = station.services.get<DeviceManager>('devices')!;
    // The printer service notices on its next status check (watchMs, 5 s by default).
    await waitFor(() => manager.printer?.health.state === 'ok', 'printer ok again', 15_000);
    expect(station.status.get().devices.find((d) => d.id === 'printer')?.state).toBe('ok');
    const ok = await station.dispatcher.call('devices:test-print', {}, ctx);
    expect(ok).toEqual({ ok: true, value: { printed: true } });
  });

  it('leaves no socat process or pty link behind after dispose', async () => {
    const before = socatChildren();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const links = fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('xiangyin-devices-'));
    await station.dispose();
    await waitFor(() => socatChildren().length === 0, 'socat gone', 5000);
    const after = fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('xiangyin-devices-'));
    expect(after.length).toBeLessThan(links.length);
  });
});
