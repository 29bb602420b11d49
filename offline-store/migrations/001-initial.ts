// Version 1: applications with their attachments and status history, the station
// audit log, and a small key/value table for the sync cursor and counters.
// Personal data lives in applications (applicant_id, applicant_name, form_json)
// and attachments.data so that retention can purge exactly those columns.
import type { Migration } from './migration.js';

export const migration001: Migration = {
  version: 1,
  description: 'applications, attachments, status history, audit log, kv',
  up(db) {
    db.exec(`
      CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        local_tracking_number TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL,
        catalogue_version TEXT NOT NULL,
        status TEXT NOT NULL,
        applicant_key TEXT,
        applicant_id TEXT,
        applicant_name TEXT,
        form_json TEXT,
        on_behalf_json TEXT,
        revision INTEGER NOT NULL DEFAULT 0,
        body_sha256 TEXT,
        receipt_number TEXT,
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT,
        purged_at TEXT
      );
      CREATE INDEX applications_by_status ON applications(status, id);
      CREATE INDEX applications_by_applicant ON applications(applicant_key);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        uploaded INTEGER NOT NULL DEFAULT 0,
        data BLOB
      );
      CREATE INDEX attachments_by_application ON attachments(application_id, ordinal);

      CREATE TABLE status_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX status_history_by_application ON status_history(application_id, seq);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        subject_id TEXT,
        on_behalf_json TEXT,
        detail TEXT
      );

      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  },
};
