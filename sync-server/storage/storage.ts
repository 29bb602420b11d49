// Where the reference server keeps its state, behind one interface with two
// implementations: SQLite (sqlite-storage.ts: one file and an uploads folder,
// the embedded default, one process or a few on one machine) and PostgreSQL
// (postgres/postgres-storage.ts: any number of server instances on one
// database). The protocol's rules live once, above this interface
// (applications.ts, uploads.ts, admin.ts); a storage only makes each step
// atomic and durable, and never sees personal data in clear: bodies, records,
// keys and attachment chunks reach it sealed by the vault (vault.ts).
import type { WireHelpCall } from '../../offline-store/sync/help-protocol.js';

/** A help call as held: its caller (help-calls.ts), if known, sealed for the call, never in clear. */
export type StoredHelpCall = Omit<WireHelpCall, 'caller'> & { callerSealed?: string | null };
import type { RetentionPolicy, PurgeResult } from '../retention.js';
import type { Vault } from '../vault.js';

export interface ApplicationRow {
  id: string;
  kioskId: string;
  revision: number;
  idempotencyKey: string;
  bodySha256: string;
  bodyEnc: Buffer;
  receiptNumber: string;
  status: string;
  reason: string | null;
  receivedAt: string;
  updatedAt: string;
}

export interface UploadRow {
  id: string;
  kioskId: string;
  size: number;
  sha256: string;
  received: number;
  complete: boolean;
}

/** One row of the change feed as stored (toChange in server.ts shapes it for the protocol). */
export interface ChangeRow {
  seq: number;
  kind: string;
  applicationId: string | null;
  status: string | null;
  receiptNumber: string | null;
  reason: string | null;
  payloadJson: string | null;
  at: string;
}

/**
 * The one-time code state of one resident (identity-codes.ts): the code's keyed
 * hash (never the code), which box it was sent for, when it expires, the wrong
 * tries against it, and the sends of the last hour (the rate limit).
 */
export interface OneTimeCodeRow {
  kioskId: string;
  /** null once the code was used. */
  codeMac: string | null;
  expiresAt: number;
  wrong: number;
  /** Times (ms) of the sends within the last hour. */
  sends: number[];
  /** The last code sent was keyed back: the phone's holder is there, so the next may go without the minute's wait. */
  verified?: boolean;
}

/** One text the simulated SMS gateway wrote instead of sending (sms.ts): the phone masked, never whole. */
export interface SmsOutboxRow {
  fromKiosk: string;
  station: string | null;
  phoneMasked: string;
  text: string;
  at: string;
}

export interface KioskRow {
  id: string;
  publicKeyPem: string;
  fingerprint: string;
  registeredAt: string;
}

/** What a batch's transaction may read and write; everything it does commits or rolls back together. */
export interface ReceiveTx {
  application(id: string): Promise<ApplicationRow | null>;
  upload(id: string): Promise<UploadRow | null>;
  /**
   * Stores an accepted revision (a new row, or a resubmission replacing a
   * rejected one) with a fresh receipt number and its change in the kiosk's
   * feed; returns the receipt number.
   */
  accept(row: Omit<ApplicationRow, 'receiptNumber' | 'status' | 'reason' | 'updatedAt'>): Promise<string>;
}

export interface ChunkHeaders {
  offset: number;
  total: number;
  sha256: string;
}

/**
 * The rules for one chunk against the upload as stored (uploads.ts): either an
 * answer without writing, or go ahead.
 */
export type ChunkJudge = (row: UploadRow | null) => { answer: { status: number; row: UploadRow | null } } | { write: true };

/**
 * A chunk that carries on from where its upload stands and is not its last
 * (uploads.ts inOrderChunk): the case in which the rules say "write" without
 * more, so long as the upload is exactly in this state — this kiosk's, this
 * size and sha256, not complete, `offset` bytes received — or, at offset 0, not
 * there yet. A storage whose every step is a round trip may check exactly that in
 * the statement that writes, and ask the judge only when it does not hold.
 */
export interface InOrderChunk {
  kioskId: string;
  size: number;
  sha256: string;
  offset: number;
  /** The offset after this chunk (less than size: the last chunk is hashed, by the judge's path). */
  next: number;
}

export interface ServerStorage {
  readonly kind: 'sqlite' | 'postgres';

  /** The data key wrapped by the master key; `create` makes one the first time (once, however many servers start at once). */
  wrappedDataKey(create: () => Buffer, at: string): Promise<Buffer>;
  /** Key rotation: the wrapped data key replaced by `rewrap(old)` in one transaction. */
  rewrapDataKey(rewrap: (wrapped: Buffer | null) => Buffer, at: string): Promise<void>;
  /** The server's signing key, sealed; `create` makes one the first time. */
  sealedServerKey(create: () => Buffer, at: string): Promise<Buffer>;
  /** Called once the vault is open: what the storage must seal itself (attachments, legacy rows) uses it. */
  useVault(vault: Vault): Promise<void>;

  kioskPublicKey(kioskId: string): Promise<string | null>;
  /**
   * A signed request's check-in, as one step (one round trip to a shared database): the
   * kiosk's public key as registered now, and the nonce remembered; `firstSeen` is true the
   * first time this nonce is seen for this kiosk (a unique key decides, across instances).
   * Null, with nothing remembered, for a kiosk that is not registered. The caller verifies
   * the signature after, and forgets a first-seen nonce whose signature does not verify.
   */
  checkIn(kioskId: string, nonce: string, atMs: number): Promise<{ publicKeyPem: string; firstSeen: boolean } | null>;
  /** Forgets one nonce (a request that turned out not to be signed by the kiosk). */
  forgetNonce(kioskId: string, nonce: string): Promise<void>;
  forgetNoncesBefore(ms: number): Promise<void>;

  registerKiosk(k: KioskRow): Promise<boolean>;
  kiosks(): Promise<KioskRow[]>;

  /** Runs a batch in one transaction that owns the kiosk's feed until it commits. */
  receive<T>(kioskId: string, work: (tx: ReceiveTx) => Promise<T>): Promise<T>;
  application(id: string): Promise<ApplicationRow | null>;
  applications(filter: { kioskId?: string; status?: string; limit?: number }): Promise<ApplicationRow[]>;
  counts(): Promise<Record<string, number>>;
  /** Changes an application's status (with its change in the feed) after `check` approves the row as it is under lock. */
  decide(id: string, check: (row: ApplicationRow | null) => void, status: string, reason: string | null, at: string): Promise<ApplicationRow>;
  publishCatalogue(json: string, at: string): Promise<void>;
  /** Feed rows for a kiosk (its own and everyone's) after a cursor, in feed order. */
  changes(kioskId: string, after: number, limit: number): Promise<ChangeRow[]>;

  residentRecord(idKey: string): Promise<{ recordEnc: Buffer; asOf: string } | null>;
  /**
   * Runs `work` over every help call held (TV boxes' calls to their stations' desks, help-calls.ts) as
   * one transaction no other instance's interleaves; what it changes in the map is written back.
   */
  withHelpCalls<T>(work: (calls: Map<string, StoredHelpCall>) => T): Promise<T>;
  /** The face check's demo enrolment of a resident (a sealed descriptor), if any (face-advice.ts). */
  faceEnrolment(idKey: string): Promise<Buffer | null>;
  /** Sets (or replaces) a resident's demo enrolment. */
  setFaceEnrolment(idKey: string, descriptorEnc: Buffer, at: string): Promise<void>;
  /** Records (or replaces) the similarity advice for an application; null: nothing to compare with. */
  setFaceAdvice(applicationId: string, similarity: number | null, at: string): Promise<void>;
  faceAdvice(applicationId: string): Promise<{ similarity: number | null; at: string } | null>;
  /** A resident's phone on file, sealed (vault phoneAd), or null. */
  residentPhone(idKey: string): Promise<Buffer | null>;
  /** Inserts phones not there yet (`seal` is called only for those). */
  seedResidentPhones(rows: { idKey: string; seal: () => Buffer }[]): Promise<void>;
  /** Records phones on file, replacing any there (an operator's import); all in one transaction. Returns how many were new. */
  recordResidentPhones(rows: { idKey: string; phoneEnc: Buffer }[]): Promise<{ added: number; replaced: number }>;
  /**
   * Takes phones off file (an operator's removal), with any one-time code of those residents: a
   * code already sent to the old phone must not still open their records. One transaction.
   */
  removeResidentPhones(idKeys: string[]): Promise<{ removed: number }>;
  /**
   * Runs `work` over one resident's one-time code state as one transaction (a
   * lock on that resident every instance respects): two requests for one number
   * cannot both pass the rate limit, nor two guesses both escape the count.
   */
  withOneTimeCode<T>(idKey: string, work: (row: OneTimeCodeRow | null) => { row: OneTimeCodeRow | null; result: T }): Promise<T>;
  /** A resident's one-time code state as it stands, read only (who is behind a TV's call, help-callers.ts). */
  oneTimeCode(idKey: string): Promise<OneTimeCodeRow | null>;
  /** The simulated SMS gateway's outbox: appends one text (and forgets texts older than a day). */
  addSmsOutbox(m: SmsOutboxRow): Promise<void>;
  /** The latest texts sent for this kiosk's requests or to its desk (`station`), newest first. */
  smsOutbox(kioskId: string, limit: number): Promise<SmsOutboxRow[]>;
  /** Inserts records not there yet (`seal` is called only for those). */
  seedResidents(rows: { idKey: string; seal: () => Buffer }[], asOf: string): Promise<void>;

  upload(id: string): Promise<UploadRow | null>;
  /**
   * Appends a chunk, under a lock on the upload that every instance respects,
   * after `judge` approves it against the row as it is under that lock. When
   * the last byte arrives the whole attachment's sha256 is checked; a mismatch
   * empties the upload and answers 422.
   */
  appendChunk(kioskId: string, id: string, h: ChunkHeaders, chunk: Buffer, judge: ChunkJudge, at: string, inOrder?: InOrderChunk | null): Promise<{ status: number; row: UploadRow | null }>;
  /** A whole attachment's plain bytes, or null when it is not complete. */
  attachment(id: string): Promise<Buffer | null>;

  purge(now: Date, policy: RetentionPolicy, attachmentsOf: (appId: string, bodyEnc: Buffer) => string[]): Promise<PurgeResult>;

  /** Resolves when the storage answers a query (for /healthz). */
  healthy(): Promise<void>;
  close(): Promise<void>;
}

/** An application row as either storage's driver returns it (snake_case columns), in the interface's shape. */
export function applicationRowFrom(r: Record<string, unknown>): ApplicationRow {
  return {
    id: String(r.id),
    kioskId: String(r.kiosk_id),
    revision: Number(r.revision),
    idempotencyKey: String(r.idempotency_key),
    bodySha256: String(r.body_sha256),
    bodyEnc: r.body_enc as Buffer,
    receiptNumber: String(r.receipt_number),
    status: String(r.status),
    reason: (r.reason as string | null) ?? null,
    receivedAt: String(r.received_at),
    updatedAt: String(r.updated_at),
  };
}

/** An SMS outbox row as either storage's driver returns it. */
export function smsRowFrom(r: Record<string, unknown>): SmsOutboxRow {
  return { fromKiosk: String(r.from_kiosk), station: (r.station as string | null) ?? null, phoneMasked: String(r.phone_masked), text: String(r.text), at: String(r.at) };
}
