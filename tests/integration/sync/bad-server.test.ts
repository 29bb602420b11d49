// Bad server answers — garbage JSON, the wrong schema, a 200 carrying an error,
// a huge body, a server that stalls mid-response, truncated and mis-encoded
// bodies, 5xx — become typed errors and retries; nothing is lost or doubled.
// The faults replace answers *after* the real server processed the request, so
// the retries also prove the idempotency rules. The proxy signs its broken
// answers with the server's key: these are the server's own bugs, not a forger's
// (link-faults.test.ts has those).
import { afterEach, describe, expect, it } from 'vitest';
import { SyncError } from '../../../offline-store/sync/errors.js';
import { sampleSubmit } from '../../unit/store/helpers.js';
import { FaultProxy, faults } from '../../tools/fault-proxy.js';
import { storages } from '../../support/postgres.js';
import { startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const expectedCode: Record<(typeof faults)[number], string> = {
  garbage: 'bad-response',
  'wrong-schema': 'bad-response',
  'error-in-200': 'bad-response',
  huge: 'too-large',
  stall: 'timeout',
  truncated: 'network',
  'bad-gzip': 'bad-response',
  'http-429': 'server',
  'http-500': 'server',
  'http-503': 'server',
};

describe.each(storages)('bad server answers (%s storage)', (storage) => {
  it.each(faults)('%s → a typed error, then a clean retry', async (fault) => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const proxy = new FaultProxy(Number(new URL(url).port), { signAs: server.identity });
    const proxyUrl = await proxy.start();
    cleanups.push(() => proxy.stop());
    const k = await startKiosk({ server, url: proxyUrl, sync: { requestTimeoutMs: 400, maxResponseBytes: 1024 * 1024 } });
    cleanups.push(() => k.close());
    k.store.applications.submit(sampleSubmit(0));
    proxy.inject(fault);
    const r = await k.engine.syncNow();
    expect(r.error?.code).toBe(expectedCode[fault]);
    expect(k.engine.status.lastError?.code).toBe(expectedCode[fault]);
    expect(k.store.outbox.stats().count).toBe(1);
    const again = await k.engine.syncNow();
    expect(again.error).toBeNull();
    expect(k.store.outbox.stats().count).toBe(0);
    expect(await server.admin.applications()).toHaveLength(1);
  });

  it('a storm of every fault on uploads and batches loses nothing and doubles nothing', { timeout: 120_000 }, async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const proxy = new FaultProxy(Number(new URL(url).port), { signAs: server.identity });
    const proxyUrl = await proxy.start();
    cleanups.push(() => proxy.stop());
    const k = await startKiosk({ server, url: proxyUrl, sync: { requestTimeoutMs: 300, maxResponseBytes: 1024 * 1024, batchSize: 5, chunkBytes: 3000, concurrency: 2 } });
    cleanups.push(() => k.close());
    const ids = new Set(Array.from({ length: 40 }, (_, i) => k.store.applications.submit(sampleSubmit(i)).id));
    // Every third request of each route (change feed, chunk upload, batch) gets the next fault in turn.
    proxy.faultEvery(3, faults, { perRoute: true });
    // Record every typed error the client raises, not only the first of each pass.
    const codes = new Set<string>();
    for (const m of ['changes', 'uploadChunk', 'submitBatch'] as const) {
      const original = k.client[m].bind(k.client) as (...a: unknown[]) => Promise<unknown>;
      (k.client as unknown as Record<string, unknown>)[m] = (...a: unknown[]) =>
        original(...a).catch((e: unknown) => {
          codes.add(e instanceof SyncError ? e.code : `untyped:${(e as Error)?.name}`);
          throw e;
        });
    }
    // Until every fault has hit and every route has been hit: if the outbox empties first (how
    // many requests a pass makes depends on timing), more applications keep the storm going.
    const routes = ['GET /v1/changes', 'PUT /v1/uploads/:id', 'POST /v1/applications/batch'];
    const covered = () => faults.every((f) => proxy.applied.includes(f)) && routes.every((r) => proxy.appliedTo.some((a) => `${a.method} ${a.path}` === r));
    for (let round = 0; round < 300 && (k.store.outbox.stats().count > 0 || !covered()); round++) {
      if (k.store.outbox.stats().count === 0) ids.add(k.store.applications.submit(sampleSubmit(ids.size)).id);
      await k.engine.syncNow();
    }
    proxy.faultEvery(0);
    for (let round = 0; round < 20 && k.store.outbox.stats().count > 0; round++) await k.engine.syncNow();
    expect(k.store.outbox.stats().count).toBe(0);
    expect(new Set(proxy.applied)).toEqual(new Set(faults));
    const hit = new Set(proxy.appliedTo.map((a) => `${a.method} ${a.path}`));
    expect(hit).toEqual(new Set(routes));
    expect(codes).toEqual(new Set(['bad-response', 'too-large', 'timeout', 'network', 'server']));
    const onServer = await server.admin.applications();
    expect(new Set(onServer.map((a) => a.id))).toEqual(ids);
    expect(onServer).toHaveLength(ids.size);
    expect(k.store.applications.list({ statuses: ['rejected'] })).toHaveLength(0);
  });
});
