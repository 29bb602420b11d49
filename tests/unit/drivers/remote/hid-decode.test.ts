import { describe, expect, it } from 'vitest';
import { HidReportDecoder } from '../../../../drivers/remote/hid-decode.js';
import { CONSUMER_USAGES, KEYBOARD_USAGES } from '../../../../drivers/remote/key-map.js';
import { remoteKeys } from '../../../../common/ipc/channels/devices.js';

const consumer = (id: number, usage: number) => Uint8Array.of(id, usage & 0xff, usage >> 8);
const keyboard = (id: number, ...keys: number[]) => Uint8Array.of(id, 0, 0, ...keys, ...Array(6 - keys.length).fill(0));

describe('HID report decoding', () => {
  it('maps every consumer usage the issue names', () => {
    const d = new HidReportDecoder();
    const cases: [number, string][] = [
      [0x41, 'ok'], [0x42, 'up'], [0x43, 'down'], [0x44, 'left'], [0x45, 'right'],
      [0x224, 'back'], [0x223, 'home'], [0xcf, 'voice'], [0xe9, 'volume-up'], [0xea, 'volume-down'], [0xe2, 'mute'],
    ];
    for (const [usage, key] of cases) {
      expect(d.decode(consumer(3, usage))).toEqual([{ key, action: 'down' }]);
      expect(d.decode(consumer(3, 0))).toEqual([{ key, action: 'up' }]);
    }
  });

  it('treats the voice key as push-to-talk: down while held, up on release, nothing repeated', () => {
    const d = new HidReportDecoder();
    expect(d.decode(consumer(2, 0xcf))).toEqual([{ key: 'voice', action: 'down' }]);
    expect(d.decode(consumer(2, 0xcf))).toEqual([]); // auto-repeat report while held
    expect(d.decode(consumer(2, 0))).toEqual([{ key: 'voice', action: 'up' }]);
  });

  it('decodes keyboard reports: arrows, Enter, Escape, Backspace and digits', () => {
    const d = new HidReportDecoder();
    expect(d.decode(keyboard(1, 0x52))).toEqual([{ key: 'up', action: 'down' }]);
    expect(d.decode(keyboard(1, 0x52, 0x1e))).toEqual([{ key: 'digit-1', action: 'down' }]);
    expect(d.decode(keyboard(1, 0x1e))).toEqual([{ key: 'up', action: 'up' }]);
    expect(d.decode(keyboard(1))).toEqual([{ key: 'digit-1', action: 'up' }]);
    for (const [usage, key] of [[0x28, 'ok'], [0x29, 'back'], [0x2a, 'backspace'], [0x27, 'digit-0'], [0x62, 'digit-0']] as const) {
      expect(d.decode(keyboard(1, usage))).toEqual([{ key, action: 'down' }]);
      d.decode(keyboard(1));
    }
  });

  it('decodes unnumbered boot keyboard and bare consumer reports', () => {
    const d = new HidReportDecoder({ consumerReportIds: [], keyboardReportIds: [] });
    expect(d.decode(Uint8Array.of(0, 0, 0x4f, 0, 0, 0, 0, 0))).toEqual([{ key: 'right', action: 'down' }]);
    expect(d.decode(Uint8Array.of(0x24, 0x02))).toEqual([{ key: 'back', action: 'down' }]);
  });

  it('ignores unknown reports and usages without throwing', () => {
    const d = new HidReportDecoder();
    expect(d.decode(Uint8Array.of())).toEqual([]);
    expect(d.decode(Uint8Array.of(9, 1, 2, 3, 4))).toEqual([]);
    expect(d.decode(consumer(3, 0x999))).toEqual([]);
    expect(d.ignored).toBe(2);
  });

  it('releases held keys when the remote goes away', () => {
    const d = new HidReportDecoder();
    d.decode(consumer(3, 0xcf));
    expect(d.releaseAll()).toEqual([{ key: 'voice', action: 'up' }]);
  });

  it('maps only onto keys of the contract', () => {
    for (const key of [...CONSUMER_USAGES.values(), ...KEYBOARD_USAGES.values()]) expect(remoteKeys).toContain(key);
  });
});
