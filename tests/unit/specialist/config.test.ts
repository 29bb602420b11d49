// The station config's `specialists` section: absent means the development
// specialist (empty list); entries need a real scrypt hash and unique ids.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseStationConfig } from '../../../main/core/config.js';
import { hashPin } from '../../../main/specialist/pin-hash.js';

describe('specialists in the station config', () => {
  it('defaults to an empty list (the development specialist stands in)', () => {
    expect(parseStationConfig({}).specialists).toEqual([]);
  });

  it('accepts entries made with hash-pin', async () => {
    const pinHash = await hashPin('246810', { N: 1 << 10, r: 8, p: 1 });
    const config = parseStationConfig({ specialists: [{ id: 'li.min', name: '李敏', pinHash }] });
    expect(config.specialists).toEqual([{ id: 'li.min', name: '李敏', pinHash }]);
  });

  it('refuses a plain PIN, a duplicate id, and unknown keys, naming the field', async () => {
    const pinHash = await hashPin('246810', { N: 1 << 10, r: 8, p: 1 });
    expect(() => parseStationConfig({ specialists: [{ id: 'li.min', name: '李敏', pinHash: '246810' }] })).toThrow(/specialists\.0\.pinHash/);
    expect(() =>
      parseStationConfig({
        specialists: [
          { id: 'li.min', name: '李敏', pinHash },
          { id: 'li.min', name: '李明', pinHash },
        ],
      }),
    ).toThrow(ConfigError);
    expect(() => parseStationConfig({ specialists: [{ id: 'li.min', name: '李敏', pinHash, pin: '246810' }] })).toThrow(ConfigError);
  });
});
