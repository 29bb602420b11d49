// The reference server's SQLite file (WAL, synchronous=FULL): registered kiosks,
// seen nonces, applications with their receipts, upload progress, the per-kiosk
// change feed and the demo residents' social-insurance records. Attachment bytes
// live in files next to it. Versioned by user_version like the kiosk's store.
// Personal data (application bodies, residents' records, attachments, the
// server's private key) is sealed by the application (vault.ts); migrations
// only shape the schema and need no key, and rows an older server wrote in
// clear are sealed when a server first opens the database with its key
// (seal-legacy.ts).
import fs from 'node:fs';
import path from 'node:path';
import { ensureDatabaseFile } from '../offline-store/db/create-file.js';
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
  // The server's own Ed25519 key, which signs every answer; kiosks pin its public
  // half at registration. One row, created inside the opening transaction, so two
  // servers opening one folder at once end up with one key.
  (db) => db.exec('CREATE TABLE server_identity (id INTEGER PRIMARY KEY CHECK (id = 1), private_key_der BLOB NOT NULL, created_at TEXT NOT NULL);'),
  // Version 3: personal data sealed at rest. The data key (wrapped by the master
  // key); sealed columns beside the plain ones, which become nullable and are
  // emptied by seal-legacy.ts; residents found by a keyed hash of the ID number
  // (the plain table is kept, renamed, until its rows are sealed); the file
  // position each upload has reached (its file holds sealed chunks); when a
  // finished application's attachments were purged.
  (db) =>
    db.exec(`
      CREATE TABLE data_key (id INTEGER PRIMARY KEY CHECK (id = 1), wrapped BLOB NOT NULL, created_at TEXT NOT NULL, rotated_at TEXT);
      CREATE TABLE applications_v3 (
        id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        idempotency_key TEXT NOT NULL,
        body_sha256 TEXT NOT NULL,
        body_json TEXT,
        body_enc BLOB,
        receipt_number TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        attachments_purged_at TEXT
      );
      INSERT INTO applications_v3 (id, kiosk_id, revision, idempotency_key, body_sha256, body_json, receipt_number, status, reason, received_at, updated_at)
        SELECT id, kiosk_id, revision, idempotency_key, body_sha256, body_json, receipt_number, status, reason, received_at, updated_at FROM applications;
      DROP TABLE applications;
      ALTER TABLE applications_v3 RENAME TO applications;
      CREATE INDEX applications_by_kiosk ON applications(kiosk_id, id);
      CREATE INDEX applications_finished ON applications(status, updated_at);
      ALTER TABLE residents RENAME TO residents_plain;
      CREATE TABLE residents (id_key TEXT PRIMARY KEY, record_enc BLOB NOT NULL, as_of TEXT NOT NULL);
      CREATE TABLE server_identity_v3 (id INTEGER PRIMARY KEY CHECK (id = 1), private_key_der BLOB, private_key_enc BLOB, created_at TEXT NOT NULL);
      INSERT INTO server_identity_v3 (id, private_key_der, created_at) SELECT id, private_key_der, created_at FROM server_identity;
      DROP TABLE server_identity;
      ALTER TABLE server_identity_v3 RENAME TO server_identity;
      ALTER TABLE uploads ADD COLUMN stored_bytes INTEGER;
    `),
  // Version 4: the face check's demo enrolments (a sealed descriptor per demo
  // resident, found by the keyed hash of the ID number) and the similarity
  // recorded as advice per application (face-advice.ts).
  (db) =>
    db.exec(`
      CREATE TABLE face_enrolments (id_key TEXT PRIMARY KEY, descriptor_enc BLOB NOT NULL, enrolled_at TEXT NOT NULL);
      CREATE TABLE face_advice (application_id TEXT PRIMARY KEY, similarity REAL, at TEXT NOT NULL);
    `),
  // Version 5: TV boxes' help calls to their stations' desks (help-calls.ts), kept in the database
  // rather than one process's memory. They name kiosks and a specialist, never a resident.
  (db) => db.exec('CREATE TABLE help_calls (id TEXT PRIMARY KEY, call_json TEXT NOT NULL);'),
  // Version 6: the one-time codes that check a number keyed on a TV box (identity-codes.ts).
  // Residents' phones on file, sealed and found by the keyed hash of the ID number; each
  // resident's code state (the code only as a keyed hash); the simulated SMS gateway's
  // outbox (sms.ts), which holds a masked phone and the text, never a whole number.
  (db) =>
    db.exec(`
      CREATE TABLE resident_phones (id_key TEXT PRIMARY KEY, phone_enc BLOB NOT NULL);
      CREATE TABLE one_time_codes (id_key TEXT PRIMARY KEY, state_json TEXT NOT NULL);
      CREATE TABLE sms_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, from_kiosk TEXT NOT NULL, station TEXT, phone_masked TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX sms_outbox_by_time ON sms_outbox(at);
    `),
];

/** The schema steps, one per version (exported for the migration tests). */
export const serverSchemaSteps: readonly ((db: Db) => void)[] = steps;

export function openServerDatabase(dir: string): Db {
  fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'server.db');
  // Two servers starting on one fresh folder: one creates the file, whole (see create-file.ts).
  ensureDatabaseFile(file, (fresh) => fresh.pragma('journal_mode = WAL'));
  const db = new Database(file, { fileMustExist: true });
  // First, so that a second process opening the file waits for the first's locks.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Deleted and replaced rows are overwritten with zeros, so personal data an
  // older server wrote in clear leaves no trace in free pages once sealed.
  db.pragma('secure_delete = ON');
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const tooNew = (v: number) => new Error(`sync server database version ${v} is newer than this server (${steps.length})`);
  try {
    if (version() > steps.length) throw tooNew(version());
    // Each step takes the write lock first and reads the version again under it:
    // two servers starting on one folder run each step once, the second after the first.
    steps.forEach((step, i) =>
      db.transaction(() => {
        const now = version();
        if (now > steps.length) throw tooNew(now);
        if (now > i) return;
        step(db);
        db.pragma(`user_version = ${i + 1}`);
      }).immediate(),
    );
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function uploadFile(dir: string, id: string): string {
  return path.join(dir, 'uploads', id);
}
