// One test per schema version, plus the runner's rules: each migration in a
// transaction, and a database from a newer kiosk refused with a clear error.
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase, type Db } from '../../../offline-store/db/open.js';
import { migrate, migrations, schemaVersion, LATEST_VERSION } from '../../../offline-store/migrations/index.js';
import { migration001 } from '../../../offline-store/migrations/001-initial.js';
import { migration002 } from '../../../offline-store/migrations/002-cache-ratings-devices.js';
import type { Migration } from '../../../offline-store/migrations/migration.js';
import { tempDir } from './helpers.js';

const key = crypto.randomBytes(32);
const open = (dir: string): Db => openEncryptedDatabase({ file: path.join(dir, 'k.db'), key });
const tables = (db: Db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('version 1 creates applications, attachments, history, audit and kv', () => {
    const db = open(tempDir());
    expect(migrate(db, [migration001])).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['applications', 'attachments', 'status_history', 'audit_log', 'kv']));
    db.close();
  });

  it('version 2 upgrades a version-1 file with its data intact', () => {
    const dir = tempDir();
    const db = open(dir);
    migrate(db, [migration001]);
    db.prepare("INSERT INTO kv (key, value) VALUES ('x', 'kept')").run();
    expect(migrate(db, [migration001, migration002])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['query_cache', 'ratings', 'device_events', 'catalogue_versions']));
    expect(db.prepare("SELECT value FROM kv WHERE key = 'x'").get()).toEqual({ value: 'kept' });
    db.close();
  });

  it('the list is numbered 1..n and running it twice applies nothing', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    const db = open(tempDir());
    migrate(db);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('a failing migration rolls back whole and leaves the version unchanged', () => {
    const db = open(tempDir());
    const broken: Migration = {
      version: 2,
      description: 'half-done',
      up(d) {
        d.exec('CREATE TABLE half (x)');
        d.exec('THIS IS NOT SQL');
      },
    };
    migrate(db, [migration001]);
    expect(() => migrate(db, [migration001, broken])).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a database written by a newer kiosk', () => {
    const db = open(tempDir());
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'too-new' }));
    db.close();
  });
});
