// The whole file is encrypted: no ID number, name or address appears in the raw
// database or WAL bytes, and a wrong key is a typed error, not garbage.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySecretStore, DATABASE_KEY_NAME, type SecretStore } from '../../../offline-store/keys/secret-store.js';
import { keyFileSecretStore } from '../../../offline-store/keys/key-file-store.js';
import { openTestStore, residents, sampleSubmit, tempDir } from './helpers.js';

function rawFiles(dir: string): Buffer {
  const folder = path.join(dir, 'store');
  return Buffer.concat(fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f))));
}

describe('encryption at rest', () => {
  it('leaves no ID number, name or address in clear in the database or WAL files', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    for (let i = 0; i < 30; i++) store.applications.submit(sampleSubmit(i));
    store.cache.put('social-insurance', residents[1].idNumber, { name: residents[1].name }, new Date().toISOString());
    // WAL still holds the recent pages: scan before and after a checkpoint.
    expect(fs.statSync(path.join(dir, 'store', 'kiosk.db-wal')).size).toBeGreaterThan(0);
    const needles = residents.flatMap((r) => [r.idNumber, r.name, r.address, r.address.slice(0, 6)]).map((s) => Buffer.from(s, 'utf8'));
    needles.push(Buffer.from('13800138000'), Buffer.from('SQLite format 3'));
    for (const n of needles) expect(rawFiles(dir).includes(n), `found ${n.toString()}`).toBe(false);
    store.checkpoint();
    store.close();
    for (const n of needles) expect(rawFiles(dir).includes(n), `found ${n.toString()} after checkpoint`).toBe(false);
  });

  it('keeps the database, its WAL and SHM files readable by their owner only, tightening a loosened one', async () => {
    const dir = tempDir();
    const secrets = memorySecretStore();
    const store = await openTestStore(dir, { secrets });
    store.applications.submit(sampleSubmit(0));
    const files = ['kiosk.db', 'kiosk.db-wal', 'kiosk.db-shm'].map((f) => path.join(dir, 'store', f));
    for (const f of files) expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe('600');
    store.close();
    fs.chmodSync(files[0]!, 0o644);
    const again = await openTestStore(dir, { secrets });
    expect((fs.statSync(files[0]!).mode & 0o777).toString(8)).toBe('600');
    again.close();
  });

  it('refuses a wrong key with a clear typed error', async () => {
    const dir = tempDir();
    const s1 = await openTestStore(dir);
    s1.applications.submit(sampleSubmit(0));
    s1.close();
    const other: SecretStore = memorySecretStore();
    await expect(openTestStore(dir, { secrets: other })).rejects.toMatchObject({ name: 'StoreError', code: 'wrong-key' });
  });

  it('reopens with the same key from a 0600 key file kept outside the database folder', async () => {
    const dir = tempDir();
    const secrets = keyFileSecretStore(path.join(dir, 'keys'));
    const s1 = await openTestStore(dir, { secrets });
    const a = s1.applications.submit(sampleSubmit(0));
    s1.close();
    const keyFile = path.join(dir, 'keys', `${DATABASE_KEY_NAME}.key`);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keyFile).size).toBe(32);
    expect(fs.existsSync(path.join(dir, 'store', `${DATABASE_KEY_NAME}.key`))).toBe(false);
    const s2 = await openTestStore(dir, { secrets: keyFileSecretStore(path.join(dir, 'keys')) });
    expect(s2.applications.get(a.id).applicantName).toBe(residents[0].name);
    s2.close();
  });

  it('two processes creating the key at once end up with one key', async () => {
    const dir = tempDir();
    const a = keyFileSecretStore(path.join(dir, 'keys'));
    const b = keyFileSecretStore(path.join(dir, 'keys'));
    const [ka, kb] = await Promise.all([a.getOrCreate('k', () => crypto.randomBytes(32)), b.getOrCreate('k', () => crypto.randomBytes(32))]);
    expect(ka.equals(kb)).toBe(true);
  });
});
