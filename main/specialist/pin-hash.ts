// PINs are stored only as scrypt hashes with a random salt (node:crypto), in the
// self-describing form `scrypt$N$r$p$salt$hash`. Verification recomputes with
// the stored parameters and compares in constant time. Async scrypt runs on the
// libuv pool, so checking a PIN never freezes the station's event loop.
import crypto from 'node:crypto';
import { PIN_HASH_PATTERN, pinSchema } from '../../common/domain/specialist.js';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ~50 ms on a 2-core station: cheap for one login, costly for a stolen config's brute force. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** A config asking for more than this would stall or exhaust the station; refuse it. */
const MAX_N = 1 << 20;

export class PinHashError extends Error {
  constructor(
    readonly code: 'bad-pin' | 'bad-hash',
    message: string,
  ) {
    super(message);
    this.name = 'PinHashError';
  }
}

function scrypt(pin: string, salt: Buffer, params: ScryptParams, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
    crypto.scrypt(pin, salt, keylen, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPin(pin: string, params: ScryptParams = DEFAULT_SCRYPT, salt: Buffer = crypto.randomBytes(SALT_BYTES)): Promise<string> {
  if (!pinSchema.safeParse(pin).success) throw new PinHashError('bad-pin', 'PIN 为 4 到 12 位数字');
  const key = await scrypt(pin, salt, params, KEY_BYTES);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

export function parsePinHash(stored: string): ParsedHash {
  if (!PIN_HASH_PATTERN.test(stored)) throw new PinHashError('bad-hash', 'not a scrypt PIN hash');
  const [, n, r, p, salt, key] = stored.split('$') as [string, string, string, string, string, string];
  const parsed = { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  const powerOfTwo = parsed.N > 1 && (parsed.N & (parsed.N - 1)) === 0;
  if (!powerOfTwo || parsed.N > MAX_N || parsed.r < 1 || parsed.r > 32 || parsed.p < 1 || parsed.p > 16) {
    throw new PinHashError('bad-hash', 'scrypt parameters out of range');
  }
  if (parsed.salt.length < 8 || parsed.key.length < 16) throw new PinHashError('bad-hash', 'salt or hash too short');
  return parsed;
}

/** True when `pin` matches; a malformed stored hash throws PinHashError('bad-hash'). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const h = parsePinHash(stored);
  if (!pinSchema.safeParse(pin).success) return false;
  const key = await scrypt(pin, h.salt, h, h.key.length);
  return crypto.timingSafeEqual(key, h.key);
}
