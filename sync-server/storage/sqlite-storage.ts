// The SQLite storage: the server's file (db.ts) and its uploads folder, where
// each attachment is a file of sealed chunk records (sealed-file.ts). One
// process's calls run one at a time (a batch's transaction spans awaits, and
// better-sqlite3 has one connection); several processes on one folder are kept
// apart by SQLite's write lock (BEGIN IMMEDIATE).
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../../offline-store/db/sqlite.js';
import { receiptNumber } from '../applications.js';
import { openServerDatabase, uploadFile } from '../db.js';
import { purgeExpired, type PurgeResult, type RetentionPolicy } from '../retention.js';
import { sealLegacyRows } from '../seal-legacy.js';
import { openSealedFile, sealedRecord } from '../sealed-file.js';
import { sha256MismatchError } from '../uploads.js';
import type { Vault } from '../vault.js';
import { applicationRowFrom, smsRowFrom, type ApplicationRow, type ChangeRow, type ChunkHeaders, type ChunkJudge, type KioskRow, type OneTimeCodeRow, type ReceiveTx, type ServerStorage, type SmsOutboxRow, type StoredHelpCall, type UploadRow } from './storage.js';

type Row = Record<string, unknown>;

export class SqliteStorage implements ServerStorage {
  readonly kind = 'sqlite' as const;
  readonly db: Db;
  private vault: Vault | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly uploadLocks = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {
    this.db = openServerDatabase(dir);
  }

  /** Runs `fn` after every call before it has finished: no statement lands inside another call's transaction. */
  private serial<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /** A synchronous immediate transaction, run in turn with every other use of the database. */
  private writeTx<T>(fn: () => T): Promise<T> {
    return this.serial(() => this.db.transaction(fn).immediate());
  }

  /** An immediate transaction around async work (whose statements are synchronous underneath). */
  private async tx<T>(fn: () => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const r = await fn();
      this.db.exec('COMMIT');
      return r;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  wrappedDataKey(create: () => Buffer, at: string): Promise<Buffer> {
    return this.writeTx(() => {
      const row = this.db.prepare('SELECT wrapped FROM data_key WHERE id = 1').get() as { wrapped: Buffer } | undefined;
      if (row) return row.wrapped;
      const w = create();
      this.db.prepare('INSERT INTO data_key (id, wrapped, created_at) VALUES (1, ?, ?)').run(w, at);
      return w;
    });
  }

  rewrapDataKey(rewrap: (wrapped: Buffer | null) => Buffer, at: string): Promise<void> {
    return this.writeTx(() => {
      const row = this.db.prepare('SELECT wrapped FROM data_key WHERE id = 1').get() as { wrapped: Buffer } | undefined;
      this.db.prepare('UPDATE data_key SET wrapped = ?, rotated_at = ? WHERE id = 1').run(rewrap(row?.wrapped ?? null), at);
    });
  }

  sealedServerKey(create: () => Buffer, at: string): Promise<Buffer> {
    return this.writeTx(() => {
      const row = this.db.prepare('SELECT private_key_enc FROM server_identity WHERE id = 1').get() as { private_key_enc: Buffer | null } | undefined;
      if (row?.private_key_enc) return row.private_key_enc;
      const sealed = create();
      this.db.prepare('INSERT OR IGNORE INTO server_identity (id, private_key_enc, created_at) VALUES (1, ?, ?)').run(sealed, at);
      return sealed;
    });
  }

  useVault(vault: Vault): Promise<void> {
    this.vault = vault;
    return this.serial(() => void sealLegacyRows(this.db, vault, this.dir));
  }

  kioskPublicKey(kioskId: string): Promise<string | null> {
    return this.serial(() => this.publicKeyOf(kioskId));
  }

  checkIn(kioskId: string, nonce: string, atMs: number): Promise<{ publicKeyPem: string; firstSeen: boolean } | null> {
    return this.serial(() => {
      const publicKeyPem = this.publicKeyOf(kioskId);
      if (publicKeyPem === null) return null;
      return { publicKeyPem, firstSeen: this.db.prepare('INSERT OR IGNORE INTO nonces (kiosk_id, nonce, seen_at) VALUES (?, ?, ?)').run(kioskId, nonce, atMs).changes === 1 };
    });
  }

  private publicKeyOf(kioskId: string): string | null {
    return (this.db.prepare('SELECT public_key_pem FROM kiosks WHERE id = ?').get(kioskId) as { public_key_pem: string } | undefined)?.public_key_pem ?? null;
  }

  forgetNonce(kioskId: string, nonce: string): Promise<void> {
    return this.serial(() => void this.db.prepare('DELETE FROM nonces WHERE kiosk_id = ? AND nonce = ?').run(kioskId, nonce));
  }

  forgetNoncesBefore(ms: number): Promise<void> {
    return this.serial(() => void this.db.prepare('DELETE FROM nonces WHERE seen_at < ?').run(ms));
  }

  registerKiosk(k: KioskRow): Promise<boolean> {
    return this.serial(() => {
      const replaced = this.db.prepare('SELECT 1 FROM kiosks WHERE id = ?').get(k.id) !== undefined;
      this.db
        .prepare('INSERT INTO kiosks (id, public_key_pem, fingerprint, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET public_key_pem = excluded.public_key_pem, fingerprint = excluded.fingerprint, registered_at = excluded.registered_at')
        .run(k.id, k.publicKeyPem, k.fingerprint, k.registeredAt);
      return replaced;
    });
  }

  kiosks(): Promise<KioskRow[]> {
    return this.serial(() =>
      (this.db.prepare('SELECT * FROM kiosks ORDER BY id').all() as Row[]).map((k) => ({
        id: String(k.id),
        publicKeyPem: String(k.public_key_pem),
        fingerprint: String(k.fingerprint),
        registeredAt: String(k.registered_at),
      })),
    );
  }

  receive<T>(kioskId: string, work: (tx: ReceiveTx) => Promise<T>): Promise<T> {
    const tx: ReceiveTx = {
      application: async (id) => this.applicationRow(id),
      upload: async (id) => this.uploadRow(id),
      accept: async (a) => {
        const receipt = this.nextReceipt(a.receivedAt);
        this.db
          .prepare(
            `INSERT INTO applications (id, kiosk_id, revision, idempotency_key, body_sha256, body_json, body_enc, receipt_number, status, reason, received_at, updated_at)
             VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'accepted', NULL, ?, ?)
             ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, idempotency_key = excluded.idempotency_key, body_sha256 = excluded.body_sha256,
               body_json = NULL, body_enc = excluded.body_enc, receipt_number = excluded.receipt_number, status = 'accepted', reason = NULL,
               updated_at = excluded.updated_at, attachments_purged_at = NULL`,
          )
          .run(a.id, kioskId, a.revision, a.idempotencyKey, a.bodySha256, a.bodyEnc, receipt, a.receivedAt, a.receivedAt);
        this.db
          .prepare("INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, reason, at) VALUES (?, 'application-status', ?, 'accepted', ?, NULL, ?)")
          .run(kioskId, a.id, receipt, a.receivedAt);
        return receipt;
      },
    };
    return this.serial(() => this.tx(() => work(tx)));
  }

  /** Sequential per day: the file's write lock orders them. */
  private nextReceipt(at: string): string {
    const name = `receipt:${at.slice(0, 10).replaceAll('-', '')}`;
    this.db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1').run(name);
    return receiptNumber(at, (this.db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number }).value);
  }

  application(id: string): Promise<ApplicationRow | null> {
    return this.serial(() => this.applicationRow(id));
  }

  applications(o: { kioskId?: string; status?: string; limit?: number }): Promise<ApplicationRow[]> {
    return this.serial(() =>
      (
        this.db
          .prepare('SELECT * FROM applications WHERE (? IS NULL OR kiosk_id = ?) AND (? IS NULL OR status = ?) ORDER BY id LIMIT ?')
          .all(o.kioskId ?? null, o.kioskId ?? null, o.status ?? null, o.status ?? null, o.limit ?? 1_000_000) as Row[]
      ).map(toApplication),
    );
  }

  counts(): Promise<Record<string, number>> {
    return this.serial(() => {
      const rows = this.db.prepare('SELECT status, count(*) AS n FROM applications GROUP BY status').all() as { status: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    });
  }

  decide(id: string, check: (row: ApplicationRow | null) => void, status: string, reason: string | null, at: string): Promise<ApplicationRow> {
    return this.writeTx(() => {
      const row = this.applicationRow(id);
      check(row);
      this.db.prepare('UPDATE applications SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(status, reason, at, id);
      this.db
        .prepare("INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, reason, at) VALUES (?, 'application-status', ?, ?, ?, ?, ?)")
        .run(row!.kioskId, id, status, row!.receiptNumber, reason, at);
      return this.applicationRow(id)!;
    });
  }

  publishCatalogue(json: string, at: string): Promise<void> {
    return this.serial(() => void this.db.prepare("INSERT INTO changes (kiosk_id, kind, payload_json, at) VALUES (NULL, 'catalogue', ?, ?)").run(json, at));
  }

  changes(kioskId: string, after: number, limit: number): Promise<ChangeRow[]> {
    return this.serial(() =>
      (this.db.prepare('SELECT * FROM changes WHERE seq > ? AND (kiosk_id = ? OR kiosk_id IS NULL) ORDER BY seq LIMIT ?').all(after, kioskId, limit) as Row[]).map(toChangeRow),
    );
  }

  residentRecord(idKey: string): Promise<{ recordEnc: Buffer; asOf: string } | null> {
    return this.serial(() => {
      const row = this.db.prepare('SELECT record_enc, as_of FROM residents WHERE id_key = ?').get(idKey) as { record_enc: Buffer; as_of: string } | undefined;
      return row ? { recordEnc: row.record_enc, asOf: row.as_of } : null;
    });
  }

  withHelpCalls<T>(work: (calls: Map<string, StoredHelpCall>) => T): Promise<T> {
    return this.writeTx(() => {
      const rows = this.db.prepare('SELECT id, call_json FROM help_calls').all() as { id: string; call_json: string }[];
      const calls = new Map(rows.map((r) => [r.id, JSON.parse(r.call_json) as StoredHelpCall]));
      const result = work(calls);
      const before = new Map(rows.map((r) => [r.id, r.call_json]));
      for (const id of before.keys()) if (!calls.has(id)) this.db.prepare('DELETE FROM help_calls WHERE id = ?').run(id);
      for (const [id, call] of calls) {
        const json = JSON.stringify(call);
        if (before.get(id) !== json) this.db.prepare('INSERT INTO help_calls (id, call_json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET call_json = excluded.call_json').run(id, json);
      }
      return result;
    });
  }

  faceEnrolment(idKey: string): Promise<Buffer | null> {
    return this.serial(() => (this.db.prepare('SELECT descriptor_enc FROM face_enrolments WHERE id_key = ?').get(idKey) as { descriptor_enc: Buffer } | undefined)?.descriptor_enc ?? null);
  }

  setFaceEnrolment(idKey: string, descriptorEnc: Buffer, at: string): Promise<void> {
    return this.serial(() => {
      this.db
        .prepare('INSERT INTO face_enrolments (id_key, descriptor_enc, enrolled_at) VALUES (?, ?, ?) ON CONFLICT(id_key) DO UPDATE SET descriptor_enc = excluded.descriptor_enc, enrolled_at = excluded.enrolled_at')
        .run(idKey, descriptorEnc, at);
    });
  }

  setFaceAdvice(applicationId: string, similarity: number | null, at: string): Promise<void> {
    return this.serial(() => {
      this.db.prepare('INSERT INTO face_advice (application_id, similarity, at) VALUES (?, ?, ?) ON CONFLICT(application_id) DO UPDATE SET similarity = excluded.similarity, at = excluded.at').run(applicationId, similarity, at);
    });
  }

  faceAdvice(applicationId: string): Promise<{ similarity: number | null; at: string } | null> {
    return this.serial(() => (this.db.prepare('SELECT similarity, at FROM face_advice WHERE application_id = ?').get(applicationId) as { similarity: number | null; at: string } | undefined) ?? null);
  }

  residentPhone(idKey: string): Promise<Buffer | null> {
    return this.serial(() => (this.db.prepare('SELECT phone_enc FROM resident_phones WHERE id_key = ?').get(idKey) as { phone_enc: Buffer } | undefined)?.phone_enc ?? null);
  }

  recordResidentPhones(rows: { idKey: string; phoneEnc: Buffer }[]): Promise<{ added: number; replaced: number }> {
    const has = this.db.prepare('SELECT 1 FROM resident_phones WHERE id_key = ?');
    const put = this.db.prepare('INSERT INTO resident_phones (id_key, phone_enc) VALUES (?, ?) ON CONFLICT (id_key) DO UPDATE SET phone_enc = excluded.phone_enc');
    return this.writeTx(() => {
      let added = 0;
      for (const r of rows) {
        if (!has.get(r.idKey)) added++;
        put.run(r.idKey, r.phoneEnc);
      }
      return { added, replaced: rows.length - added };
    });
  }

  removeResidentPhones(idKeys: string[]): Promise<{ removed: number }> {
    const del = this.db.prepare('DELETE FROM resident_phones WHERE id_key = ?');
    const codes = this.db.prepare('DELETE FROM one_time_codes WHERE id_key = ?');
    return this.writeTx(() => {
      let removed = 0;
      for (const k of idKeys) {
        removed += del.run(k).changes;
        codes.run(k);
      }
      return { removed };
    });
  }

  seedResidentPhones(rows: { idKey: string; seal: () => Buffer }[]): Promise<void> {
    const has = this.db.prepare('SELECT 1 FROM resident_phones WHERE id_key = ?');
    const ins = this.db.prepare('INSERT OR IGNORE INTO resident_phones (id_key, phone_enc) VALUES (?, ?)');
    return this.writeTx(() => {
      for (const r of rows) if (!has.get(r.idKey)) ins.run(r.idKey, r.seal());
    });
  }

  oneTimeCode(idKey: string): Promise<OneTimeCodeRow | null> {
    return this.serial(() => {
      const stored = this.db.prepare('SELECT state_json FROM one_time_codes WHERE id_key = ?').get(idKey) as { state_json: string } | undefined;
      return stored ? (JSON.parse(stored.state_json) as OneTimeCodeRow) : null;
    });
  }

  withOneTimeCode<T>(idKey: string, work: (row: OneTimeCodeRow | null) => { row: OneTimeCodeRow | null; result: T }): Promise<T> {
    return this.writeTx(() => {
      const stored = this.db.prepare('SELECT state_json FROM one_time_codes WHERE id_key = ?').get(idKey) as { state_json: string } | undefined;
      const { row, result } = work(stored ? (JSON.parse(stored.state_json) as OneTimeCodeRow) : null);
      if (!row) this.db.prepare('DELETE FROM one_time_codes WHERE id_key = ?').run(idKey);
      else this.db.prepare('INSERT INTO one_time_codes (id_key, state_json) VALUES (?, ?) ON CONFLICT(id_key) DO UPDATE SET state_json = excluded.state_json').run(idKey, JSON.stringify(row));
      return result;
    });
  }

  addSmsOutbox(m: SmsOutboxRow): Promise<void> {
    const dayBefore = new Date(Date.parse(m.at) - 24 * 3600_000).toISOString();
    return this.writeTx(() => {
      this.db.prepare('DELETE FROM sms_outbox WHERE at < ?').run(dayBefore);
      this.db.prepare('INSERT INTO sms_outbox (from_kiosk, station, phone_masked, text, at) VALUES (?, ?, ?, ?, ?)').run(m.fromKiosk, m.station, m.phoneMasked, m.text, m.at);
    });
  }

  smsOutbox(kioskId: string, limit: number): Promise<SmsOutboxRow[]> {
    return this.serial(() =>
      (this.db.prepare('SELECT * FROM sms_outbox WHERE from_kiosk = ? OR station = ? ORDER BY seq DESC LIMIT ?').all(kioskId, kioskId, limit) as Row[]).map(smsRowFrom),
    );
  }

  seedResidents(rows: { idKey: string; seal: () => Buffer }[], asOf: string): Promise<void> {
    const has = this.db.prepare('SELECT 1 FROM residents WHERE id_key = ?');
    const ins = this.db.prepare('INSERT OR IGNORE INTO residents (id_key, record_enc, as_of) VALUES (?, ?, ?)');
    // Immediate: a deferred transaction that reads and then writes cannot wait for another server
    // starting on the same folder (SQLite answers SQLITE_BUSY at once rather than risk a deadlock).
    return this.writeTx(() => {
      for (const r of rows) if (!has.get(r.idKey)) ins.run(r.idKey, r.seal(), asOf);
    });
  }

  upload(id: string): Promise<UploadRow | null> {
    return this.serial(() => this.uploadRow(id));
  }

  /**
   * The chunk is sealed and written at the file position the database recorded
   * for the last whole chunk, fsynced, and only then recorded, so a chunk a
   * crash left half-written is overwritten by the next one.
   */
  appendChunk(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer, judge: ChunkJudge, at: string): Promise<{ status: number; row: UploadRow | null }> {
    // One chunk at a time per attachment (two senders must not interleave); the
    // file I/O runs outside the call queue so other requests go on meanwhile.
    const prev = this.uploadLocks.get(id) ?? Promise.resolve();
    const run = prev.then(() => this.appendChunkLocked(kioskId, id, h, chunk, judge, at));
    const tail = run.catch(() => {});
    this.uploadLocks.set(id, tail);
    void tail.then(() => {
      if (this.uploadLocks.get(id) === tail) this.uploadLocks.delete(id);
    });
    return run;
  }

  private async appendChunkLocked(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer, judge: ChunkJudge, at: string): Promise<{ status: number; row: UploadRow | null }> {
    const { row, position } = await this.serial(() => ({ row: this.uploadRow(id), position: this.storedBytes(id) ?? 0 }));
    const j = judge(row);
    if ('answer' in j) return j.answer;
    const file = uploadFile(this.dir, id);
    const record = sealedRecord(this.requireVault(), id, h.offset, chunk, position);
    const stored = position + record.length;
    const fh = await fs.promises.open(file, row ? 'r+' : 'w', 0o600);
    try {
      await fh.write(record, 0, record.length, position);
      // Drop the tail of a chunk a crash left behind past this one.
      await fh.truncate(stored);
      await fh.sync();
    } finally {
      await fh.close();
    }
    const next = h.offset + chunk.length;
    let complete = 0;
    if (next === h.total) {
      const actual = crypto.createHash('sha256').update(openSealedFile(this.requireVault(), id, await fs.promises.readFile(file), stored)).digest('hex');
      if (actual !== h.sha256) {
        // Start over rather than keep bytes that do not add up.
        await fs.promises.truncate(file, 0);
        await this.serial(() => this.db.prepare('UPDATE uploads SET received = 0, stored_bytes = 0, updated_at = ? WHERE id = ?').run(at, id));
        throw sha256MismatchError();
      }
      complete = 1;
    }
    return this.serial(() => {
      this.db
        .prepare(
          `INSERT INTO uploads (id, kiosk_id, size, sha256, received, complete, updated_at, stored_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET received = excluded.received, complete = excluded.complete, updated_at = excluded.updated_at, stored_bytes = excluded.stored_bytes`,
        )
        .run(id, kioskId, h.total, h.sha256, next, complete, at, stored);
      return { status: 200, row: this.uploadRow(id) };
    });
  }

  attachment(id: string): Promise<Buffer | null> {
    return this.serial(() => {
      const row = this.uploadRow(id);
      if (!row?.complete) return null;
      return openSealedFile(this.requireVault(), id, fs.readFileSync(uploadFile(this.dir, id)), this.storedBytes(id) ?? 0);
    });
  }

  purge(now: Date, policy: RetentionPolicy, attachmentsOf: (appId: string, bodyEnc: Buffer) => string[]): Promise<PurgeResult> {
    return this.serial(() => purgeExpired(this.db, this.dir, now, policy, attachmentsOf));
  }

  healthy(): Promise<void> {
    return this.serial(() => void this.db.prepare('SELECT 1').get());
  }

  close(): Promise<void> {
    return this.serial(() => void this.db.close());
  }

  private requireVault(): Vault {
    if (!this.vault) throw new Error('the storage is used before its vault is open');
    return this.vault;
  }

  private applicationRow(id: string): ApplicationRow | null {
    const r = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as Row | undefined;
    return r ? toApplication(r) : null;
  }

  private uploadRow(id: string): UploadRow | null {
    const r = this.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as Row | undefined;
    return r ? { id: String(r.id), kioskId: String(r.kiosk_id), size: Number(r.size), sha256: String(r.sha256), received: Number(r.received), complete: r.complete === 1 } : null;
  }

  private storedBytes(id: string): number | null {
    return (this.db.prepare('SELECT stored_bytes FROM uploads WHERE id = ?').get(id) as { stored_bytes: number | null } | undefined)?.stored_bytes ?? null;
  }
}

function toApplication(r: Row): ApplicationRow {
  return applicationRowFrom(r);
}

export function toChangeRow(r: Row): ChangeRow {
  return {
    seq: Number(r.seq),
    kind: String(r.kind),
    applicationId: (r.application_id as string | null) ?? null,
    status: (r.status as string | null) ?? null,
    receiptNumber: (r.receipt_number as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    payloadJson: (r.payload_json as string | null) ?? null,
    at: String(r.at),
  };
}
