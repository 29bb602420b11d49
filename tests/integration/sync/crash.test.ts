// Crash: a real kiosk process enqueues and syncs while being killed with SIGKILL
// at random moments, 200 times (during start-up, mid-enqueue, mid-upload,
// mid-batch). Afterwards the server holds every enqueued application exactly
// once, with its receipt matching the kiosk's, and every attachment intact.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { DATABASE_KEY_NAME } from '../../../offline-store/keys/secret-store.js';
import { CRASH_KIOSK_ID, killKioskRepeatedly, openCrashKiosk } from '../../support/crash-kiosk.js';
import { tempDir } from '../../unit/store/helpers.js';
import { storages } from '../../support/postgres.js';
import { startServer } from './harness.js';

const KILLS = Number(process.env.XY_CRASH_KILLS ?? 200);
// The kiosk is what gets killed, the same code whatever the server stores in; against
// PostgreSQL fewer kills prove the server side and keep CI time modest.
const KILLS_POSTGRES = Number(process.env.XY_CRASH_KILLS_PG ?? 50);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(storages)('crash safety (%s storage)', (storage) => {
  const KILLS_HERE = storage === 'postgres' ? KILLS_POSTGRES : KILLS;
  it(`${KILLS_HERE} SIGKILLs while enqueueing and syncing: every application on the server exactly once, attachments intact`, { timeout: 600_000 }, async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const dataDir = tempDir('xy-crash-');
    const { reported, killedBeforeReady, secrets } = await killKioskRepeatedly({
      kills: KILLS_HERE,
      dataDir,
      url,
      serverPublicKeyPem: server.publicKeyPem,
      register: (id, pem) => server.admin.registerKiosk(id, pem),
    });

    // A last kiosk start drains the outbox.
    const k = await openCrashKiosk({ dataDir, secrets, url, serverPublicKeyPem: server.publicKeyPem });
    cleanups.push(() => k.close());
    for (let i = 0; i < 20 && k.store.outbox.stats().count > 0; i++) await k.engine.syncNow();

    const local = k.store.applications.list({ limit: 100_000 });
    const localIds = new Set(local.map((a) => a.id));
    expect(reported.size).toBeGreaterThan(KILLS_HERE);
    for (const id of reported) expect(localIds.has(id), `reported ${id} missing from the store`).toBe(true);
    expect(local.every((a) => a.status === 'accepted')).toBe(true);

    const onServer = await server.admin.applications({ kioskId: CRASH_KIOSK_ID });
    expect(onServer.length).toBe(local.length);
    expect(new Set(onServer.map((a) => a.id))).toEqual(localIds);
    const receipts = new Map(local.map((a) => [a.id, a.receiptNumber]));
    for (const a of onServer) {
      expect(a.receiptNumber).toBe(receipts.get(a.id));
      const detail = k.store.applications.get(a.id);
      expect(a.attachments.map((x) => x.sha256)).toEqual(detail.attachments.map((x) => x.sha256));
      for (const att of a.attachments) {
        const bytes = (await server.attachment(att.id))!;
        expect(bytes.length).toBe(att.size);
        expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(att.sha256);
      }
    }
    expect(new Set(onServer.map((a) => a.receiptNumber)).size).toBe(onServer.length);

    // And the kiosk's file itself is sound after 200 hard kills.
    const key = await secrets.getOrCreate(DATABASE_KEY_NAME, () => Buffer.alloc(0));
    const db = openEncryptedDatabase({ file: path.join(dataDir, 'store', 'kiosk.db'), key, readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    console.info(`crash test: ${KILLS_HERE} kills (${storage}) (${killedBeforeReady} during start-up), ${local.length} applications, ${reported.size} reported before their kill`);
  });
});
