// 100 connection drops during a sync of 500 applications: none lost, none
// duplicated. Drops happen while requests are in flight (the emulator resets
// every open connection whenever it sees traffic, up to 100 times), so some land
// after the server committed and before the kiosk heard: the idempotency path.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleSubmit } from '../../unit/store/helpers.js';
import { LinkEmulator } from '../../tools/link-emulator.js';
import { storages } from '../../support/postgres.js';
import { startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(storages)('link flaps (%s storage)', (storage) => {
  it('survives 100 drops while syncing 500 applications: none lost, none duplicated', { timeout: 240_000 }, async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const link = new LinkEmulator({ targetPort: Number(new URL(url).port), rttMs: 10, bandwidthBps: 4_000_000 });
    const linkUrl = await link.start();
    cleanups.push(() => link.stop());
    const k = await startKiosk({ server, url: linkUrl, sync: { batchSize: 20, chunkBytes: 4096, concurrency: 3, backoffBaseMs: 5, backoffMaxMs: 40 } });
    cleanups.push(() => k.close());
    const ids = new Set<string>();
    for (let i = 0; i < 500; i++) ids.add(k.store.applications.submit(sampleSubmit(i, i % 2 === 0)).id);

    // Drop every open connection at irregular moments while the outbox is not empty.
    let drops = 0;
    let pending = 500;
    const dropper = setInterval(() => {
      if (drops < 100 && pending > 0 && link.openConnections > 0 && Math.random() < 0.3) {
        link.resetAll();
        drops++;
      }
    }, 10);
    cleanups.push(() => clearInterval(dropper));
    const started = Date.now();
    while (pending > 0 && Date.now() - started < 200_000) {
      await k.engine.syncNow();
      pending = k.store.outbox.stats().count;
    }
    clearInterval(dropper);
    await k.engine.syncNow();

    expect(drops).toBe(100);
    expect(k.store.outbox.stats().count).toBe(0);
    const onServer = await server.admin.applications();
    expect(onServer).toHaveLength(500);
    expect(new Set(onServer.map((a) => a.id))).toEqual(ids);
    expect(new Set(onServer.map((a) => a.receiptNumber)).size).toBe(500);
    for (const a of onServer) {
      expect(a.revision).toBe(0);
      for (const att of a.attachments) {
        expect(crypto.createHash('sha256').update((await server.attachment(att.id))!).digest('hex')).toBe(att.sha256);
      }
    }
    const local = k.store.applications.list({ limit: 200, statuses: ['accepted'] });
    expect(local).toHaveLength(200);
    expect(k.store.applications.list({ limit: 500, statuses: ['rejected'] })).toHaveLength(0);
  });
});
