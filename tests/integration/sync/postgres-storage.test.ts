// The PostgreSQL storage on its own: its schema steps (one per version, run
// once however many instances start at once, a newer database refused), what
// its database administrator sees (pg_dump and the cluster's data files hold
// no ID number, name, phone, address, photo or private key in clear), master
// key rotation and `server run --db` started twice from the CLI.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { demoResidents } from '../../../sync-server/demo-data.js';
import { readMasterKeyFile, writeNewMasterKeyFile } from '../../../sync-server/master-key.js';
import { SyncServer } from '../../../sync-server/server.js';
import { migratePostgres, postgresSchemaSteps, SchemaTooNewError } from '../../../sync-server/storage/postgres/schema.js';
import { freshDatabase, postgresAvailable } from '../../support/postgres.js';
import { photo, residents, sampleSubmit, tempDir } from '../../unit/store/helpers.js';
import { startKiosk, testMasterKey } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const text = (label: string, s: string) => ({ label, bytes: Buffer.from(s, 'utf8') });

/** Each needle as it would appear in clear: its bytes, and (in a dump's bytea) their hex. */
function findInClear(where: string, content: Buffer, needles: { label: string; bytes: Buffer }[]): string[] {
  const found: string[] = [];
  for (const n of needles) {
    if (content.includes(n.bytes) || content.includes(Buffer.from(n.bytes.toString('hex')))) found.push(`${where}: ${n.label}`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.skipIf(!postgresAvailable())('the PostgreSQL storage', () => {
  it('schema versions 1 to 4: created once by instances migrating at the same moment; a newer database is refused', async () => {
    const db = await freshDatabase();
    const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: db.url, max: 2 }));
    cleanups.push(() => Promise.all(pools.map((p) => p.end())).then(() => {}));
    expect(await Promise.all(pools.map((p) => migratePostgres(p, 1)))).toEqual([1, 1, 1]);
    expect(postgresSchemaSteps).toHaveLength(4);
    const tables = (await pools[0]!.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);
    expect(tables).toEqual(['applications', 'changes', 'data_key', 'kiosks', 'nonces', 'residents', 'schema_version', 'server_identity', 'upload_chunks', 'uploads']);
    // What the correctness across instances rests on is in the schema, not in a server's memory.
    const constraints = (await pools[0]!.query<{ c: string }>("SELECT conrelid::regclass::text || ':' || contype::text AS c FROM pg_constraint WHERE contype IN ('p', 'u') ORDER BY 1")).rows.map((r) => r.c);
    expect(constraints).toEqual(expect.arrayContaining(['nonces:p', 'applications:p', 'applications:u', 'upload_chunks:p']));
    expect((await pools[0]!.query("SELECT 1 FROM pg_sequences WHERE sequencename = 'receipt_numbers'")).rowCount).toBe(1);
    // Versions 2 to 4, added to a version 1 database: the face check's demo enrolments and advice; the help calls;
    // the one-time codes (phones on file, code state, the simulated SMS outbox: identity-code-migrations.test.ts).
    expect(await migratePostgres(pools[1]!)).toBe(4);
    const later = (await pools[0]!.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'face%' OR tablename = 'help_calls') ORDER BY 1")).rows.map((r) => r.t);
    expect(later).toEqual(['face_advice', 'face_enrolments', 'help_calls']);
    // Migrating again is a no-op.
    expect(await migratePostgres(pools[1]!)).toBe(4);

    await pools[0]!.query('UPDATE schema_version SET version = 99');
    await expect(migratePostgres(pools[2]!)).rejects.toThrow(SchemaTooNewError);
    await expect(SyncServer.open({ database: db.url, masterKey: testMasterKey })).rejects.toThrow(/newer than this server/);
  });

  it('instances starting together on an empty database never fail its creation: 6 at once, on 6 databases', async () => {
    // Two sessions creating one table at the same moment collide in PostgreSQL's catalogue (a unique
    // violation on pg_type, or 'type already exists'), IF NOT EXISTS or not: CI hit the second.
    for (let round = 0; round < 6; round++) {
      const db = await freshDatabase();
      const pools = Array.from({ length: 6 }, () => new pg.Pool({ connectionString: db.url, max: 1 }));
      cleanups.push(() => Promise.all(pools.map((p) => p.end())).then(() => {}));
      expect(await Promise.all(pools.map((p) => migratePostgres(p)))).toEqual(pools.map(() => postgresSchemaSteps.length));
    }
  });

  it('keeps no ID number, name, phone, address, photo or private key in clear: not in pg_dump, not in the data files', { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    const server = await SyncServer.open({ database: db.url, masterKey: testMasterKey });
    cleanups.push(() => server.dispose());
    const url = await server.start();
    const k = await startKiosk({ server, url, sync: { chunkBytes: 3000 } });
    cleanups.push(() => k.close());
    const photos: Buffer[] = [];
    for (let i = 0; i < 3; i++) {
      k.store.applications.submit(sampleSubmit(i));
      photos.push(photo(8 * 1024, i + 1).data);
    }
    expect(await k.engine.syncNow()).toMatchObject({ accepted: 3, error: null });
    const [first] = await server.admin.applications();
    expect(await server.attachment(first!.attachments[0]!.id)).toHaveLength(8 * 1024);

    const needles = [
      ...residents.flatMap((r) => [text('id number', r.idNumber), text('name', r.name), text('address', r.address)]),
      ...demoResidents.flatMap((r) => [text('demo id number', r.idNumber), text('demo name', r.name), text('demo phone on file', r.phone)]),
      text('phone', '13800138000'),
      ...photos.map((p, i) => ({ label: `photo ${i}`, bytes: p.subarray(4096, 4160) })),
      { label: 'server private key', bytes: server.identity.privateKey.export({ type: 'pkcs8', format: 'der' }).subarray(16) },
    ];
    const dump = Buffer.from(db.dump());
    // The scan is real: the dump holds the sealed rows, and a needle in clear would be found.
    expect(dump.toString()).toContain('COPY public.upload_chunks');
    expect(findInClear('control', Buffer.concat([dump, Buffer.from(residents[0].name), Buffer.from(photos[0]!.toString('hex'))]), needles).length).toBeGreaterThanOrEqual(2);
    expect(findInClear('pg_dump', dump, needles)).toEqual([]);

    // The cluster's own files for this database, and its write-ahead log, flushed first.
    const socketDir = inject('postgresSocketDir');
    if (socketDir) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const oid = (await c.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = current_database()')).rows[0]!.oid;
      await c.query('CHECKPOINT');
      await c.end();
      const files = [...filesUnder(path.join(socketDir, 'data', 'base', String(oid))), ...filesUnder(path.join(socketDir, 'data', 'pg_wal'))];
      expect(files.length).toBeGreaterThan(10);
      expect(files.flatMap((f) => findInClear(path.basename(f), fs.readFileSync(f), needles))).toEqual([]);
    }
  });

  it('`server run --db` twice on one database, and the master key rotated from the CLI', { timeout: 120_000 }, async () => {
    const db = await freshDatabase();
    const keys = tempDir('xy-master-keys-');
    const oldKey = path.join(keys, 'old.key');
    const newKey = path.join(keys, 'new.key');
    writeNewMasterKeyFile(oldKey);
    writeNewMasterKeyFile(newKey);

    const instances = await Promise.all([0, 1].map(() => runInstance(db.url, oldKey)));
    const health = await Promise.all(instances.map(async (i) => (await fetch(`${i.url}/healthz`)).json()));
    expect(health).toEqual([
      { ok: true, storage: 'postgres' },
      { ok: true, storage: 'postgres' },
    ]);
    for (const i of instances) await i.stop();

    const rotated = await cli('server', 'rotate-master-key', '--db', db.url, '--master-key-file', oldKey, '--new-master-key-file', newKey);
    expect(rotated).toMatchObject({ code: 0, err: '' });
    await expect(SyncServer.open({ database: db.url, masterKey: readMasterKeyFile(oldKey) })).rejects.toThrow(expect.objectContaining({ code: 'wrong-master-key' }));
    const kiosks = await cli('server', 'kiosks', '--db', db.url, '--master-key-file', newKey);
    expect(kiosks).toMatchObject({ code: 0, err: '' });
    const bad = await cli('server', 'kiosks', '--db', 'mysql://nope', '--master-key-file', newKey);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('PostgreSQL URL');
  });
});

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');
const cliEnv = { ...process.env, XIANGYIN_CONFIG: '', XIANGYIN_SERVER_MASTER_KEY: '', XIANGYIN_SERVER_MASTER_KEY_FILE: '', XIANGYIN_SERVER_DB: '' };

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(nodeBin, [path.join(root, 'bin', 'xiangyin.js'), ...args], { cwd: root, env: cliEnv });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** `npx xiangyin server run --db URL --port 0`, once it prints the line scripts wait for. */
async function runInstance(database: string, keyFile: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(nodeBin, [path.join(root, 'bin', 'xiangyin.js'), 'server', 'run', '--db', database, '--port', '0', '--master-key-file', keyFile], {
    cwd: root,
    env: cliEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  cleanups.push(stop);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SYNC_SERVER_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`server run exited ${code}: ${err}`)));
  });
  return { url, stop };
}
