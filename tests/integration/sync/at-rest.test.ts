// The sync server's store at rest: what a copy of its folder (or its database
// administrator) sees. Residents' ID numbers, names, phones, addresses, photos
// and the server's private key are sealed (AES-256-GCM, per-record nonce, bound
// to their row); the master key that wraps the data key is never in the folder;
// a new master key re-wraps the data key; a database an older server wrote in
// clear is sealed on first open; and attachments of finished applications are
// purged after the retention period.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../offline-store/db/sqlite.js';
import { querySocialInsurance } from '../../../offline-store/sync/queries.js';
import { generateSigningKey, signingIdentity } from '../../../offline-store/sync/signing.js';
import { openServerDatabase, serverSchemaSteps, uploadFile } from '../../../sync-server/db.js';
import { demoRecord, demoResidents } from '../../../sync-server/demo-data.js';
import { MasterKeyError, readMasterKeyFile, writeNewMasterKeyFile } from '../../../sync-server/master-key.js';
import { SyncServer } from '../../../sync-server/server.js';
import { SealedDataError } from '../../../sync-server/vault.js';
import { ManualClock, photo, residents, sampleSubmit, tempDir } from '../../unit/store/helpers.js';
import { startKiosk, startServer, testMasterKey } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every file a copy of the server folder holds: the database, its WAL and journal, the attachment files. */
function serverFiles(dir: string): string[] {
  const top = fs.readdirSync(dir).filter((f) => f.startsWith('server.db')).map((f) => path.join(dir, f));
  const uploads = fs.readdirSync(path.join(dir, 'uploads')).map((f) => path.join(dir, 'uploads', f));
  return [...top, ...uploads];
}

/** The needles found in clear in any of the files, as `file: needle` lines. */
function findInClear(files: string[], needles: { label: string; bytes: Buffer }[]): string[] {
  const found: string[] = [];
  for (const f of files) {
    const content = fs.readFileSync(f);
    for (const n of needles) if (content.includes(n.bytes)) found.push(`${path.basename(f)}: ${n.label}`);
  }
  return found;
}

const text = (label: string, s: string) => ({ label, bytes: Buffer.from(s, 'utf8') });

function personalNeedles(photos: Buffer[]): { label: string; bytes: Buffer }[] {
  return [
    ...residents.flatMap((r) => [text('id number', r.idNumber), text('name', r.name), text('address', r.address)]),
    ...demoResidents.flatMap((r) => [text('demo id number', r.idNumber), text('demo name', r.name), text('demo phone on file', r.phone)]),
    text('phone', '13800138000'),
    text('bank account', '6217000010001234567'),
    // 64 bytes from the middle of each photo: any copy in clear would hold them.
    ...photos.map((p, i) => ({ label: `photo ${i}`, bytes: p.subarray(4096, 4160) })),
  ];
}

describe('the sync server at rest', () => {
  it('keeps no ID number, name, phone, address, photo or private key in clear in its database, WAL or attachment files', async () => {
    const { server, url, dir } = await startServer();
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url, sync: { chunkBytes: 3000 } });
    cleanups.push(() => k.close());
    const photos: Buffer[] = [];
    for (let i = 0; i < 3; i++) {
      k.store.applications.submit(sampleSubmit(i));
      photos.push(photo(8 * 1024, i + 1).data);
    }
    expect(await k.engine.syncNow()).toMatchObject({ accepted: 3, error: null });
    // Residents' records are read as usual (found by a keyed hash of the ID number).
    const answer = await querySocialInsurance(k.store, k.client, k.engine, residents[1].idNumber, () => new Date());
    expect(answer).toMatchObject({ record: { name: residents[1].name } });
    // The operator still sees whole applications and attachments, through the key.
    const [first] = await server.admin.applications();
    expect(JSON.stringify(await server.admin.body(first!.id))).toMatch(/1[0-9]{17}|X/);
    expect(await server.attachment(first!.attachments[0]!.id)).toHaveLength(8 * 1024);

    const privateKeyDer = server.identity.privateKey.export({ type: 'pkcs8', format: 'der' });
    const needles = [...personalNeedles(photos), { label: 'server private key', bytes: privateKeyDer.subarray(16) }];
    // The scan is real: the same needles are found where they are in clear.
    expect(findInClear([writeTemp(Buffer.concat([Buffer.from('x'), photos[0]!, Buffer.from(residents[0].name)]))], needles).length).toBeGreaterThanOrEqual(2);
    const files = serverFiles(dir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(files.filter((f) => f.includes(`${path.sep}uploads${path.sep}`))).toHaveLength(3);
    expect(findInClear(files, needles)).toEqual([]);
    await server.dispose();
    expect(findInClear(serverFiles(dir), needles)).toEqual([]);
  });

  it('opens only with its master key; a sealed value moved to another row does not open', async () => {
    const { server, url, dir } = await startServer();
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    const a = k.store.applications.submit(sampleSubmit(0, false)).id;
    const b = k.store.applications.submit(sampleSubmit(1, false)).id;
    expect(await k.engine.syncNow()).toMatchObject({ accepted: 2, error: null });
    await server.dispose();

    await expect(SyncServer.open({ dataDir: dir, masterKey: crypto.randomBytes(32) })).rejects.toThrow(expect.objectContaining({ name: 'MasterKeyError', code: 'wrong-master-key' }));
    const db = openServerDatabase(dir);
    db.prepare('UPDATE applications SET body_enc = (SELECT body_enc FROM applications WHERE id = ?) WHERE id = ?').run(a, b);
    db.close();
    const again = await SyncServer.open({ dataDir: dir, masterKey: testMasterKey });
    cleanups.push(() => again.dispose());
    expect(await again.admin.body(a)).toMatchObject({ id: a });
    await expect(again.admin.body(b)).rejects.toThrow(SealedDataError);
  });

  it('rotates the master key from the CLI: the new key opens the server, the old one no longer does', { timeout: 60_000 }, async () => {
    const keys = tempDir('xy-master-keys-');
    const oldKey = path.join(keys, 'old.key');
    const newKey = path.join(keys, 'new.key');
    writeNewMasterKeyFile(oldKey);
    writeNewMasterKeyFile(newKey);
    expect(fs.statSync(oldKey).mode & 0o777).toBe(0o600);
    expect(() => writeNewMasterKeyFile(oldKey)).toThrow(MasterKeyError);

    const dir = tempDir('xy-server-');
    const server = await SyncServer.open({ dataDir: dir, masterKey: readMasterKeyFile(oldKey) });
    const url = await server.start();
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    const id = k.store.applications.submit(sampleSubmit(0)).id;
    expect(await k.engine.syncNow()).toMatchObject({ accepted: 1, error: null });
    const publicKey = server.publicKeyPem;
    await server.dispose();

    const withoutKey = await cli('server', 'list', '--server-dir', dir);
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.err).toContain('--master-key-file');
    const rotated = await cli('server', 'rotate-master-key', '--server-dir', dir, '--master-key-file', oldKey, '--new-master-key-file', newKey);
    expect(rotated.err).toBe('');
    expect(rotated.code).toBe(0);

    await expect(SyncServer.open({ dataDir: dir, masterKey: readMasterKeyFile(oldKey) })).rejects.toThrow(expect.objectContaining({ code: 'wrong-master-key' }));
    const list = await cli('server', 'list', '--json', '--server-dir', dir, '--master-key-file', newKey);
    expect((JSON.parse(list.out) as { id: string }[]).map((x) => x.id)).toEqual([id]);
    const reopened = await SyncServer.open({ dataDir: dir, masterKey: readMasterKeyFile(newKey) });
    cleanups.push(() => reopened.dispose());
    expect(reopened.publicKeyPem).toBe(publicKey);
    expect(await reopened.attachment((await reopened.admin.application(id))!.attachments[0]!.id)).toEqual(photo(8 * 1024, 1).data);

    // A key file others can read is refused, not used.
    fs.chmodSync(newKey, 0o644);
    expect(() => readMasterKeyFile(newKey)).toThrow(expect.objectContaining({ code: 'loose-file' }));
  });

  it('seals what an older server (schema version 2) wrote in clear, the first time it is opened with a key', async () => {
    const dir = tempDir('xy-server-legacy-');
    fs.mkdirSync(path.join(dir, 'uploads'));
    const legacy = new Database(path.join(dir, 'server.db'));
    legacy.pragma('journal_mode = WAL');
    for (const step of serverSchemaSteps.slice(0, 2)) step(legacy);
    legacy.pragma('user_version = 2');
    const der = generateSigningKey();
    const pic = photo(8 * 1024, 1);
    const appId = '0190e7a2-0000-7000-8000-000000000001';
    const attId = '0190e7a2-0000-7000-8000-0000000000a1';
    const body = { id: appId, applicant: { idNumber: residents[0].idNumber, name: residents[0].name }, formData: { address: residents[0].address, phone: '13800138000' }, attachments: [{ id: attId, sha256: pic.sha256, size: pic.data.length }] };
    legacy.prepare('INSERT INTO server_identity (id, private_key_der, created_at) VALUES (1, ?, ?)').run(der, '2026-11-01T00:00:00Z');
    legacy
      .prepare("INSERT INTO applications VALUES (?, 'kiosk-test', 0, ?, 'x', ?, 'SB-20261101-000001', 'accepted', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')")
      .run(appId, `${appId}.0`, JSON.stringify(body));
    legacy.prepare("INSERT INTO uploads VALUES (?, 'kiosk-test', ?, ?, ?, 1, '2026-11-01T00:00:00Z')").run(attId, pic.data.length, pic.sha256, pic.data.length);
    fs.writeFileSync(uploadFile(dir, attId), pic.data);
    legacy.prepare('INSERT INTO residents VALUES (?, ?, ?)').run(demoResidents[2]!.idNumber, JSON.stringify(demoRecord(demoResidents[2]!)), '2026-11-01T00:00:00Z');
    legacy.close();
    const needles = [text('id number', residents[0].idNumber), text('name', residents[0].name), text('address', residents[0].address), text('phone', '13800138000'), text('resident id', demoResidents[2]!.idNumber), text('resident name', demoResidents[2]!.name), { label: 'photo', bytes: pic.data.subarray(4096, 4160) }, { label: 'private key', bytes: der.subarray(16) }];
    expect(findInClear(serverFiles(dir), needles).length).toBeGreaterThanOrEqual(needles.length);

    const server = await SyncServer.open({ dataDir: dir, masterKey: testMasterKey, seedDemo: false });
    cleanups.push(() => server.dispose());
    expect(server.publicKeyPem).toBe(signingIdentity(der).publicKeyPem);
    expect(await server.admin.body(appId)).toEqual(body);
    expect(await server.attachment(attId)).toEqual(pic.data);
    const url = await server.start();
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    expect(await querySocialInsurance(k.store, k.client, k.engine, demoResidents[2]!.idNumber, () => new Date())).toMatchObject({ record: { name: demoResidents[2]!.name } });
    expect(findInClear(serverFiles(dir), needles)).toEqual([]);
  });

  it('purges the attachments of applications finished more than the retention period ago, and abandoned uploads', async () => {
    const clock = new ManualClock(Date.now());
    const dir = tempDir('xy-server-');
    const server = await SyncServer.open({ dataDir: dir, masterKey: testMasterKey, now: clock.now, retention: { attachmentDays: 30, abandonedUploadDays: 7 } });
    cleanups.push(() => server.dispose());
    const url = await server.start();
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());
    const done = k.store.applications.submit(sampleSubmit(0)).id;
    const open = k.store.applications.submit(sampleSubmit(1)).id;
    expect(await k.engine.syncNow()).toMatchObject({ accepted: 2, error: null });
    await server.admin.decide(done, 'completed', null);
    const doneAtt = (await server.admin.application(done))!.attachments[0]!.id;
    const openAtt = (await server.admin.application(open))!.attachments[0]!.id;
    // An upload a kiosk started and never finished.
    const db = openServerDatabase(dir);
    const abandoned = '0190e7a2-0000-7000-8000-0000000000ff';
    db.prepare("INSERT INTO uploads (id, kiosk_id, size, sha256, received, complete, updated_at, stored_bytes) VALUES (?, 'kiosk-test', 100, ?, 0, 0, ?, 0)").run(abandoned, 'a'.repeat(64), clock.now().toISOString());
    db.close();
    fs.writeFileSync(uploadFile(dir, abandoned), '');

    clock.advanceDays(29);
    expect(await server.purge()).toMatchObject({ attachments: 0, abandonedUploads: 1 });
    expect(fs.existsSync(uploadFile(dir, abandoned))).toBe(false);
    expect(await server.attachment(doneAtt)).not.toBeNull();

    clock.advanceDays(2);
    expect(await server.purge()).toMatchObject({ applications: 1, attachments: 1 });
    expect(await server.attachment(doneAtt)).toBeNull();
    expect(fs.existsSync(uploadFile(dir, doneAtt))).toBe(false);
    // The application itself, its receipt and the unfinished one's attachment stay.
    expect(await server.admin.application(done)).toMatchObject({ status: 'completed' });
    expect(await server.attachment(openAtt)).toHaveLength(8 * 1024);
    expect(await server.purge()).toMatchObject({ applications: 0, attachments: 0, abandonedUploads: 0 });
  });
});

function writeTemp(bytes: Buffer): string {
  const f = path.join(tempDir('xy-scan-'), 'control.bin');
  fs.writeFileSync(f, bytes);
  return f;
}

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(path.join(root, 'node_modules', '.bin', 'node'), [path.join(root, 'bin', 'xiangyin.js'), ...args], {
      cwd: root,
      env: { ...process.env, XIANGYIN_CONFIG: '', XIANGYIN_SERVER_MASTER_KEY: '', XIANGYIN_SERVER_MASTER_KEY_FILE: '' },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}
