// The server refuses unknown kiosks, bad signatures, timestamps more than five
// minutes off and replayed nonces; and enforces the idempotency rules.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../offline-store/sync/canonical.js';
import { H } from '../../../offline-store/sync/protocol.js';
import { generateSigningKey, signingIdentity, verifyAnswer } from '../../../offline-store/sync/signing.js';
import { storeConfigSchema, syncConfigSchema } from '../../../offline-store/config.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { openKioskSync } from '../../../offline-store/kiosk-sync.js';
import { sampleSubmit, tempDir } from '../../unit/store/helpers.js';
import { storages } from '../../support/postgres.js';
import { raw, startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(storages)('request authentication (%s storage)', (storage) => {
  /** A server with kiosk k1 registered, k1's key and a stranger's, and a path to sign requests for. */
  async function kioskAndStranger() {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const id = signingIdentity(generateSigningKey());
    const stranger = signingIdentity(generateSigningKey());
    await server.admin.registerKiosk('k1', id.publicKeyPem);
    return { url, id, stranger, path: '/v1/changes?after=0&limit=10' };
  }

  it('rejects unknown kiosks, bad signatures, skewed clocks, replayed nonces and swapped bodies', async () => {
    const { url, id, stranger, path } = await kioskAndStranger();

    expect((await raw(url, { path, kioskId: 'k1', key: id.privateKey })).status).toBe(200);
    expect((await raw(url, { path, kioskId: 'nobody', key: id.privateKey })).json.error?.code).toBe('unknown-kiosk');
    expect((await raw(url, { path, kioskId: 'k1', key: stranger.privateKey })).json.error?.code).toBe('bad-signature');
    expect((await raw(url, { path, kioskId: 'k1', key: id.privateKey, timestamp: Date.now() - 6 * 60_000 })).json.error?.code).toBe('clock-skew');
    expect((await raw(url, { path, kioskId: 'k1', key: id.privateKey, timestamp: Date.now() + 4 * 60_000 })).status).toBe(200);
    const nonce = crypto.randomBytes(16).toString('hex');
    expect((await raw(url, { path, kioskId: 'k1', key: id.privateKey, nonce })).status).toBe(200);
    const replay = await raw(url, { path, kioskId: 'k1', key: id.privateKey, nonce });
    expect(replay).toMatchObject({ status: 401, json: { error: { code: 'replayed-nonce' } } });
    // path is signed: the same signature does not authorise another path
    const moved = await raw(url, { path, kioskId: 'k1', key: id.privateKey, tamper: (h) => void (h[H.timestamp] = String(Number(h[H.timestamp]) + 1)) });
    expect(moved.json.error?.code).toBe('bad-signature');
    const swapped = await raw(url, {
      method: 'POST',
      path: '/v1/queries/social-insurance',
      body: Buffer.from('{"idNumber":"110101194303050028"}'),
      kioskId: 'k1',
      key: id.privateKey,
      tamper: (h) => void (h[H.bodyHash] = sha256Hex('{}')),
    });
    expect(swapped.json.error?.code).toBe('bad-signature');
  });

  it("a stranger's nonce is not kept, a kiosk's own is; an unknown kiosk and a skewed clock leave nothing either", async () => {
    const { url, id, stranger, path } = await kioskAndStranger();
    const code = async (o: { key: crypto.KeyObject; nonce: string; kioskId?: string; timestamp?: number }) => {
      const r = await raw(url, { path, kioskId: o.kioskId ?? 'k1', key: o.key, nonce: o.nonce, timestamp: o.timestamp });
      return r.status === 200 ? 'ok' : r.json.error?.code;
    };
    // Each refused first, then the same nonce signed by the kiosk itself is taken: nothing was kept for it.
    const forged = crypto.randomBytes(16).toString('hex');
    expect(await code({ key: stranger.privateKey, nonce: forged })).toBe('bad-signature');
    expect(await code({ key: id.privateKey, nonce: forged })).toBe('ok');
    const skewed = crypto.randomBytes(16).toString('hex');
    expect(await code({ key: id.privateKey, nonce: skewed, timestamp: Date.now() - 6 * 60_000 })).toBe('clock-skew');
    expect(await code({ key: id.privateKey, nonce: skewed })).toBe('ok');
    expect(await code({ key: id.privateKey, nonce: crypto.randomBytes(16).toString('hex'), kioskId: 'nobody', timestamp: Date.now() - 6 * 60_000 })).toBe('unknown-kiosk');
    // A kiosk's own nonce is kept: a stranger cannot make it forgotten, and it stays used.
    const own = crypto.randomBytes(16).toString('hex');
    expect(await code({ key: id.privateKey, nonce: own })).toBe('ok');
    expect(await code({ key: stranger.privateKey, nonce: own })).toBe('bad-signature');
    expect(await code({ key: id.privateKey, nonce: own })).toBe('replayed-nonce');
  });

  it('every header the server acts on is signed: changing one in transit is refused before anything is done', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const id = signingIdentity(generateSigningKey());
    // One key under two ids (a re-registered station): only the signed id may be acted for.
    await server.admin.registerKiosk('k1', id.publicKeyPem);
    await server.admin.registerKiosk('k1-old', id.publicKeyPem);
    const serverKey = crypto.createPublicKey(server.publicKeyPem);
    const bytes = Buffer.from('0123456789');
    const upload = (uploadId: string, tamper?: (h: Record<string, string>) => void) =>
      raw(url, {
        method: 'PUT',
        path: `/v1/uploads/${uploadId}`,
        body: bytes,
        kioskId: 'k1',
        key: id.privateKey,
        headers: { 'content-type': 'application/octet-stream', [H.uploadOffset]: '0', [H.uploadLength]: '10', [H.uploadSha256]: sha256Hex(bytes) },
        tamper,
      });
    const uuid = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;
    const alterations: [string, (h: Record<string, string>) => void][] = [
      ['x-kiosk-id', (h) => void (h[H.kiosk] = 'k1-old')],
      ['x-upload-length', (h) => void (h[H.uploadLength] = '20')],
      ['x-upload-sha256', (h) => void (h[H.uploadSha256] = sha256Hex('something else'))],
      ['x-upload-offset', (h) => void (h[H.uploadOffset] = '5')],
      ['content-encoding', (h) => void (h[H.contentEncoding] = 'gzip')],
    ];
    for (const [i, [name, tamper]] of alterations.entries()) {
      const r = await upload(uuid(i), tamper);
      expect({ name, status: r.status, code: r.json.error?.code }).toEqual({ name, status: 401, code: 'bad-signature' });
      expect(await server.admin.applications()).toHaveLength(0);
    }
    // Removing a signed gzip marker from a batch is refused the same way.
    const batch = zlib.gzipSync(Buffer.from(JSON.stringify({ applications: [] })));
    const unzipped = await raw(url, { method: 'POST', path: '/v1/applications/batch', body: batch, kioskId: 'k1', key: id.privateKey, headers: { [H.contentEncoding]: 'gzip' }, tamper: (h) => void delete h[H.contentEncoding] });
    expect(unzipped.json.error?.code).toBe('bad-signature');
    // Untouched, the same upload goes through, and both answers carry the server's signature over this request.
    const clean = await upload(uuid(99));
    expect(clean.json).toMatchObject({ received: 10, complete: true });
    for (const answer of [clean, unzipped]) {
      expect(typeof answer.headers[H.serverSignature]).toBe('string');
      const signed = { status: answer.status, kioskId: 'k1', method: answer === clean ? 'PUT' : 'POST', path: answer === clean ? `/v1/uploads/${uuid(99)}` : '/v1/applications/batch', requestNonce: answer.nonce, bodySha256: sha256Hex(answer.body) };
      expect(verifyAnswer(serverKey, signed, String(answer.headers[H.serverSignature]))).toBe(true);
      expect(verifyAnswer(serverKey, { ...signed, requestNonce: 'ef'.repeat(16) }, String(answer.headers[H.serverSignature]))).toBe(false);
    }
  });

  it('same idempotency key and body → same receipt; same key, different body → 422', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url, kioskId: 'k2' });
    cleanups.push(() => k.close());
    const a = k.store.applications.submit({ ...sampleSubmit(0, false) });
    const wire = k.store.outbox.pending(1)[0]!.wire;
    const key = k.identity.privateKey;
    const post = (app: unknown) => raw(url, { method: 'POST', path: '/v1/applications/batch', body: Buffer.from(JSON.stringify({ applications: [app] })), kioskId: 'k2', key });
    const first = await post(wire);
    expect(first.json.results?.[0]).toMatchObject({ outcome: 'accepted', httpStatus: 201 });
    const again = await post(JSON.parse(canonicalJson(wire)));
    expect(again.json.results?.[0]).toMatchObject({ outcome: 'replayed', httpStatus: 200, receiptNumber: first.json.results?.[0]?.receiptNumber });
    const changed = await post({ ...wire, formData: { ...wire.formData, phone: '13900000000' } });
    expect(changed.json.results?.[0]).toMatchObject({ outcome: 'conflict', httpStatus: 422 });
    expect(await server.admin.applications()).toHaveLength(1);
    expect(a.id).toBe(wire.id);
  });

  it('an unregistered kiosk keeps its outbox and shows an auth error, then syncs once registered', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url, kioskId: 'k3', register: false });
    cleanups.push(() => k.close());
    k.store.applications.submit(sampleSubmit(0));
    const r = await k.engine.syncNow();
    expect(r.error?.code).toBe('auth');
    expect(k.engine.status).toMatchObject({ online: true, pendingCount: 1, lastError: { code: 'auth' } });
    await server.admin.registerKiosk('k3', k.identity.publicKeyPem);
    expect((await k.engine.syncNow()).error).toBeNull();
    expect(await server.admin.applications()).toHaveLength(1);
  });
});

describe.each(storages)('clock drift (%s storage)', (storage) => {
  it('a kiosk whose clock is an hour off is refused once, then corrects by the server’s Date header', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await openKioskSync({
      dbFile: `${tempDir()}/store/kiosk.db`,
      secrets: memorySecretStore(),
      kioskId: 'k-drift',
      serverUrl: url,
      serverPublicKeyPem: server.publicKeyPem,
      sync: syncConfigSchema.parse({ backoffBaseMs: 10, backoffMaxMs: 50 }),
      store: storeConfigSchema.parse({}),
      log: { info: () => {}, warn: () => {} },
      now: () => new Date(Date.now() + 3_600_000),
    });
    cleanups.push(() => k.close());
    await server.admin.registerKiosk('k-drift', k.identity.publicKeyPem);
    k.store.applications.submit(sampleSubmit(0));
    const first = await k.engine.syncNow();
    expect(first.error).toMatchObject({ code: 'auth', message: expect.stringContaining('5 minutes') });
    const second = await k.engine.syncNow();
    expect(second).toMatchObject({ error: null, accepted: 1 });
  });
});
