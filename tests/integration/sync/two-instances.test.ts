// Two server instances on one PostgreSQL database, as a province runs them
// behind a load balancer: a kiosk's retry may reach the other instance, the
// next chunk of an upload too, and both instances write the same kiosk's feed.
// Nothing is duplicated, every retry gets the same receipt, an upload resumes
// where the other instance left it, no reader's cursor passes a feed row
// still to commit, and a TV's call for help reaches its station whichever
// instance each of them talks to.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { H } from '../../../offline-store/sync/protocol.js';
import { sha256Hex } from '../../../offline-store/sync/canonical.js';
import { lockKioskFeed } from '../../../sync-server/storage/postgres/postgres-storage.js';
import { SyncServer } from '../../../sync-server/server.js';
import { freshDatabase, postgresAvailable } from '../../support/postgres.js';
import { photo, sampleSubmit } from '../../unit/store/helpers.js';
import { raw, startKiosk, testMasterKey } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function twoInstances() {
  const db = await freshDatabase();
  const a = await SyncServer.open({ database: db.url, masterKey: testMasterKey });
  cleanups.push(() => a.dispose());
  const b = await SyncServer.open({ database: db.url, masterKey: testMasterKey });
  cleanups.push(() => b.dispose());
  return { db, a, urlA: await a.start(), b, urlB: await b.start() };
}

describe.skipIf(!postgresAvailable())('two server instances on one PostgreSQL database', () => {
  it('share one signing key; a batch through A retried through B (and sent to both at once) gets one receipt and one row', async () => {
    const { a, urlA, b, urlB } = await twoInstances();
    expect(b.publicKeyPem).toBe(a.publicKeyPem);
    // The kiosk only registers its key; the test sends its outbox's wire form by hand, through either instance.
    const k = await startKiosk({ server: a, url: urlA, kioskId: 'k-two' });
    cleanups.push(() => k.close());
    for (let i = 0; i < 4; i++) k.store.applications.submit(sampleSubmit(i, false));
    const wires = k.store.outbox.pending(10).map((p) => p.wire);
    const post = (url: string, apps: unknown[]) =>
      raw(url, { method: 'POST', path: '/v1/applications/batch', body: Buffer.from(JSON.stringify({ applications: apps })), kioskId: 'k-two', key: k.identity.privateKey });

    const first = await post(urlA, wires.slice(0, 2));
    expect(first.json.results?.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    const retry = await post(urlB, wires.slice(0, 2));
    expect(retry.json.results?.map((r) => r.outcome)).toEqual(['replayed', 'replayed']);
    expect(retry.json.results?.map((r) => r.receiptNumber)).toEqual(first.json.results?.map((r) => r.receiptNumber));

    // The same batch reaching both instances at the same moment: one accepts, the other replays.
    const [viaA, viaB] = await Promise.all([post(urlA, wires.slice(2)), post(urlB, wires.slice(2))]);
    const outcomes = [...viaA.json.results!, ...viaB.json.results!].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['accepted', 'accepted', 'replayed', 'replayed']);
    expect(viaA.json.results?.map((r) => r.receiptNumber)).toEqual(viaB.json.results?.map((r) => r.receiptNumber));

    const onServer = await b.admin.applications();
    expect(onServer).toHaveLength(4);
    expect(new Set(onServer.map((x) => x.receiptNumber)).size).toBe(4);
    // One feed entry per acceptance, whichever instance is asked.
    const feed = await raw(urlB, { path: '/v1/changes?after=0', kioskId: 'k-two', key: k.identity.privateKey });
    expect((feed.json as unknown as { changes: { applicationId: string }[] }).changes.map((c) => c.applicationId).sort()).toEqual(onServer.map((x) => x.id).sort());
  });

  it('an upload switches instance between chunks and resumes where the other instance left it', async () => {
    const { a, urlA, b, urlB } = await twoInstances();
    const key = crypto.generateKeyPairSync('ed25519');
    await a.admin.registerKiosk('k-up', key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const pic = photo(60 * 1024, 7);
    const id = '0190a1b2-c3d4-7e5f-8a9b-000000000777';
    const chunk = (url: string, offset: number, bytes: Buffer) =>
      raw(url, {
        method: 'PUT',
        path: `/v1/uploads/${id}`,
        body: bytes,
        kioskId: 'k-up',
        key: key.privateKey,
        headers: { 'content-type': 'application/octet-stream', [H.uploadOffset]: String(offset), [H.uploadLength]: String(pic.data.length), [H.uploadSha256]: pic.sha256 },
      });
    const size = 16 * 1024;
    const parts = Array.from({ length: Math.ceil(pic.data.length / size) }, (_, i) => pic.data.subarray(i * size, (i + 1) * size));
    expect((await chunk(urlA, 0, parts[0]!)).json).toMatchObject({ received: size, complete: false });
    // The kiosk asks the other instance where to resume, and sends the rest alternating.
    expect((await raw(urlB, { path: `/v1/uploads/${id}`, kioskId: 'k-up', key: key.privateKey })).json).toMatchObject({ received: size });
    // A chunk resent to the other instance at an old offset is told where to resume, not stored twice.
    const stale = await chunk(urlB, 0, parts[0]!);
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ received: size });
    let offset = size;
    for (const [i, p] of parts.slice(1).entries()) {
      const r = await chunk(i % 2 === 0 ? urlB : urlA, offset, p);
      expect(r.status).toBe(200);
      offset += p.length;
    }
    expect((await raw(urlA, { path: `/v1/uploads/${id}`, kioskId: 'k-up', key: key.privateKey })).json).toMatchObject({ received: pic.data.length, complete: true });
    expect(sha256Hex((await b.attachment(id))!)).toBe(pic.sha256);
    expect(sha256Hex((await a.attachment(id))!)).toBe(pic.sha256);
  });

  it('a feed row still to commit holds back every later one: a reader never moves its cursor past it', async () => {
    const { db, a, urlA, b, urlB } = await twoInstances();
    const k = await startKiosk({ server: a, url: urlA, kioskId: 'k-feed' });
    cleanups.push(() => k.close());
    k.store.applications.submit(sampleSubmit(0, false));
    const wire = k.store.outbox.pending(1)[0]!.wire;
    const feed = async (after: number) =>
      (await raw(urlB, { path: `/v1/changes?after=${after}`, kioskId: 'k-feed', key: k.identity.privateKey })).json as unknown as {
        changes: { seq: number; kind: string }[];
        nextCursor: number;
      };

    // A slow writer of this kiosk's feed (as a batch on a third instance would be): it has its seq, and has not committed.
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    cleanups.push(() => slow.end());
    await slow.query('BEGIN');
    await lockKioskFeed(slow, 'k-feed');
    const held = Number(
      (await slow.query<{ seq: string }>("INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, at) VALUES ('k-feed', 'application-status', $1, 'completed', 'SB-X', $2) RETURNING seq", [crypto.randomUUID(), new Date().toISOString()]))
        .rows[0]!.seq,
    );
    // Meanwhile a batch through instance A and a catalogue through instance B want the feed too.
    const batch = raw(urlA, { method: 'POST', path: '/v1/applications/batch', body: Buffer.from(JSON.stringify({ applications: [wire] })), kioskId: 'k-feed', key: k.identity.privateKey });
    const catalogue = b.admin.publishCatalogue('2026.12.5', { note: 'while a writer holds the feed' });
    let settled = 0;
    void batch.finally(() => settled++);
    void catalogue.finally(() => settled++);
    const watcher = new pg.Client({ connectionString: db.url });
    await watcher.connect();
    cleanups.push(() => watcher.end());
    // Both are queued behind the slow writer's locks (a state, polled; not a pause), or,
    // were nothing to hold them, done.
    while (settled < 2) {
      const waiting = Number((await watcher.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0]!.n);
      if (waiting >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // Nothing past the held seq is visible to a reader while it is held.
    const during = await feed(0);
    expect(during.changes.filter((c) => c.seq > held)).toEqual([]);
    await slow.query('COMMIT');
    expect((await batch).json.results?.[0]).toMatchObject({ outcome: 'accepted' });
    await catalogue;
    const after = await feed(during.nextCursor);
    const seqs = after.changes.map((c) => c.seq);
    expect(seqs[0]).toBe(held);
    expect(after.changes.map((c) => c.kind).sort()).toEqual(['application-status', 'application-status', 'catalogue']);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });

  it('a TV box\'s call for help through one instance is seen, answered and ended by its station through the other', async () => {
    const { a, urlA, b, urlB } = await twoInstances();
    const tv = await startKiosk({ server: a, url: urlA, kioskId: 'tv-home' });
    cleanups.push(() => tv.close());
    const station = await startKiosk({ server: b, url: urlB, kioskId: 'station-s1' });
    cleanups.push(() => station.close());
    const id = crypto.randomUUID();
    await tv.client.openHelpCall({ id, toStation: 'station-s1', reason: 'asked', serviceId: null });
    // Held in the database, not in instance A's memory: B lists it for the station.
    expect((await station.client.helpCallsForMe()).map((c) => c.id)).toEqual([id]);
    await station.client.acknowledgeHelpCall(id, '李敏');
    expect((await tv.client.helpCall(id)).acknowledged?.by).toBe('李敏');
    await tv.client.endHelpCall(id);
    expect(await station.client.helpCallsForMe()).toEqual([]);
  });

  it('/healthz answers 200 while the database answers, 503 when it is gone', async () => {
    const { db, urlA, urlB } = await twoInstances();
    for (const url of [urlA, urlB]) {
      const r = await fetch(`${url}/healthz`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true, storage: 'postgres' });
    }
    const admin = new pg.Client({ connectionString: db.url.replace(`/${db.name}`, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE ${db.name} WITH (FORCE)`);
    await admin.end();
    const gone = await fetch(`${urlA}/healthz`);
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({ ok: false, storage: 'postgres' });
  });
});
