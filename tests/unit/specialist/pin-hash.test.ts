// PIN hashing: scrypt with a random salt, self-describing parameters, constant-time
// verification, and refusal of malformed or abusive stored hashes.
import { describe, expect, it } from 'vitest';
import { specialistConfigSchema } from '../../../common/domain/specialist.js';
import { DEFAULT_SCRYPT, hashPin, parsePinHash, PinHashError, verifyPin } from '../../../main/specialist/pin-hash.js';

const FAST = { N: 1 << 10, r: 8, p: 1 };

describe('PIN hashing', () => {
  it('stores scrypt parameters, a 16-byte salt and a 32-byte key — never the PIN', async () => {
    const h = await hashPin('135790');
    expect(h).not.toContain('135790');
    const p = parsePinHash(h);
    expect({ N: p.N, r: p.r, p: p.p }).toEqual(DEFAULT_SCRYPT);
    expect(p.salt).toHaveLength(16);
    expect(p.key).toHaveLength(32);
    // The config schema accepts exactly what the hasher produces.
    expect(specialistConfigSchema.safeParse({ id: 'li.min', name: '李敏', pinHash: h }).success).toBe(true);
  });

  it('salts: the same PIN hashes differently each time, and both verify', async () => {
    const a = await hashPin('2468', FAST);
    const b = await hashPin('2468', FAST);
    expect(a).not.toBe(b);
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2468', b)).toBe(true);
  });

  it('rejects a wrong PIN, a near miss and a non-numeric PIN', async () => {
    const h = await hashPin('135790', FAST);
    expect(await verifyPin('135791', h)).toBe(false);
    expect(await verifyPin('13579', h)).toBe(false);
    expect(await verifyPin('abcdef', h)).toBe(false);
  });

  it('refuses to hash a PIN that is not 4–12 digits', async () => {
    await expect(hashPin('123')).rejects.toBeInstanceOf(PinHashError);
    await expect(hashPin('12ab56')).rejects.toMatchObject({ code: 'bad-pin' });
  });

  it('treats malformed or abusive stored hashes as a typed config error', async () => {
    const good = await hashPin('135790', FAST);
    const parts = good.split('$');
    const withN = (n: string) => [parts[0], n, ...parts.slice(2)].join('$');
    for (const bad of ['', 'plain135790', 'bcrypt$10$x$y', withN('1000'), withN(String(1 << 24))]) {
      await expect(verifyPin('135790', bad)).rejects.toMatchObject({ name: 'PinHashError', code: 'bad-hash' });
    }
  });
});
