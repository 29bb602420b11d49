// A bad change feed must never stall uploads: a feed that always says `more`, a
// feed that answers 500, a catalogue version the kiosk's schema cannot take.
// Uploads go first and never wait on the feed; the feed is read a bounded
// number of pages per pass; the server refuses at publish time what its feed
// could not carry, and skips a row that slipped in anyway.
import { afterEach, describe, expect, it } from 'vitest';
import { openServerDatabase } from '../../../sync-server/db.js';
import { AdminError } from '../../../sync-server/admin.js';
import { sampleSubmit } from '../../unit/store/helpers.js';
import { FaultProxy } from '../../tools/fault-proxy.js';
import { startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A kiosk behind a proxy that plays the server's change feed (signed with the server's key) as `feed` says. */
async function rig(feed: (after: number) => { status: number; value: unknown }) {
  const { server, url, dir } = await startServer();
  cleanups.push(() => server.dispose());
  let feedRequests = 0;
  const proxy = new FaultProxy(Number(new URL(url).port), {
    signAs: server.identity,
    answerWith: (method, path) => {
      if (!path.startsWith('/v1/changes')) return null;
      feedRequests++;
      return feed(Number(new URL(path, 'http://x').searchParams.get('after')));
    },
  });
  const proxyUrl = await proxy.start();
  cleanups.push(() => proxy.stop());
  const k = await startKiosk({ server, url: proxyUrl, sync: { maxFeedPages: 5 } });
  cleanups.push(() => k.close());
  return { server, k, dir, requests: () => feedRequests };
}

describe('the change feed cannot stall uploads', () => {
  it('a feed that always says more: the pass ends after maxFeedPages pages, and every upload is delivered', async () => {
    let served = 0;
    const { server, k, requests } = await rig((after) => {
      served++;
      // Give up after 200 pages so that a kiosk without a bound ends too (and fails the count below).
      const more = served < 200;
      const change = { seq: after + 1, kind: 'catalogue', version: `2026.12.${after}`, payload: {}, at: '2026-12-01T00:00:00.000Z' };
      return { status: 200, value: { changes: [change], nextCursor: after + 1, more } };
    });
    for (let i = 0; i < 3; i++) k.store.applications.submit(sampleSubmit(i, false));
    const r = await k.engine.syncNow();
    expect(r).toMatchObject({ error: null, accepted: 3 });
    expect(requests()).toBe(5);
    expect(await server.admin.applications()).toHaveLength(3);
    expect(k.store.outbox.getState('cursor')).toBe('5');
    // The next pass reads on from where this one stopped.
    await k.engine.syncNow();
    expect(k.store.outbox.getState('cursor')).toBe('10');
  });

  it('a feed that says more but does not move its cursor is a bad answer, not a loop', async () => {
    const { k, requests } = await rig(() => ({ status: 200, value: { changes: [], nextCursor: 0, more: true } }));
    k.store.applications.submit(sampleSubmit(0, false));
    const r = await k.engine.syncNow();
    expect(r).toMatchObject({ accepted: 1, error: { code: 'bad-response' } });
    expect(requests()).toBe(1);
  });

  it('a feed answering 500: uploads still go through, the pass reports the feed error', async () => {
    const { server, k } = await rig(() => ({ status: 500, value: { error: { code: 'internal', message: 'the server failed to handle this request' } } }));
    for (let i = 0; i < 3; i++) k.store.applications.submit(sampleSubmit(i));
    const r = await k.engine.syncNow();
    expect(r).toMatchObject({ accepted: 3, error: { code: 'server' } });
    expect(k.store.outbox.stats().count).toBe(0);
    expect(await server.admin.applications()).toHaveLength(3);
  });
});

describe('catalogue publishing', () => {
  it('a version over 32 characters (or not a label) is refused at publish time with a typed error', async () => {
    const { server, url } = await startServer();
    cleanups.push(() => server.dispose());
    for (const version of ['2026.12.0-' + 'x'.repeat(30), '', '../etc', '2026 12']) {
      await expect(server.admin.publishCatalogue(version, { services: [] }), version).rejects.toThrow(AdminError);
    }
    await expect(server.admin.publishCatalogue('2026.12.0', 'not an object')).rejects.toThrow(AdminError);
    await expect(server.admin.publishCatalogue('2026.12.0', { blob: 'x'.repeat(1024 * 1024) })).rejects.toThrow(/under/);
    await server.admin.publishCatalogue('2026.12.0', { note: 'fine' });
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    expect(await k.engine.syncNow()).toMatchObject({ error: null, downloaded: 1 });
  });

  it('a bad row already in the feed (an older server wrote it) is skipped, not a 500 for every kiosk', async () => {
    const { server, url, dir } = await startServer();
    cleanups.push(() => server.dispose());
    const db = openServerDatabase(dir);
    db.prepare("INSERT INTO changes (kiosk_id, kind, payload_json, at) VALUES (NULL, 'catalogue', ?, ?)").run(JSON.stringify({ version: 'v'.repeat(40), payload: {} }), '2026-12-01T00:00:00.000Z');
    db.close();
    await server.admin.publishCatalogue('2026.12.1', { note: 'after the bad one' });
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    k.store.applications.submit(sampleSubmit(0, false));
    const r = await k.engine.syncNow();
    expect(r).toMatchObject({ error: null, accepted: 1 });
    expect(k.store.outbox.latestCatalogue()?.version).toBe('2026.12.1');
    expect(k.store.outbox.getState('cursor')).not.toBe('0');
  });
});
