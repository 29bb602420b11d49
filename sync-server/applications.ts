// Receiving applications: per-item outcomes so one bad application does not
// hold up the others. The idempotency key is `${id}.${revision}`:
//   same key, same body   → 200 replayed, the same receipt number;
//   same key, other body  → 422 conflict;
//   a higher revision of a rejected application → a fresh acceptance;
//   attachments not all uploaded → 409 incomplete (the kiosk uploads and retries).
import { isValidIdNumber } from '../common/domain/application.js';
import { serviceIds } from '../common/domain/catalogue-summary.js';
import type { Db } from '../offline-store/db/sqlite.js';
import { canonicalJson, sha256Hex } from '../offline-store/sync/canonical.js';
import { idempotencyKeyOf, wireApplicationSchema, type BatchResult, type WireApplication } from '../offline-store/sync/protocol.js';
import { HttpError } from './http-util.js';
import { applicationAd, type Vault } from './vault.js';

interface StoredApplication {
  id: string;
  kiosk_id: string;
  revision: number;
  idempotency_key: string;
  body_sha256: string;
  receipt_number: string;
  status: string;
}

export class ApplicationDesk {
  constructor(
    private readonly db: Db,
    private readonly vault: Vault,
    private readonly now: () => Date,
  ) {}

  receiveBatch(kioskId: string, body: unknown): BatchResult[] {
    const list = (body as { applications?: unknown })?.applications;
    if (!Array.isArray(list) || list.length === 0 || list.length > 500) throw new HttpError(400, 'bad-batch', 'applications must be an array of 1 to 500 items');
    // Items are checked one by one; an item without a readable id fails the batch.
    const parsed = list.map((item) => {
      const r = wireApplicationSchema.safeParse(item);
      if (!r.success) {
        const id = (item as { id?: unknown })?.id;
        const idempotencyKey = (item as { idempotencyKey?: unknown })?.idempotencyKey;
        if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new HttpError(400, 'bad-application', `an application without a valid id: ${r.error.issues[0]?.message}`);
        return { invalid: { id, idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : '', reason: `格式不对: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}` } };
      }
      return { app: r.data };
    });
    return this.db
      .transaction(() =>
        parsed.map((p): BatchResult => {
          if (p.invalid) return { ...p.invalid, outcome: 'invalid', httpStatus: 422, receiptNumber: null };
          return this.receiveOne(kioskId, p.app!);
        }),
      )
      .immediate();
  }

  private receiveOne(kioskId: string, app: WireApplication): BatchResult {
    const base = { id: app.id, idempotencyKey: app.idempotencyKey };
    const refuse = (reason: string): BatchResult => ({ ...base, outcome: 'invalid', httpStatus: 422, receiptNumber: null, reason });
    if (app.idempotencyKey !== idempotencyKeyOf(app.id, app.revision)) return refuse('idempotencyKey must be `${id}.${revision}`');
    if (!(serviceIds as readonly string[]).includes(app.serviceId)) return refuse(`本站不受理这项业务 (unknown service ${app.serviceId})`);
    if (app.applicant && !isValidIdNumber(app.applicant.idNumber)) return refuse('申请人身份证号校验不通过 (applicant ID number fails its check digit)');

    const bodySha256 = sha256Hex(canonicalJson(app));
    const existing = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(app.id) as StoredApplication | undefined;
    if (existing) {
      if (existing.kiosk_id !== kioskId) return { ...base, outcome: 'conflict', httpStatus: 422, receiptNumber: null, reason: 'application id belongs to another kiosk' };
      if (existing.idempotency_key === app.idempotencyKey) {
        return existing.body_sha256 === bodySha256
          ? { ...base, outcome: 'replayed', httpStatus: 200, receiptNumber: existing.receipt_number, reason: null }
          : { ...base, outcome: 'conflict', httpStatus: 422, receiptNumber: null, reason: '同一个幂等键提交了不同的内容 (same idempotency key, different body)' };
      }
      if (!(app.revision > existing.revision && existing.status === 'rejected')) {
        return { ...base, outcome: 'conflict', httpStatus: 422, receiptNumber: null, reason: `revision ${app.revision} does not follow a rejected revision ${existing.revision}` };
      }
    }
    const missing = app.attachments.filter((a) => {
      const u = this.db.prepare('SELECT size, sha256, complete, kiosk_id FROM uploads WHERE id = ?').get(a.id) as
        | { size: number; sha256: string; complete: number; kiosk_id: string }
        | undefined;
      return !u || u.complete !== 1 || u.size !== a.size || u.sha256 !== a.sha256 || u.kiosk_id !== kioskId;
    });
    if (missing.length) return { ...base, outcome: 'incomplete', httpStatus: 409, receiptNumber: null, reason: `${missing.length} attachment(s) not fully uploaded` };

    const at = this.now().toISOString();
    const receipt = this.nextReceipt(at);
    this.db
      .prepare(
        `INSERT INTO applications (id, kiosk_id, revision, idempotency_key, body_sha256, body_json, body_enc, receipt_number, status, reason, received_at, updated_at)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'accepted', NULL, ?, ?)
         ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, idempotency_key = excluded.idempotency_key, body_sha256 = excluded.body_sha256,
           body_json = NULL, body_enc = excluded.body_enc, receipt_number = excluded.receipt_number, status = 'accepted', reason = NULL,
           updated_at = excluded.updated_at, attachments_purged_at = NULL`,
      )
      // The body holds the resident's ID number, name, phone and address: sealed, bound to its row.
      .run(app.id, kioskId, app.revision, app.idempotencyKey, bodySha256, this.vault.seal(JSON.stringify(app), applicationAd(app.id)), receipt, at, at);
    this.db
      .prepare("INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, reason, at) VALUES (?, 'application-status', ?, 'accepted', ?, NULL, ?)")
      .run(kioskId, app.id, receipt, at);
    return { ...base, outcome: 'accepted', httpStatus: 201, receiptNumber: receipt, reason: null };
  }

  /** 受理编号 SB-20261122-000042: unique on this server, sequential per day. */
  private nextReceipt(at: string): string {
    const day = at.slice(0, 10).replaceAll('-', '');
    const name = `receipt:${day}`;
    this.db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1').run(name);
    const n = (this.db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number }).value;
    return `SB-${day}-${String(n).padStart(6, '0')}`;
  }
}
