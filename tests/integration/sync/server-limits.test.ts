// The server's limits and the kiosk's respect for them: look-ups of residents'
// records are rate-limited per kiosk (429 with Retry-After) and the kiosk waits
// as told; malformed parameters and upload ids are a 400, never a 500 or a file
// written under a strange name.
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKey, signingIdentity } from '../../../offline-store/sync/signing.js';
import { querySocialInsurance } from '../../../offline-store/sync/queries.js';
import { SyncError } from '../../../offline-store/sync/errors.js';
import { SyncServer } from '../../../sync-server/server.js';
import { demoResidents } from '../../../sync-server/demo-data.js';
import { sampleSubmit, tempDir } from '../../unit/store/helpers.js';
import { FaultProxy } from '../../tools/fault-proxy.js';
import { raw, startKiosk, startServer, testMasterKey } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('server limits', () => {
  it('limit=abc and other non-integers are a 400, not a 500', async () => {
    const { server, url } = await startServer();
    cleanups.push(() => server.dispose());
    const id = signingIdentity(generateSigningKey());
    await server.admin.registerKiosk('k1', id.publicKeyPem);
    const get = (query: string) => raw(url, { path: `/v1/changes?${query}`, kioskId: 'k1', key: id.privateKey });
    for (const q of ['after=0&limit=abc', 'after=0&limit=', 'after=0&limit=1e3', 'after=0&limit=0', 'after=0&limit=1001', 'after=abc', 'after=-1']) {
      const r = await get(q);
      expect({ q, status: r.status }).toEqual({ q, status: 400 });
      expect(r.json.error?.code).toMatch(/^bad-(limit|cursor)$/);
    }
    expect((await get('after=0&limit=10')).status).toBe(200);
  });

  it('upload ids must be UUIDs', async () => {
    const { server, url, dir } = await startServer();
    cleanups.push(() => server.dispose());
    const id = signingIdentity(generateSigningKey());
    await server.admin.registerKiosk('k1', id.publicKeyPem);
    const body = Buffer.from('abc');
    const { sha256Hex } = await import('../../../offline-store/sync/canonical.js');
    const put = (uploadId: string) =>
      raw(url, {
        method: 'PUT',
        path: `/v1/uploads/${uploadId}`,
        body,
        kioskId: 'k1',
        key: id.privateKey,
        headers: { 'content-type': 'application/octet-stream', 'x-upload-offset': '0', 'x-upload-length': '3', 'x-upload-sha256': sha256Hex(body) },
      });
    for (const bad of ['-'.repeat(36), 'not-a-uuid', '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b0000']) {
      const r = await put(bad);
      expect({ bad, status: r.status, code: r.json.error?.code }).toEqual({ bad, status: 400, code: 'bad-upload-id' });
    }
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${dir}/uploads`)).toEqual([]);
    expect((await put('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).json).toMatchObject({ complete: true });
  });

  it('look-ups are rate-limited per kiosk with 429 and Retry-After, and the kiosk waits as told', async () => {
    const dir = tempDir('xy-server-');
    const server = await SyncServer.open({ dataDir: dir, queryRate: { burst: 3, perMinute: 1 }, masterKey: testMasterKey });
    const url = await server.start();
    cleanups.push(() => server.dispose());
    let lookups = 0;
    const proxy = new FaultProxy(Number(new URL(url).port), {
      answerWith: (method, path) => {
        if (path.startsWith('/v1/queries/')) lookups++;
        return null;
      },
    });
    const proxyUrl = await proxy.start();
    cleanups.push(() => proxy.stop());
    const k = await startKiosk({ server, url: proxyUrl, kioskId: 'k-rate' });
    cleanups.push(() => k.close());
    const other = await startKiosk({ server, url, kioskId: 'k-other' });
    cleanups.push(() => other.close());
    const idNumber = demoResidents[0]!.idNumber;
    for (let i = 0; i < 3; i++) expect(await querySocialInsurance(k.store, k.client, k.engine, idNumber, () => new Date())).toMatchObject({ source: 'live' });
    const limited = await k.client.querySocialInsurance(idNumber).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(SyncError);
    expect(limited).toMatchObject({ code: 'server', httpStatus: 429 });
    expect((limited as SyncError).retryAfterMs).toBeGreaterThanOrEqual(50_000);
    expect(lookups).toBe(4);
    // Honoured: the next look-up does not even reach the server; the resident gets the cached copy.
    const answer = await querySocialInsurance(k.store, k.client, k.engine, idNumber, () => new Date());
    expect(answer.source).toBe('cache');
    expect(lookups).toBe(4);
    // Another kiosk has its own bucket.
    expect((await other.client.querySocialInsurance(idNumber)).record).not.toBeNull();
  });

  it('the engine waits at least the Retry-After of a 429 before its next pass', async () => {
    const { server, url } = await startServer();
    cleanups.push(() => server.dispose());
    const proxy = new FaultProxy(Number(new URL(url).port));
    const proxyUrl = await proxy.start();
    cleanups.push(() => proxy.stop());
    const k = await startKiosk({ server, url: proxyUrl, sync: { backoffBaseMs: 10, backoffMaxMs: 100 } });
    cleanups.push(() => k.close());
    k.store.applications.submit(sampleSubmit(0, false));
    proxy.inject('http-429'); // Retry-After: 2
    const r = await k.engine.syncNow();
    expect(r.error).toMatchObject({ code: 'server' });
    // Backoff alone would be under 100 ms; the server asked for 2 s.
    expect(k.engine.nextPassDelayMs).toBeGreaterThanOrEqual(2000);
    expect((await k.engine.syncNow()).error).toBeNull();
    expect(k.engine.nextPassDelayMs).toBe(3600_000);
  });
});
