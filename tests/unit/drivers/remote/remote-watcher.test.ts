// The remote's device path with an injected HID device: no virtual HID device can
// be created on build machines. A real remote is tested when TEST_REMOTE_VIDPID
// (e.g. 1d5a:c081) names one: press OK within 10 s of the test starting.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { RemoteKeyEvent } from '../../../../common/ipc/channels/devices.js';
import { openNodeHid, RemoteWatcher, type HidDeviceLike } from '../../../../drivers/remote/remote.js';

class FakeHid extends EventEmitter implements HidDeviceLike {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RemoteWatcher (injected device)', () => {
  it('opens by vendor/product id, emits decoded keys, and reopens after an error', async () => {
    const opened: FakeHid[] = [];
    const asked: [number, number][] = [];
    let failNext = false;
    const keys: RemoteKeyEvent[] = [];
    const states: string[] = [];
    const w = new RemoteWatcher(
      { id: 'tv', vendorId: 0x1d5a, productId: 0xc081 },
      async (v, p) => {
        asked.push([v, p]);
        if (failNext) {
          failNext = false;
          throw new Error('no such device');
        }
        const d = new FakeHid();
        opened.push(d);
        return d;
      },
      (e) => keys.push(e),
      (s) => states.push(s),
      30,
    );
    w.start();
    await wait(10);
    expect(asked[0]).toEqual([0x1d5a, 0xc081]);
    opened[0]!.emit('data', Buffer.from([3, 0xcf, 0]));
    expect(keys).toEqual([{ key: 'voice', action: 'down', device: 'tv' }]);
    failNext = true;
    opened[0]!.emit('error', new Error('device disconnected'));
    // A held push-to-talk key is released when the remote vanishes.
    expect(keys.at(-1)).toEqual({ key: 'voice', action: 'up', device: 'tv' });
    expect(opened[0]!.closed).toBe(true);
    await wait(150);
    expect(opened.length).toBe(2);
    expect(states).toEqual(['ok', 'disconnected', 'ok']);
    opened[1]!.emit('data', Buffer.from([1, 0, 0, 0x28, 0, 0, 0, 0, 0]));
    expect(keys.at(-1)).toEqual({ key: 'ok', action: 'down', device: 'tv' });
    w.dispose();
    expect(opened[1]!.closed).toBe(true);
  });

  it('loads node-hid for real and reports an absent remote as a rejected open, not a crash', async () => {
    await expect(openNodeHid(0x1234, 0x5678)).rejects.toThrow(/0x1234|not|No/i);
  });

  const real = process.env.TEST_REMOTE_VIDPID;
  it.runIf(Boolean(real))('reads a key from a real remote', async () => {
    const [vid, pid] = real!.split(':').map((h) => parseInt(h, 16));
    const keys: RemoteKeyEvent[] = [];
    const w = new RemoteWatcher({ id: 'real', vendorId: vid!, productId: pid! }, openNodeHid, (e) => keys.push(e), () => undefined);
    w.start();
    const deadline = Date.now() + 10_000;
    while (!keys.length && Date.now() < deadline) await wait(50);
    w.dispose();
    expect(keys[0]?.action).toBe('down');
  }, 15_000);
});
