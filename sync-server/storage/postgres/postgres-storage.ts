// The PostgreSQL storage: any number of server instances on one database, none
// holding state the others need. What keeps them correct together:
//   - nonces: a primary key (kiosk, nonce); the insert that loses is a replay;
//   - receipt numbers: a sequence, never handed out twice;
//   - idempotency: a batch is one transaction holding the kiosk's advisory lock,
//     so a retry through another instance waits for the first and then finds
//     its row (replayed, the same receipt); the primary key on the application
//     id is the last word, and a transaction that loses to it is run again;
//   - the change feed: `seq` comes from a sequence, whose order is not commit
//     order in general. A writer of a kiosk's feed takes that kiosk's advisory
//     lock (and the feed's lock shared) before it takes a seq, and holds them
//     until it commits; a catalogue (for every kiosk) takes the feed's lock
//     exclusively. So among the rows one kiosk reads, a smaller seq always
//     commits first, and a reader's cursor never passes a row still to commit;
//   - uploads: a chunk is appended under the upload row's lock (FOR UPDATE),
//     its sealed bytes a row of upload_chunks, so the next chunk may reach
//     any instance.
import pg from 'pg';
import crypto from 'node:crypto';
import { receiptNumber } from '../../applications.js';
import { retentionCutoffs, type PurgeResult, type RetentionPolicy } from '../../retention.js';
import { chunkAd } from '../../sealed-file.js';
import { sha256MismatchError } from '../../uploads.js';
import type { Vault } from '../../vault.js';
import { applicationRowFrom, smsRowFrom, type ApplicationRow, type ChangeRow, type ChunkHeaders, type ChunkJudge, type InOrderChunk, type KioskRow, type OneTimeCodeRow, type ReceiveTx, type ServerStorage, type SmsOutboxRow, type StoredHelpCall, type UploadRow } from '../storage.js';
import { migratePostgres } from './schema.js';

/** Advisory lock classes (the first of the two-int keys). */
const FEED_LOCK = [0x5879, 2] as const;
const KIOSK_LOCK_CLASS = 0x587a;
/** Held by whoever changes the help calls (withHelpCalls). */
const HELP_CALLS_LOCK = [0x5879, 3] as const;
/** Held per resident by whoever changes their one-time code (withOneTimeCode). */
const CODE_LOCK_CLASS = 0x587b;
/** Unique violation, serialization failure, deadlock: the transaction is run again. */
const RETRY_CODES = new Set(['23505', '40001', '40P01']);

type Row = Record<string, unknown>;

/**
 * A statement every request runs, prepared once per connection (named): the
 * database parses and plans it once instead of at every request.
 */
function named(name: string, text: string, values: unknown[]): pg.QueryConfig {
  return { name, text, values };
}

/** Takes the locks a writer of `kioskId`'s feed holds until it commits (see the header). */
export async function lockKioskFeed(c: pg.ClientBase, kioskId: string): Promise<void> {
  await c.query(named('lock-feed', 'SELECT pg_advisory_xact_lock_shared($1, $2), pg_advisory_xact_lock($3, hashtext($4))', [...FEED_LOCK, KIOSK_LOCK_CLASS, kioskId]));
}

export interface PostgresOptions {
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  /** Connections this instance keeps (default 10). */
  poolSize?: number;
}

export async function openPostgresStorage(url: string, o: PostgresOptions = {}): Promise<PostgresStorage> {
  const pool = new pg.Pool({ connectionString: url, max: o.poolSize ?? 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, application_name: 'xiangyin-sync-server' });
  // An idle connection the database drops (a restart, a failover) must not end the process.
  pool.on('error', (e) => o.log?.('postgres: an idle connection failed', { error: e.name, code: (e as { code?: string }).code }));
  // Nonces are written without waiting for the log flush: a database crash could forget
  // the last moment's nonces, which reopens a replay only of requests that are idempotent
  // anyway (a batch by its keys, a chunk by its offset, a look-up reads). Everything else
  // commits durably. It saves one flush wait per request.
  const noncePool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, application_name: 'xiangyin-sync-server', options: '-c synchronous_commit=off' });
  noncePool.on('error', (e) => o.log?.('postgres: an idle connection failed', { error: e.name, code: (e as { code?: string }).code }));
  try {
    await migratePostgres(pool);
    // A connection for nonces before the first request: starting one is a process fork on
    // the database's side, slow on a busy machine, and no kiosk's first request should wait for it.
    await noncePool.query('SELECT 1');
  } catch (e) {
    await pool.end();
    await noncePool.end();
    throw e;
  }
  return new PostgresStorage(pool, noncePool);
}

export class PostgresStorage implements ServerStorage {
  readonly kind = 'postgres' as const;
  private vault: Vault | null = null;

  constructor(
    readonly pool: pg.Pool,
    private readonly noncePool: pg.Pool,
  ) {}

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>, attempts = 1): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      let broken = false;
      try {
        await c.query('BEGIN');
        const r = await fn(c);
        await c.query('COMMIT');
        return r;
      } catch (e) {
        try {
          await c.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (attempt < attempts && RETRY_CODES.has((e as { code?: string }).code ?? '')) continue;
        throw e;
      } finally {
        c.release(broken);
      }
    }
  }

  private lockFeedOf(c: pg.PoolClient, kioskId: string): Promise<void> {
    return lockKioskFeed(c, kioskId);
  }

  async wrappedDataKey(create: () => Buffer, at: string): Promise<Buffer> {
    await this.pool.query('INSERT INTO data_key (id, wrapped, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [create(), at]);
    return (await this.pool.query<{ wrapped: Buffer }>('SELECT wrapped FROM data_key WHERE id = 1')).rows[0]!.wrapped;
  }

  rewrapDataKey(rewrap: (wrapped: Buffer | null) => Buffer, at: string): Promise<void> {
    return this.tx(async (c) => {
      const row = (await c.query<{ wrapped: Buffer }>('SELECT wrapped FROM data_key WHERE id = 1 FOR UPDATE')).rows[0];
      await c.query('UPDATE data_key SET wrapped = $1, rotated_at = $2 WHERE id = 1', [rewrap(row?.wrapped ?? null), at]);
    });
  }

  async sealedServerKey(create: () => Buffer, at: string): Promise<Buffer> {
    await this.pool.query('INSERT INTO server_identity (id, private_key_enc, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [create(), at]);
    return (await this.pool.query<{ private_key_enc: Buffer }>('SELECT private_key_enc FROM server_identity WHERE id = 1')).rows[0]!.private_key_enc;
  }

  async useVault(vault: Vault): Promise<void> {
    this.vault = vault;
  }

  async kioskPublicKey(kioskId: string): Promise<string | null> {
    return (await this.pool.query<{ public_key_pem: string }>(named('kiosk-key', 'SELECT public_key_pem FROM kiosks WHERE id = $1', [kioskId]))).rows[0]?.public_key_pem ?? null;
  }

  async checkIn(kioskId: string, nonce: string, atMs: number): Promise<{ publicKeyPem: string; firstSeen: boolean } | null> {
    // Every request's first round trip, so the key and the nonce share it; a nonce is
    // written only for a kiosk that exists.
    const r = await this.noncePool.query<{ public_key_pem: string; first_seen: boolean }>(
      named(
        'check-in',
        `WITH k AS (SELECT public_key_pem FROM kiosks WHERE id = $1),
              n AS (INSERT INTO nonces (kiosk_id, nonce, seen_at) SELECT $1, $2, $3 FROM k ON CONFLICT DO NOTHING RETURNING 1)
         SELECT k.public_key_pem, EXISTS (SELECT 1 FROM n) AS first_seen FROM k`,
        [kioskId, nonce, atMs],
      ),
    );
    const row = r.rows[0];
    return row ? { publicKeyPem: row.public_key_pem, firstSeen: row.first_seen } : null;
  }

  async forgetNonce(kioskId: string, nonce: string): Promise<void> {
    await this.noncePool.query('DELETE FROM nonces WHERE kiosk_id = $1 AND nonce = $2', [kioskId, nonce]);
  }

  async forgetNoncesBefore(ms: number): Promise<void> {
    await this.pool.query('DELETE FROM nonces WHERE seen_at < $1', [ms]);
  }

  async registerKiosk(k: KioskRow): Promise<boolean> {
    // xmax is 0 for a row this statement inserted, not for one it updated.
    const r = await this.pool.query<{ inserted: boolean }>(
      `INSERT INTO kiosks (id, public_key_pem, fingerprint, registered_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET public_key_pem = excluded.public_key_pem, fingerprint = excluded.fingerprint, registered_at = excluded.registered_at
       RETURNING (xmax = 0) AS inserted`,
      [k.id, k.publicKeyPem, k.fingerprint, k.registeredAt],
    );
    return !r.rows[0]!.inserted;
  }

  async kiosks(): Promise<KioskRow[]> {
    return (await this.pool.query<Row>('SELECT * FROM kiosks ORDER BY id')).rows.map((k) => ({
      id: String(k.id),
      publicKeyPem: String(k.public_key_pem),
      fingerprint: String(k.fingerprint),
      registeredAt: String(k.registered_at),
    }));
  }

  receive<T>(kioskId: string, work: (tx: ReceiveTx) => Promise<T>): Promise<T> {
    return this.tx(async (c) => {
      await this.lockFeedOf(c, kioskId);
      return work({
        application: async (id) => applicationOf((await c.query<Row>(named('application', 'SELECT * FROM applications WHERE id = $1', [id]))).rows[0]),
        upload: async (id) => uploadOf((await c.query<Row>(named('upload', 'SELECT * FROM uploads WHERE id = $1', [id]))).rows[0]),
        accept: async (a) => {
          const n = Number((await c.query<{ n: string }>(named('receipt', "SELECT nextval('receipt_numbers') AS n", []))).rows[0]!.n);
          const receipt = receiptNumber(a.receivedAt, n);
          // The row and its change in the feed, in one statement: one round trip fewer per application.
          await c.query(
            named(
              'application-accept',
              `WITH accepted AS (
                 INSERT INTO applications (id, kiosk_id, revision, idempotency_key, body_sha256, body_enc, receipt_number, status, reason, received_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'accepted', NULL, $8, $8)
                 ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, idempotency_key = excluded.idempotency_key, body_sha256 = excluded.body_sha256,
                   body_enc = excluded.body_enc, receipt_number = excluded.receipt_number, status = 'accepted', reason = NULL,
                   updated_at = excluded.updated_at, attachments_purged_at = NULL)
               INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, reason, at) VALUES ($2, 'application-status', $1, 'accepted', $7, NULL, $8)`,
              [a.id, kioskId, a.revision, a.idempotencyKey, a.bodySha256, a.bodyEnc, receipt, a.receivedAt],
            ),
          );
          return receipt;
        },
      });
    }, 3);
  }

  async application(id: string): Promise<ApplicationRow | null> {
    return applicationOf((await this.pool.query<Row>(named('application', 'SELECT * FROM applications WHERE id = $1', [id]))).rows[0]);
  }

  async applications(o: { kioskId?: string; status?: string; limit?: number }): Promise<ApplicationRow[]> {
    const r = await this.pool.query<Row>('SELECT * FROM applications WHERE ($1::text IS NULL OR kiosk_id = $1) AND ($2::text IS NULL OR status = $2) ORDER BY id LIMIT $3', [
      o.kioskId ?? null,
      o.status ?? null,
      o.limit ?? 1_000_000,
    ]);
    return r.rows.map((x) => applicationOf(x)!);
  }

  async counts(): Promise<Record<string, number>> {
    const r = await this.pool.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM applications GROUP BY status');
    return Object.fromEntries(r.rows.map((x) => [x.status, Number(x.n)]));
  }

  decide(id: string, check: (row: ApplicationRow | null) => void, status: string, reason: string | null, at: string): Promise<ApplicationRow> {
    return this.tx(async (c) => {
      const owner = (await c.query<{ kiosk_id: string }>('SELECT kiosk_id FROM applications WHERE id = $1', [id])).rows[0];
      if (owner) await this.lockFeedOf(c, owner.kiosk_id);
      const row = applicationOf((await c.query<Row>('SELECT * FROM applications WHERE id = $1 FOR UPDATE', [id])).rows[0]);
      check(row);
      await c.query('UPDATE applications SET status = $1, reason = $2, updated_at = $3 WHERE id = $4', [status, reason, at, id]);
      await c.query("INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, reason, at) VALUES ($1, 'application-status', $2, $3, $4, $5, $6)", [
        row!.kioskId,
        id,
        status,
        row!.receiptNumber,
        reason,
        at,
      ]);
      return applicationOf((await c.query<Row>(named('application', 'SELECT * FROM applications WHERE id = $1', [id]))).rows[0])!;
    });
  }

  publishCatalogue(json: string, at: string): Promise<void> {
    return this.tx(async (c) => {
      // Every kiosk reads this row: wait for every feed writer to commit, and keep new ones out until this commits.
      await c.query('SELECT pg_advisory_xact_lock($1, $2)', [...FEED_LOCK]);
      await c.query("INSERT INTO changes (kiosk_id, kind, payload_json, at) VALUES (NULL, 'catalogue', $1, $2)", [json, at]);
    });
  }

  async changes(kioskId: string, after: number, limit: number): Promise<ChangeRow[]> {
    const r = await this.pool.query<Row>('SELECT * FROM changes WHERE seq > $1 AND (kiosk_id = $2 OR kiosk_id IS NULL) ORDER BY seq LIMIT $3', [after, kioskId, limit]);
    return r.rows.map((x) => ({
      seq: Number(x.seq),
      kind: String(x.kind),
      applicationId: (x.application_id as string | null) ?? null,
      status: (x.status as string | null) ?? null,
      receiptNumber: (x.receipt_number as string | null) ?? null,
      reason: (x.reason as string | null) ?? null,
      payloadJson: (x.payload_json as string | null) ?? null,
      at: String(x.at),
    }));
  }

  async residentRecord(idKey: string): Promise<{ recordEnc: Buffer; asOf: string } | null> {
    const row = (await this.pool.query<{ record_enc: Buffer; as_of: string }>('SELECT record_enc, as_of FROM residents WHERE id_key = $1', [idKey])).rows[0];
    return row ? { recordEnc: row.record_enc, asOf: row.as_of } : null;
  }

  withHelpCalls<T>(work: (calls: Map<string, StoredHelpCall>) => T): Promise<T> {
    return this.tx(async (c) => {
      // One writer of the calls at a time, across instances: they are few, and each change is small.
      await c.query('SELECT pg_advisory_xact_lock($1, $2)', [...HELP_CALLS_LOCK]);
      const rows = (await c.query<{ id: string; call_json: string }>('SELECT id, call_json FROM help_calls')).rows;
      const calls = new Map(rows.map((r) => [r.id, JSON.parse(r.call_json) as StoredHelpCall]));
      const result = work(calls);
      const before = new Map(rows.map((r) => [r.id, r.call_json]));
      const gone = [...before.keys()].filter((id) => !calls.has(id));
      if (gone.length > 0) await c.query('DELETE FROM help_calls WHERE id = ANY($1)', [gone]);
      for (const [id, call] of calls) {
        const json = JSON.stringify(call);
        if (before.get(id) !== json) await c.query('INSERT INTO help_calls (id, call_json) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET call_json = excluded.call_json', [id, json]);
      }
      return result;
    });
  }

  async residentPhone(idKey: string): Promise<Buffer | null> {
    return (await this.pool.query<{ phone_enc: Buffer }>('SELECT phone_enc FROM resident_phones WHERE id_key = $1', [idKey])).rows[0]?.phone_enc ?? null;
  }

  recordResidentPhones(rows: { idKey: string; phoneEnc: Buffer }[]): Promise<{ added: number; replaced: number }> {
    return this.tx(async (c) => {
      let added = 0;
      for (const r of rows) {
        // xmax = 0 on the row returned: it was inserted, not updated.
        const q = await c.query<{ inserted: boolean }>(
          'INSERT INTO resident_phones (id_key, phone_enc) VALUES ($1, $2) ON CONFLICT (id_key) DO UPDATE SET phone_enc = excluded.phone_enc RETURNING (xmax = 0) AS inserted',
          [r.idKey, r.phoneEnc],
        );
        if (q.rows[0]?.inserted) added++;
      }
      return { added, replaced: rows.length - added };
    });
  }

  removeResidentPhones(idKeys: string[]): Promise<{ removed: number }> {
    return this.tx(async (c) => {
      let removed = 0;
      for (const k of idKeys) {
        // Under the resident's code lock (withOneTimeCode): no code is being sent to the old phone meanwhile.
        await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CODE_LOCK_CLASS, k]);
        removed += (await c.query('DELETE FROM resident_phones WHERE id_key = $1', [k])).rowCount ?? 0;
        await c.query('DELETE FROM one_time_codes WHERE id_key = $1', [k]);
      }
      return { removed };
    });
  }

  async seedResidentPhones(rows: { idKey: string; seal: () => Buffer }[]): Promise<void> {
    const have = new Set((await this.pool.query<{ id_key: string }>('SELECT id_key FROM resident_phones WHERE id_key = ANY($1)', [rows.map((r) => r.idKey)])).rows.map((r) => r.id_key));
    for (const r of rows) if (!have.has(r.idKey)) await this.pool.query('INSERT INTO resident_phones (id_key, phone_enc) VALUES ($1, $2) ON CONFLICT (id_key) DO NOTHING', [r.idKey, r.seal()]);
  }

  async oneTimeCode(idKey: string): Promise<OneTimeCodeRow | null> {
    const stored = (await this.pool.query<{ state_json: string }>('SELECT state_json FROM one_time_codes WHERE id_key = $1', [idKey])).rows[0];
    return stored ? (JSON.parse(stored.state_json) as OneTimeCodeRow) : null;
  }

  withOneTimeCode<T>(idKey: string, work: (row: OneTimeCodeRow | null) => { row: OneTimeCodeRow | null; result: T }): Promise<T> {
    return this.tx(async (c) => {
      // A lock on the resident, not on a row: the first request has no row to lock yet.
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CODE_LOCK_CLASS, idKey]);
      const stored = (await c.query<{ state_json: string }>('SELECT state_json FROM one_time_codes WHERE id_key = $1', [idKey])).rows[0];
      const { row, result } = work(stored ? (JSON.parse(stored.state_json) as OneTimeCodeRow) : null);
      if (!row) await c.query('DELETE FROM one_time_codes WHERE id_key = $1', [idKey]);
      else await c.query('INSERT INTO one_time_codes (id_key, state_json) VALUES ($1, $2) ON CONFLICT (id_key) DO UPDATE SET state_json = excluded.state_json', [idKey, JSON.stringify(row)]);
      return result;
    });
  }

  async addSmsOutbox(m: SmsOutboxRow): Promise<void> {
    const dayBefore = new Date(Date.parse(m.at) - 24 * 3600_000).toISOString();
    await this.tx(async (c) => {
      await c.query('DELETE FROM sms_outbox WHERE at < $1', [dayBefore]);
      await c.query('INSERT INTO sms_outbox (from_kiosk, station, phone_masked, text, at) VALUES ($1, $2, $3, $4, $5)', [m.fromKiosk, m.station, m.phoneMasked, m.text, m.at]);
    });
  }

  async smsOutbox(kioskId: string, limit: number): Promise<SmsOutboxRow[]> {
    return (await this.pool.query<Row>('SELECT * FROM sms_outbox WHERE from_kiosk = $1 OR station = $1 ORDER BY seq DESC LIMIT $2', [kioskId, limit])).rows.map(smsRowFrom);
  }

  async faceEnrolment(idKey: string): Promise<Buffer | null> {
    return (await this.pool.query<{ descriptor_enc: Buffer }>('SELECT descriptor_enc FROM face_enrolments WHERE id_key = $1', [idKey])).rows[0]?.descriptor_enc ?? null;
  }

  async setFaceEnrolment(idKey: string, descriptorEnc: Buffer, at: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO face_enrolments (id_key, descriptor_enc, enrolled_at) VALUES ($1, $2, $3) ON CONFLICT (id_key) DO UPDATE SET descriptor_enc = excluded.descriptor_enc, enrolled_at = excluded.enrolled_at',
      [idKey, descriptorEnc, at],
    );
  }

  async setFaceAdvice(applicationId: string, similarity: number | null, at: string): Promise<void> {
    await this.pool.query('INSERT INTO face_advice (application_id, similarity, at) VALUES ($1, $2, $3) ON CONFLICT (application_id) DO UPDATE SET similarity = excluded.similarity, at = excluded.at', [
      applicationId,
      similarity,
      at,
    ]);
  }

  async faceAdvice(applicationId: string): Promise<{ similarity: number | null; at: string } | null> {
    return (await this.pool.query<{ similarity: number | null; at: string }>('SELECT similarity, at FROM face_advice WHERE application_id = $1', [applicationId])).rows[0] ?? null;
  }

  async seedResidents(rows: { idKey: string; seal: () => Buffer }[], asOf: string): Promise<void> {
    const have = new Set((await this.pool.query<{ id_key: string }>('SELECT id_key FROM residents WHERE id_key = ANY($1)', [rows.map((r) => r.idKey)])).rows.map((r) => r.id_key));
    for (const r of rows) {
      if (!have.has(r.idKey)) await this.pool.query('INSERT INTO residents (id_key, record_enc, as_of) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [r.idKey, r.seal(), asOf]);
    }
  }

  async upload(id: string): Promise<UploadRow | null> {
    return uploadOf((await this.pool.query<Row>(named('upload', 'SELECT * FROM uploads WHERE id = $1', [id]))).rows[0]);
  }

  async appendChunk(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer, judge: ChunkJudge, at: string, inOrder?: InOrderChunk | null): Promise<{ status: number; row: UploadRow | null }> {
    const vault = this.requireVault();
    // Sealed once, when first needed: by the in-order statement, or by the judge's path after it.
    let sealed: Buffer | undefined;
    const sealedChunk = () => (sealed ??= vault.seal(chunk, chunkAd(id, h.offset)));
    if (inOrder) {
      const written = await this.appendInOrder(id, inOrder, sealedChunk(), at);
      if (written) return { status: 200, row: written };
    }
    let mismatch = false;
    // Round trips are what a busy database spends its time on (and the instance too), so
    // each chunk takes as few as its rules allow: a chunk past 0 finds its row already
    // there, and the chunk and the new offset are written by one statement.
    const r = await this.tx(async (c) => {
      // Only a first chunk may create the upload; the row is then locked, so every
      // instance's chunks for this upload queue here.
      const fresh =
        h.offset === 0 &&
        (await c.query(named('upload-start', 'INSERT INTO uploads (id, kiosk_id, size, sha256, received, complete, updated_at) VALUES ($1, $2, $3, $4, 0, false, $5) ON CONFLICT (id) DO NOTHING', [id, kioskId, h.total, h.sha256, at])))
          .rowCount === 1;
      const row = uploadOf((await c.query<Row>(named('upload-lock', 'SELECT * FROM uploads WHERE id = $1 FOR UPDATE', [id]))).rows[0]);
      const j = judge(fresh ? null : row);
      if ('answer' in j) {
        // Nothing to keep: a row made only to lock it goes with the rollback.
        if (fresh) throw new Answer(j.answer);
        return j.answer;
      }
      const next = h.offset + chunk.length;
      const complete = next === h.total;
      if (complete) {
        // The whole attachment is checked before its last chunk is kept.
        const hash = crypto.createHash('sha256');
        const chunks = await c.query<{ chunk_offset: number; sealed: Buffer }>(named('chunks', 'SELECT chunk_offset, sealed FROM upload_chunks WHERE upload_id = $1 ORDER BY chunk_offset', [id]));
        for (const x of chunks.rows) hash.update(vault.open(x.sealed, chunkAd(id, x.chunk_offset)));
        if (hash.update(chunk).digest('hex') !== h.sha256) {
          // Start over rather than keep bytes that do not add up.
          await c.query('DELETE FROM upload_chunks WHERE upload_id = $1', [id]);
          await c.query('UPDATE uploads SET received = 0, updated_at = $2 WHERE id = $1', [id, at]);
          mismatch = true;
          return { status: 422, row: null };
        }
      }
      const updated = await c.query<Row>(
        named(
          'chunk-append',
          `WITH chunk AS (INSERT INTO upload_chunks (upload_id, chunk_offset, sealed) VALUES ($1, $2, $3))
           UPDATE uploads SET received = $4, complete = $5, updated_at = $6 WHERE id = $1 RETURNING *`,
          [id, h.offset, sealedChunk(), next, complete, at],
        ),
      );
      return { status: 200, row: uploadOf(updated.rows[0]) };
    }).catch((e: unknown) => {
      if (e instanceof Answer) return e.answer;
      throw e;
    });
    if (mismatch) throw sha256MismatchError();
    return r;
  }

  /**
   * A chunk that carries on from where its upload stands, in one statement and no transaction
   * of its own: the upload's row is advanced only if it is exactly in the state the rules ask
   * (storage.ts InOrderChunk; the update waits for another instance's lock on the row and then
   * looks at the row as that left it), and the chunk is stored only if the row was advanced.
   * A first chunk creates the row the same way, only if there is none. Null when nothing was
   * written: the judge's path then answers, with everything it checks.
   */
  private async appendInOrder(id: string, c: InOrderChunk, sealed: Buffer, at: string): Promise<UploadRow | null> {
    const r =
      c.offset === 0
        ? await this.pool.query<Row>(
            named(
              'chunk-first',
              `WITH u AS (INSERT INTO uploads (id, kiosk_id, size, sha256, received, complete, updated_at) VALUES ($1, $2, $3, $4, $5, false, $6) ON CONFLICT (id) DO NOTHING RETURNING *),
                    c AS (INSERT INTO upload_chunks (upload_id, chunk_offset, sealed) SELECT id, 0, $7 FROM u)
               SELECT * FROM u`,
              [id, c.kioskId, c.size, c.sha256, c.next, at, sealed],
            ),
          )
        : await this.pool.query<Row>(
            named(
              'chunk-next',
              `WITH u AS (UPDATE uploads SET received = $6, updated_at = $7
                          WHERE id = $1 AND kiosk_id = $2 AND size = $3 AND sha256 = $4 AND received = $5 AND NOT complete RETURNING *),
                    c AS (INSERT INTO upload_chunks (upload_id, chunk_offset, sealed) SELECT id, $5, $8 FROM u)
               SELECT * FROM u`,
              [id, c.kioskId, c.size, c.sha256, c.offset, c.next, at, sealed],
            ),
          );
    return uploadOf(r.rows[0]);
  }

  async attachment(id: string): Promise<Buffer | null> {
    const vault = this.requireVault();
    const row = await this.upload(id);
    if (!row?.complete) return null;
    const chunks = await this.pool.query<{ chunk_offset: number; sealed: Buffer }>(named('chunks', 'SELECT chunk_offset, sealed FROM upload_chunks WHERE upload_id = $1 ORDER BY chunk_offset', [id]));
    return Buffer.concat(chunks.rows.map((x) => vault.open(x.sealed, chunkAd(id, x.chunk_offset))));
  }

  purge(now: Date, policy: RetentionPolicy, attachmentsOf: (appId: string, bodyEnc: Buffer) => string[]): Promise<PurgeResult> {
    const { finishedBefore, abandonedBefore } = retentionCutoffs(now, policy);
    return this.tx(async (c) => {
      // SKIP LOCKED: two instances purging at once share the work instead of waiting on each other.
      const apps = await c.query<{ id: string; body_enc: Buffer }>(
        "SELECT id, body_enc FROM applications WHERE status IN ('completed', 'rejected') AND updated_at < $1 AND attachments_purged_at IS NULL FOR UPDATE SKIP LOCKED",
        [finishedBefore],
      );
      let attachments = 0;
      for (const a of apps.rows) {
        const ids = attachmentsOf(a.id, a.body_enc);
        attachments += (await c.query('DELETE FROM uploads WHERE id = ANY($1)', [ids])).rowCount ?? 0;
        await c.query('UPDATE applications SET attachments_purged_at = $1 WHERE id = $2', [now.toISOString(), a.id]);
      }
      const abandoned = await c.query('DELETE FROM uploads WHERE complete = false AND updated_at < $1', [abandonedBefore]);
      return { applications: apps.rows.length, attachments, abandonedUploads: abandoned.rowCount ?? 0, strayFiles: 0 };
    });
  }

  async healthy(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.noncePool.end()]);
  }

  private requireVault(): Vault {
    if (!this.vault) throw new Error('the storage is used before its vault is open');
    return this.vault;
  }
}

/** An answer decided inside a transaction that must not keep what it wrote. */
class Answer extends Error {
  constructor(readonly answer: { status: number; row: UploadRow | null }) {
    super('answer');
  }
}

function applicationOf(r: Row | undefined): ApplicationRow | null {
  return r ? applicationRowFrom(r) : null;
}

function uploadOf(r: Row | undefined): UploadRow | null {
  if (!r) return null;
  return { id: String(r.id), kioskId: String(r.kiosk_id), size: Number(r.size), sha256: String(r.sha256), received: Number(r.received), complete: r.complete === true };
}
