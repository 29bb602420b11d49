// Version 2: what residents look up (cached with its fetch time for offline use),
// satisfaction ratings, device events, and catalogue versions from the server.
import type { Migration } from './migration.js';

export const migration002: Migration = {
  version: 2,
  description: 'query cache, satisfaction ratings, device events, catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE query_cache (
        kind TEXT NOT NULL,
        subject_key TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (kind, subject_key)
      );

      CREATE TABLE ratings (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        service_id TEXT NOT NULL,
        application_id TEXT,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT
      );

      CREATE TABLE device_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        device_id TEXT NOT NULL,
        state TEXT NOT NULL,
        message TEXT
      );

      CREATE TABLE catalogue_versions (
        version TEXT PRIMARY KEY,
        received_at TEXT NOT NULL,
        payload_json TEXT NOT NULL
      );
    `);
  },
};
