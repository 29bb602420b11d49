// The whole path over a real socket: enqueue → upload attachments → batch →
// receipt; the server marks completed/rejected → the kiosk learns it by cursor.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { residents, sampleSubmit } from '../../unit/store/helpers.js';
import { storages } from '../../support/postgres.js';
import { drain, startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(storages)('sync round trip (%s storage)', (storage) => {
  it('uploads applications with attachments once, and brings back completions and rejections', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url, sync: { chunkBytes: 3000 } });
    cleanups.push(() => k.close());
    const ids = Array.from({ length: 7 }, (_, i) => k.store.applications.submit(sampleSubmit(i)).id);
    expect(k.engine.status.pendingCount).toBe(0); // not refreshed until asked
    k.engine.refreshPending();
    expect(k.engine.status.pendingCount).toBe(7);

    const r = await k.engine.syncNow();
    expect(r).toMatchObject({ accepted: 7, rejected: 0, error: null });
    expect(k.engine.status).toMatchObject({ online: true, pendingCount: 0, lastError: null });
    const onServer = await server.admin.applications();
    expect(onServer.map((a) => a.id).sort()).toEqual([...ids].sort());
    for (const a of onServer) {
      for (const att of a.attachments) {
        const bytes = (await server.attachment(att.id))!;
        expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(att.sha256);
      }
    }
    const local = k.store.applications.get(ids[0]!);
    expect(local.status).toBe('accepted');
    expect(local.receiptNumber).toMatch(/^SB-\d{8}-\d{6}$/);

    await server.admin.decide(ids[0]!, 'completed', null);
    await server.admin.decide(ids[1]!, 'rejected', '缺少户口本照片');
    await server.admin.publishCatalogue('2026.12.0', { note: 'new services' });
    const r2 = await k.engine.syncNow();
    expect(r2.downloaded).toBeGreaterThanOrEqual(3);
    expect(k.store.applications.summary(ids[0]!).status).toBe('completed');
    expect(k.store.outbox.latestCatalogue()).toMatchObject({ version: '2026.12.0', payload: { note: 'new services' } });
    expect(k.store.applications.summary(ids[1]!)).toMatchObject({ status: 'rejected', reason: '缺少户口本照片' });
    // the specialist retries; the server takes the new revision
    k.store.applications.retry(ids[1]!, { kind: 'specialist', id: 'sp-1' });
    await drain(k);
    expect(k.store.applications.summary(ids[1]!).status).toBe('accepted');
    expect(await server.admin.application(ids[1]!)).toMatchObject({ revision: 1, status: 'accepted' });
    expect(await server.admin.applications()).toHaveLength(7);
  });

  it('a server-side validation failure rejects just that application with the server’s reason', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    const good = k.store.applications.submit(sampleSubmit(0));
    const bad = k.store.applications.submit({ ...sampleSubmit(1), serviceId: 'no-such-service' });
    await k.engine.syncNow();
    expect(k.store.applications.summary(good.id).status).toBe('accepted');
    const b = k.store.applications.summary(bad.id);
    expect(b.status).toBe('rejected');
    expect(b.reason).toContain('unknown service');
    expect(k.store.applications.list({ statuses: ['rejected'] })).toHaveLength(1);
  });

  it('social-insurance queries come live when online and from the cache with their fetch time when not', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    const { querySocialInsurance } = await import('../../../offline-store/sync/queries.js');
    const live = await querySocialInsurance(k.store, k.client, k.engine, residents[1].idNumber, () => new Date());
    expect(live.source).toBe('live');
    expect(live.record).toMatchObject({ name: '李德福', insuranceType: '城乡居民基本养老保险' });
    await server.stop();
    const cached = await querySocialInsurance(k.store, k.client, k.engine, residents[1].idNumber, () => new Date());
    expect(cached).toMatchObject({ source: 'cache', fetchedAt: live.fetchedAt, record: { name: '李德福' } });
    expect(k.engine.status.online).toBe(false);
    await expect(querySocialInsurance(k.store, k.client, k.engine, residents[0].idNumber, () => new Date())).rejects.toMatchObject({ code: 'not-found' });
    await server.start();
    await k.engine.syncNow();
    expect(k.engine.status.online).toBe(true);
  });
});
