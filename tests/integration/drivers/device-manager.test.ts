// DeviceManager built from non-default configs: a serial reader on a given port,
// a network printer, a USB-class printer file, HID remotes (injected device), and
// absent or unreachable devices.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { devicesConfigSchema } from '../../../drivers/config.js';
import { DeviceManager } from '../../../drivers/device-manager.js';
import { IdCardSimulator } from '../../../drivers/idcard/simulator.js';
import { zhangXiuying } from '../../../drivers/idcard/samples.js';
import { PrinterSimulator } from '../../../drivers/printer/simulator.js';
import { serveTcpPrinterSimulator } from '../../../drivers/printer/tcp-simulator.js';
import type { HidDeviceLike } from '../../../drivers/remote/remote.js';
import { SimulatorOnPty } from '../../../drivers/serial/sim-on-pty.js';
import type { DeviceHealth } from '../../../common/domain/status.js';
import type { RemoteKeyEvent } from '../../../common/ipc/channels/devices.js';
import { receipt } from '../../fixtures/drivers/receipts.js';
import { tempDir, waitFor } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

class FakeRemote extends EventEmitter implements HidDeviceLike {
  close(): void {}
}

describe('DeviceManager from config', () => {
  it('serial reader, TCP printer and a HID remote', async () => {
    const idSim = new IdCardSimulator();
    const idPty = await SimulatorOnPty.start({ dir: tempDir('dm-idcard'), simulator: idSim });
    cleanups.push(() => idPty.dispose());
    const prSim = new PrinterSimulator();
    const tcp = await serveTcpPrinterSimulator(prSim);
    cleanups.push(() => tcp.close());
    const remote = new FakeRemote();
    const health: DeviceHealth[] = [];
    const m = await DeviceManager.start({
      config: devicesConfigSchema.parse({
        idcard: { type: 'serial', port: idPty.hostPath, pollMs: 300 },
        printer: { type: 'tcp', host: '127.0.0.1', tcpPort: tcp.port, columns: 48 },
        remotes: [{ id: 'tv', vendorId: '0x1d5a', productId: 0xc081 }],
      }),
      onHealth: (h) => health.push(h),
      openHid: async (v, p) => {
        expect([v, p]).toEqual([0x1d5a, 0xc081]);
        return remote;
      },
    });
    cleanups.push(() => m.dispose());
    expect(m.idcardSimulator).toBeNull();
    expect(m.printerSimulator).toBeNull();
    await waitFor(() => m.health().every((h) => h.state === 'ok') && m.health().length === 3, 'all ok');
    expect(m.health().map((h) => h.id)).toEqual(['idcard', 'printer', 'remote:tv']);

    idSim.insertCard(zhangXiuying);
    await waitFor(() => m.idcard?.current(), 'card read over the configured serial port');
    expect(await m.idcard!.currentPhotoBitmap()).toBeNull(); // no vendor decoder here

    expect(await m.printer!.print(receipt)).toEqual({ printed: true });
    await waitFor(() => prSim.jobs().length === 1, 'job over TCP');

    const keys: RemoteKeyEvent[] = [];
    m.subscribeKeys((k) => keys.push(k));
    remote.emit('data', Buffer.from([3, 0x41, 0]));
    expect(keys).toEqual([{ key: 'ok', action: 'down', device: 'tv' }]);
  });

  it('no reader, and a printer through the USB device-file transport', async () => {
    const prSim = new PrinterSimulator();
    const pty = await SimulatorOnPty.start({ dir: tempDir('dm-usb'), simulator: prSim });
    cleanups.push(() => pty.dispose());
    const m = await DeviceManager.start({
      config: devicesConfigSchema.parse({ idcard: { type: 'none' }, printer: { type: 'usb', port: pty.hostPath } }),
      onHealth: () => undefined,
    });
    cleanups.push(() => m.dispose());
    expect(m.idcard).toBeNull();
    expect(await m.printer!.print(receipt)).toEqual({ printed: true });
    await waitFor(() => prSim.jobs().length === 1, 'job through the usb transport');
  });

  it('an unreachable printer is disconnected, and a print says it cannot print now', async () => {
    const m = await DeviceManager.start({
      config: devicesConfigSchema.parse({ idcard: { type: 'none' }, printer: { type: 'serial', port: '/dev/nonexistent-printer' } }),
      onHealth: () => undefined,
    });
    cleanups.push(() => m.dispose());
    await waitFor(() => m.health().find((h) => h.id === 'printer')?.state === 'disconnected', 'disconnected');
    expect(await m.printer!.print(receipt)).toMatchObject({ printed: false, reason: 'offline' });
  });

  it('rejects configs that name a device type without its port', () => {
    expect(devicesConfigSchema.safeParse({ idcard: { type: 'serial' } }).success).toBe(false);
    expect(devicesConfigSchema.safeParse({ printer: { type: 'usb' } }).success).toBe(false);
    expect(devicesConfigSchema.safeParse({ idcard: { pollMs: 100 } }).success).toBe(false); // faster than the SAM allows
  });
});
