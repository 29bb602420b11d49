// Pure pieces of the sync protocol: canonical JSON, request signatures, backoff
// with full jitter, UUIDv7 ids.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../../offline-store/sync/backoff.js';
import { canonicalJson, sha256Hex } from '../../../offline-store/sync/canonical.js';
import { canonicalRequest, generateSigningKey, sign, signAnswer, signingIdentity, verify, verifyAnswer } from '../../../offline-store/sync/signing.js';
import { uuidv7 } from '../../../offline-store/uuidv7.js';
import { isValidIdNumber } from '../../../common/domain/application.js';
import { residents } from './helpers.js';

describe('canonical JSON', () => {
  it('is independent of key order and stable under a parse round trip', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(canonicalJson(JSON.parse(canonicalJson(obj)))).toBe(canonicalJson(obj));
      }),
    );
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: '王' })).toBe('{"a":"王","b":[2,{"c":null,"d":1}]}');
  });
});

describe('request signatures', () => {
  const id = signingIdentity(generateSigningKey());
  const parts = {
    method: 'PUT',
    path: '/v1/uploads/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    kioskId: 'kiosk-1',
    timestamp: '1795000000000',
    nonce: 'ab'.repeat(16),
    bodySha256: sha256Hex('{}'),
    contentEncoding: '',
    uploadOffset: '0',
    uploadLength: '2',
    uploadSha256: sha256Hex('{}'),
  };

  it('verify what was signed, and nothing else: every header the server acts on is covered', () => {
    const sig = sign(id.privateKey, parts);
    const key = crypto.createPublicKey(id.publicKeyPem);
    expect(verify(key, parts, sig)).toBe(true);
    for (const field of Object.keys(parts) as (keyof typeof parts)[]) {
      expect(verify(key, { ...parts, [field]: parts[field] + '1' }, sig), field).toBe(false);
    }
    expect(verify(key, parts, 'not base64 at all')).toBe(false);
    expect(canonicalRequest(parts).split('\n')).toHaveLength(11);
    expect(id.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('answer signatures', () => {
  const server = signingIdentity(generateSigningKey());
  const answer = { status: 200, kioskId: 'kiosk-1', method: 'POST', path: '/v1/applications/batch', requestNonce: 'cd'.repeat(16), bodySha256: sha256Hex('{"results":[]}') };

  it('bind the status, the body and the one request answered', () => {
    const sig = signAnswer(server.privateKey, answer);
    const key = crypto.createPublicKey(server.publicKeyPem);
    expect(verifyAnswer(key, answer, sig)).toBe(true);
    for (const field of Object.keys(answer) as (keyof typeof answer)[]) {
      const changed = field === 'status' ? { ...answer, status: 201 } : { ...answer, [field]: answer[field] + '1' };
      expect(verifyAnswer(key, changed, sig), field).toBe(false);
    }
    // Another key (a forger's) never verifies.
    const forger = signingIdentity(generateSigningKey());
    expect(verifyAnswer(key, answer, signAnswer(forger.privateKey, answer))).toBe(false);
  });
});

describe('backoff with full jitter', () => {
  it('stays within [0, min(max, base·2^n)) and reaches the cap', () => {
    for (let n = 0; n < 40; n++) {
      const cap = Math.min(60_000, 500 * 2 ** n);
      expect(fullJitterDelay(n, 500, 60_000, () => 0)).toBe(0);
      expect(fullJitterDelay(n, 500, 60_000, () => 0.999999)).toBeLessThan(cap);
      expect(fullJitterDelay(n, 500, 60_000, () => 0.999999)).toBeGreaterThanOrEqual(Math.floor(cap * 0.99));
    }
  });
});

describe('UUIDv7', () => {
  it('has version 7 and variant bits, and sorts in creation order even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7(1_795_000_000_000));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = uuidv7(1_795_000_000_000 + 10_000);
    expect(later > ids.at(-1)!).toBe(true);
  });
});

describe('demo ID numbers', () => {
  it('carry valid GB 11643 check digits, and a wrong one is refused', () => {
    for (const r of residents) expect(isValidIdNumber(r.idNumber)).toBe(true);
    expect(isValidIdNumber('110101194303050021')).toBe(false);
  });
});
