// The server's sealing: a fresh nonce per value, associated data that binds a
// value to its row, a data key that only its master key unwraps, and master
// keys parsed strictly.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MasterKeyError, parseMasterKey } from '../../../sync-server/master-key.js';
import { openSealedFile, sealedRecord } from '../../../sync-server/sealed-file.js';
import { SealedDataError, Vault, seal, unseal } from '../../../sync-server/vault.js';

const key = crypto.randomBytes(32);

describe('server vault', () => {
  it('seals the same value differently each time (a random nonce per value) and opens it again', () => {
    const a = seal(key, Buffer.from('王秀英 110101194303050028'), 'applications:1');
    const b = seal(key, Buffer.from('王秀英 110101194303050028'), 'applications:1');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(unseal(key, a, 'applications:1').toString()).toBe('王秀英 110101194303050028');
  });

  it('refuses a value under another row, a flipped bit, and another key', () => {
    const v = seal(key, Buffer.from('13800138000'), 'applications:1');
    expect(() => unseal(key, v, 'applications:2')).toThrow(SealedDataError);
    const flipped = Buffer.from(v);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => unseal(key, flipped, 'applications:1')).toThrow(SealedDataError);
    expect(() => unseal(crypto.randomBytes(32), v, 'applications:1')).toThrow(SealedDataError);
    expect(() => unseal(key, Buffer.alloc(10), 'applications:1')).toThrow(SealedDataError);
  });

  it('finds residents by a keyed hash: the same number (any case, any spaces) the same key, never the number itself', () => {
    const v = new Vault(key);
    expect(v.residentKey(' 13062419361118108x')).toBe(v.residentKey('13062419361118108X'));
    expect(v.residentKey('13062419361118108X')).not.toContain('130624');
    expect(new Vault(crypto.randomBytes(32)).residentKey('13062419361118108X')).not.toBe(v.residentKey('13062419361118108X'));
  });

  it('an attachment file opens only with its records in order, under its own upload id', () => {
    const v = new Vault(key);
    const first = sealedRecord(v, 'u1', 0, Buffer.from('abc'), 0);
    const second = sealedRecord(v, 'u1', 3, Buffer.from('def'), first.length);
    const file = Buffer.concat([first, second]);
    expect(openSealedFile(v, 'u1', file, file.length).toString()).toBe('abcdef');
    expect(openSealedFile(v, 'u1', file, first.length).toString()).toBe('abc');
    expect(() => openSealedFile(v, 'u2', file, file.length)).toThrow(SealedDataError);
    expect(() => openSealedFile(v, 'u1', file, file.length - 1)).toThrow(SealedDataError);
  });

  it('parses master keys as 32 raw bytes, 64 hex digits or base64, and nothing else', () => {
    const k = crypto.randomBytes(32);
    expect(parseMasterKey(k, 't')).toEqual(k);
    expect(parseMasterKey(Buffer.from(k.toString('hex') + '\n'), 't')).toEqual(k);
    expect(parseMasterKey(Buffer.from(k.toString('base64')), 't')).toEqual(k);
    expect(() => parseMasterKey(Buffer.from('secret'), 't')).toThrow(MasterKeyError);
    expect(() => parseMasterKey(Buffer.from('ab'.repeat(31)), 't')).toThrow(MasterKeyError);
  });
});
