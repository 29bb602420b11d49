// What sits between kiosk and server — a proxy, a captive portal, a flipped bit,
// an attacker on plain http — never decides an application's fate. A 400, 404,
// 408 or 413 on a batch (after the server in fact accepted it), an HTML page, a
// forged "accepted" for a request the server never saw, a genuine answer
// replayed to another request: each leaves every application pending (or, when
// the server did accept the batch, accepted with the receipt the server's own
// signed change feed reports), never rejected; the pass reports not-ok; and once
// the link heals each is delivered exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { syncConfigSchema } from '../../../offline-store/config.js';
import { SyncClient } from '../../../offline-store/sync/client.js';
import { SyncConfigError } from '../../../offline-store/sync/errors.js';
import { generateSigningKey, signingIdentity } from '../../../offline-store/sync/signing.js';
import { sampleSubmit } from '../../unit/store/helpers.js';
import { FaultProxy, linkFaults, type LinkFault } from '../../tools/fault-proxy.js';
import { storages, type StorageKind } from '../../support/postgres.js';
import { startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function rig(storage: StorageKind) {
  const { server, url } = await startServer({ storage });
  cleanups.push(() => server.dispose());
  const proxy = new FaultProxy(Number(new URL(url).port));
  const proxyUrl = await proxy.start();
  cleanups.push(() => proxy.stop());
  const k = await startKiosk({ server, url: proxyUrl, sync: { requestTimeoutMs: 2000, batchSize: 50 } });
  cleanups.push(() => k.close());
  return { server, proxy, k };
}

const expectedCode: Record<LinkFault, string> = {
  'http-400': 'unverified',
  'http-404': 'bad-response', // text/plain: refused before its signature is even looked at
  'http-408': 'server',
  'http-413': 'bad-response', // an HTML page
  'proxy-html': 'bad-response',
  'wrong-content-type': 'bad-response',
  'forged-accept': 'unverified',
  'replayed-answer': 'unverified',
};

describe.each(storages)('faults of the link between kiosk and server (%s storage)', (storage) => {
  it.each(linkFaults)('%s on a batch: every application stays pending, then is delivered exactly once', async (fault) => {
    const { server, proxy, k } = await rig(storage);
    // A first, clean application gives the replay fault a genuine answer to replay.
    k.store.applications.submit(sampleSubmit(9, false));
    expect((await k.engine.syncNow()).error).toBeNull();
    // Without attachments, the batch is the pass's first request: it gets the fault.
    const ids = Array.from({ length: 4 }, (_, i) => k.store.applications.submit(sampleSubmit(i, false)).id);
    proxy.inject(fault);
    const r = await k.engine.syncNow();
    expect(proxy.appliedTo).toEqual([{ fault, method: 'POST', path: '/v1/applications/batch' }]);
    expect(r.error?.code).toBe(expectedCode[fault]);
    expect(r).toMatchObject({ accepted: 0, rejected: 0 });
    const reached = (await server.admin.applications()).length > 1;
    expect(reached).toBe(!['forged-accept', 'replayed-answer'].includes(fault));
    for (const id of ids) {
      const local = k.store.applications.summary(id)!;
      if (local.status === 'accepted') expect(local.receiptNumber).toBe((await server.admin.application(id))?.receiptNumber);
      else expect(['queued', 'sending']).toContain(local.status);
    }
    if (!reached) expect(k.store.outbox.stats().count).toBe(4);

    const healed = await k.engine.syncNow();
    expect(healed).toMatchObject({ error: null, rejected: 0 });
    expect(k.store.outbox.stats().count).toBe(0);
    const onServer = await server.admin.applications();
    expect(onServer).toHaveLength(5);
    for (const id of ids) {
      const local = k.store.applications.summary(id)!;
      expect(local.status).toBe('accepted');
      expect(local.receiptNumber).toBe(onServer.find((a) => a.id === id)?.receiptNumber);
    }
  });

  it('a forged, unsigned "accepted" is refused: nothing is marked sent, and nothing reached the server', async () => {
    const { server, proxy, k } = await rig(storage);
    const ids = Array.from({ length: 10 }, (_, i) => k.store.applications.submit(sampleSubmit(i, false)).id);
    proxy.inject('forged-accept');
    const r = await k.engine.syncNow();
    expect(r.error).toMatchObject({ code: 'unverified' });
    expect(await server.admin.applications()).toHaveLength(0);
    expect(k.store.outbox.stats().count).toBe(10);
    for (const id of ids) expect(k.store.applications.summary(id)?.receiptNumber ?? null).toBeNull();
    // The link flag does not believe a forger either.
    expect(k.engine.status.online).toBe(false);
    expect((await k.engine.syncNow()).accepted).toBe(10);
    expect(await server.admin.applications()).toHaveLength(10);
  });

  it('a storm of link faults on uploads and batches: none lost, none doubled, none wrongly rejected', { timeout: 120_000 }, async () => {
    const { server, proxy, k } = await rig(storage);
    const ids = new Set(Array.from({ length: 30 }, (_, i) => k.store.applications.submit(sampleSubmit(i)).id));
    proxy.faultEvery(2, linkFaults);
    // Until every kind of fault has hit the link at least once: if the outbox empties first (how
    // many requests a pass makes depends on timing), more applications keep the storm going.
    const allApplied = () => linkFaults.every((f) => proxy.applied.includes(f));
    for (let round = 0; round < 300 && (k.store.outbox.stats().count > 0 || !allApplied()); round++) {
      if (k.store.outbox.stats().count === 0) ids.add(k.store.applications.submit(sampleSubmit(ids.size)).id);
      await k.engine.syncNow();
    }
    proxy.faultEvery(0);
    expect(new Set(proxy.applied)).toEqual(new Set(linkFaults));
    for (let round = 0; round < 20 && k.store.outbox.stats().count > 0; round++) await k.engine.syncNow();
    expect(k.store.outbox.stats().count).toBe(0);
    const onServer = await server.admin.applications();
    expect(onServer).toHaveLength(ids.size);
    expect(new Set(onServer.map((a) => a.id))).toEqual(ids);
    expect(k.store.applications.list({ statuses: ['rejected'] })).toHaveLength(0);
  });
});

describe('the sync URL', () => {
  const key = signingIdentity(generateSigningKey());
  const client = (baseUrl: string) =>
    new SyncClient({ baseUrl, kioskId: 'k', identity: key, serverPublicKeyPem: key.publicKeyPem, requestTimeoutMs: 1000, maxResponseBytes: 4096, maxSockets: 1 });

  it('plain http:// is refused for anything but this machine, with a typed config error', () => {
    for (const url of ['http://10.0.0.5:8740', 'http://sync.example.gov.cn', 'http://128.0.0.1', 'http://[::2]:80', 'http://127.0.0.1.example.com']) {
      expect(() => client(url), url).toThrow(SyncConfigError);
      try {
        client(url);
      } catch (e) {
        expect((e as SyncConfigError).code).toBe('insecure-url');
        expect((e as Error).message).toContain('https://');
      }
    }
    for (const url of ['https://sync.example.gov.cn', 'http://127.0.0.1:8740', 'http://127.8.9.10', 'http://[::1]:8740', 'http://localhost:8740']) {
      client(url).close();
    }
  });

  it('the station config says so at start, and asks for the server key with a URL', () => {
    const insecure = syncConfigSchema.safeParse({ server: 'http://192.168.1.20:8740', serverPublicKey: key.publicKeyPem });
    expect(insecure.success).toBe(false);
    expect(insecure.error?.issues[0]?.message).toContain('plain http://');
    const keyless = syncConfigSchema.safeParse({ server: 'https://sync.example.gov.cn' });
    expect(keyless.error?.issues.map((i) => i.path.join('.'))).toEqual(['serverPublicKey']);
    expect(syncConfigSchema.parse({ server: 'https://sync.example.gov.cn', serverPublicKey: key.publicKeyPem }).server).toBe('https://sync.example.gov.cn');
    expect(syncConfigSchema.parse({}).server).toBe('embedded');
  });
});
