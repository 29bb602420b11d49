// The reference server's SQLite file (WAL, synchronous=FULL): registered kiosks,
// seen nonces, applications with their receipts, upload progress, the per-kiosk
// change feed and the demo residents' social-insurance records. Attachment bytes
// live in files next to it. Versioned by user_version like the kiosk's store.
import fs from 'node:fs';
import path from 'node:path';
import { Database, type Db } from '../offline-store/db/sqlite.js';

const steps: ((db: Db) => void)[] = [
  (db) =>
    db.exec(`
      CREATE TABLE kiosks (id TEXT PRIMARY KEY, public_key_pem TEXT NOT NULL, fingerprint TEXT NOT NULL, registered_at TEXT NOT NULL);
      CREATE TABLE nonces (kiosk_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (kiosk_id, nonce)) WITHOUT ROWID;
      CREATE INDEX nonces_by_time ON nonces(seen_at);
      CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        idempotency_key TEXT NOT NULL,
        body_sha256 TEXT NOT NULL,
        body_json TEXT NOT NULL,
        receipt_number TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX applications_by_kiosk ON applications(kiosk_id, id);
      CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        received INTEGER NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kiosk_id TEXT,
        kind TEXT NOT NULL,
        application_id TEXT,
        status TEXT,
        receipt_number TEXT,
        reason TEXT,
        payload_json TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX changes_by_kiosk ON changes(kiosk_id, seq);
      CREATE TABLE residents (id_number TEXT PRIMARY KEY, record_json TEXT NOT NULL, as_of TEXT NOT NULL);
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `),
];

export function openServerDatabase(dir: string): Db {
  fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dir, 'server.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > steps.length) {
    db.close();
    throw new Error(`sync server database version ${current} is newer than this server (${steps.length})`);
  }
  steps.slice(current).forEach((step, i) =>
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${current + i + 1}`);
    }).immediate(),
  );
  return db;
}

export function uploadFile(dir: string, id: string): string {
  return path.join(dir, 'uploads', id);
}
