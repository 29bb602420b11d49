// The PostgreSQL server's schema, one step per version (schema_version holds
// the version reached). Every instance runs the steps it lacks at start, each
// in its own transaction under an advisory lock, so any number of instances
// starting at once migrate once and the rest find the work done. Personal data
// columns are bytea written sealed by the application (vault.ts); the database
// administrator sees ciphertext.
import type pg from 'pg';

/** The advisory lock (class, key) that migrations take: one migrator at a time. */
const MIGRATION_LOCK = [0x5879, 1] as const;

export const postgresSchemaSteps: readonly string[] = [
  // Version 1: kiosks, nonces (a unique key decides a replay across instances),
  // applications (receipt numbers from a sequence), uploads with their sealed
  // chunks as rows (every instance reaches them), the change feed (its order is
  // kept by the advisory locks of postgres-storage.ts), residents by keyed
  // hash, the wrapped data key and the sealed server key.
  `
  CREATE TABLE kiosks (id text PRIMARY KEY, public_key_pem text NOT NULL, fingerprint text NOT NULL, registered_at text NOT NULL);
  CREATE TABLE nonces (kiosk_id text NOT NULL, nonce text NOT NULL, seen_at bigint NOT NULL, PRIMARY KEY (kiosk_id, nonce));
  CREATE INDEX nonces_by_time ON nonces (seen_at);
  CREATE SEQUENCE receipt_numbers;
  CREATE TABLE applications (
    id text PRIMARY KEY,
    kiosk_id text NOT NULL,
    revision integer NOT NULL,
    idempotency_key text NOT NULL,
    body_sha256 text NOT NULL,
    body_enc bytea NOT NULL,
    receipt_number text NOT NULL UNIQUE,
    status text NOT NULL,
    reason text,
    received_at text NOT NULL,
    updated_at text NOT NULL,
    attachments_purged_at text
  );
  CREATE INDEX applications_by_kiosk ON applications (kiosk_id, id);
  CREATE INDEX applications_finished ON applications (status, updated_at);
  CREATE TABLE uploads (
    id text PRIMARY KEY,
    kiosk_id text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    received integer NOT NULL,
    complete boolean NOT NULL DEFAULT false,
    updated_at text NOT NULL
  );
  CREATE INDEX uploads_abandoned ON uploads (complete, updated_at);
  CREATE TABLE upload_chunks (
    upload_id text NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    chunk_offset integer NOT NULL,
    sealed bytea NOT NULL,
    PRIMARY KEY (upload_id, chunk_offset)
  );
  -- Sealed bytes do not compress: store them out of line without trying.
  ALTER TABLE upload_chunks ALTER COLUMN sealed SET STORAGE EXTERNAL;
  CREATE TABLE changes (
    seq bigserial PRIMARY KEY,
    kiosk_id text,
    kind text NOT NULL,
    application_id text,
    status text,
    receipt_number text,
    reason text,
    payload_json text,
    at text NOT NULL
  );
  CREATE INDEX changes_by_kiosk ON changes (kiosk_id, seq);
  CREATE TABLE residents (id_key text PRIMARY KEY, record_enc bytea NOT NULL, as_of text NOT NULL);
  CREATE TABLE data_key (id integer PRIMARY KEY CHECK (id = 1), wrapped bytea NOT NULL, created_at text NOT NULL, rotated_at text);
  CREATE TABLE server_identity (id integer PRIMARY KEY CHECK (id = 1), private_key_enc bytea NOT NULL, created_at text NOT NULL);
  `,
  // Version 2: the face check's demo enrolments (a sealed descriptor per demo resident, by keyed hash)
  // and the similarity recorded as advice per application (face-advice.ts), as the SQLite server's v4.
  `
  CREATE TABLE face_enrolments (id_key text PRIMARY KEY, descriptor_enc bytea NOT NULL, enrolled_at text NOT NULL);
  CREATE TABLE face_advice (application_id text PRIMARY KEY, similarity double precision, at text NOT NULL);
  `,
  // Version 3: TV boxes' help calls to their stations' desks, where every instance reaches them
  // (help-calls.ts). They name kiosks and a specialist, never a resident.
  `
  CREATE TABLE help_calls (id text PRIMARY KEY, call_json text NOT NULL);
  `,
  // Version 4: the one-time codes that check a number keyed on a TV box (identity-codes.ts), as
  // the SQLite server's v6: phones on file (sealed, by keyed hash), each resident's code state
  // (the code only as a keyed hash), the simulated SMS gateway's outbox (a masked phone and the text).
  `
  CREATE TABLE resident_phones (id_key text PRIMARY KEY, phone_enc bytea NOT NULL);
  CREATE TABLE one_time_codes (id_key text PRIMARY KEY, state_json text NOT NULL);
  CREATE TABLE sms_outbox (seq bigserial PRIMARY KEY, from_kiosk text NOT NULL, station text, phone_masked text NOT NULL, text text NOT NULL, at text NOT NULL);
  CREATE INDEX sms_outbox_by_time ON sms_outbox (at);
  `,
];

/** A database migrated by a newer server than this one. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

/** Brings the database to the latest version (or to `upTo`, for the migration tests). */
export async function migratePostgres(pool: pg.Pool, upTo = postgresSchemaSteps.length): Promise<number> {
  const client = await pool.connect();
  try {
    // Under the migration lock too: two sessions creating one table at the same moment collide in
    // PostgreSQL's catalogue, IF NOT EXISTS or not (a unique violation, or 'type already exists').
    // Holding the lock, the second waits for the first's commit, then finds the table there.
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)');
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
    for (let i = 0; i < upTo; i++) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
        const now = await currentVersion(client);
        if (now > postgresSchemaSteps.length) throw new SchemaTooNewError(`sync server database version ${now} is newer than this server (${postgresSchemaSteps.length})`);
        if (now <= i) {
          await client.query(postgresSchemaSteps[i]!);
          await client.query('INSERT INTO schema_version (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version', [i + 1]);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
    const v = await currentVersion(client);
    if (v > postgresSchemaSteps.length) throw new SchemaTooNewError(`sync server database version ${v} is newer than this server (${postgresSchemaSteps.length})`);
    return v;
  } finally {
    client.release();
  }
}

async function currentVersion(client: pg.PoolClient): Promise<number> {
  const r = await client.query<{ version: number }>('SELECT version FROM schema_version WHERE id = 1');
  return r.rows[0]?.version ?? 0;
}
