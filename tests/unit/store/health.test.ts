// Disk full, read-only, corrupt: a typed error and a health state the specialist
// sees; nothing silently dropped, and the store recovers when the cause is gone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { OfflineStore, type StoreHealth } from '../../../offline-store/store.js';
import { openTestStore, sampleSubmit, tempDir } from './helpers.js';

describe('store health', () => {
  it('disk full: the submit fails with disk-full, health turns error, and recovers after space returns', async () => {
    const dir = tempDir();
    const seen: StoreHealth[] = [];
    const store = await openTestStore(dir, { onHealth: (h) => seen.push(h) });
    store.applications.submit(sampleSubmit(0));
    // SQLite's own size limit yields the same SQLITE_FULL a full disk does.
    const db = (store as unknown as { db: { pragma(s: string, o?: unknown): unknown } }).db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let err: unknown;
    for (let i = 0; i < 20 && !err; i++) {
      try {
        store.applications.submit(sampleSubmit(i));
      } catch (e) {
        err = e;
      }
    }
    expect(err).toMatchObject({ name: 'StoreError', code: 'disk-full' });
    expect(store.currentHealth).toMatchObject({ state: 'error', code: 'disk-full' });
    const countBefore = store.applications.list({ limit: 500 }).length;
    db.pragma('max_page_count = 1073741823');
    store.applications.submit(sampleSubmit(1));
    expect(store.applications.list({ limit: 500 })).toHaveLength(countBefore + 1);
    expect(seen.at(-1)).toEqual({ state: 'ok' });
    store.close();
  });

  it('read-only file: writes fail with read-only, reads still work', async () => {
    const dir = tempDir();
    const secrets = memorySecretStore();
    const s1 = await openTestStore(dir, { secrets });
    s1.applications.submit(sampleSubmit(0));
    s1.close();
    const file = path.join(dir, 'store', 'kiosk.db');
    const ro = await OfflineStore.open({ file, secrets, readonly: true });
    expect(ro.applications.list()).toHaveLength(1);
    expect(() => ro.applications.submit(sampleSubmit(1))).toThrow(expect.objectContaining({ code: 'read-only' }));
    expect(ro.currentHealth).toMatchObject({ state: 'error', code: 'read-only' });
    ro.close();
  });

  it('a damaged file is refused at open with a typed error', async () => {
    const dir = tempDir();
    const secrets = memorySecretStore();
    const s1 = await openTestStore(dir, { secrets });
    for (let i = 0; i < 10; i++) s1.applications.submit(sampleSubmit(i));
    s1.close();
    const file = path.join(dir, 'store', 'kiosk.db');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    fs.closeSync(fd);
    await expect(openTestStore(dir, { secrets })).rejects.toMatchObject({ name: 'StoreError', code: expect.stringMatching(/wrong-key|corrupt/) });
  });

  it('a damaged page deep in the file surfaces as corrupt on read, not garbage', async () => {
    const dir = tempDir();
    const secrets = memorySecretStore();
    const s1 = await openTestStore(dir, { secrets });
    for (let i = 0; i < 40; i++) s1.applications.submit(sampleSubmit(i));
    s1.close();
    const file = path.join(dir, 'store', 'kiosk.db');
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    for (let off = 8192; off < size; off += 4096 * 3) fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, off + 100);
    fs.closeSync(fd);
    let err: unknown;
    try {
      const s2 = await openTestStore(dir, { secrets });
      try {
        for (const a of s2.applications.list({ limit: 100 })) s2.applications.get(a.id);
      } finally {
        s2.close();
      }
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ name: 'StoreError', code: expect.stringMatching(/corrupt|wrong-key/) });
  });
});
