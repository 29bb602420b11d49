// Receiving applications: per-item outcomes so one bad application does not
// hold up the others. The idempotency key is `${id}.${revision}`:
//   same key, same body   → 200 replayed, the same receipt number;
//   same key, other body  → 422 conflict;
//   a higher revision of a rejected application → a fresh acceptance;
//   attachments not all uploaded → 409 incomplete (the kiosk uploads and retries).
import { isValidIdNumber } from '../common/domain/application.js';
import { serviceIds } from '../common/domain/service-ids.js';
import { canonicalJson, sha256Hex } from '../offline-store/sync/canonical.js';
import { idempotencyKeyOf, wireApplicationSchema, type BatchResult, type WireApplication } from '../offline-store/sync/protocol.js';
import { HttpError } from './http-util.js';
import type { ReceiveTx, ServerStorage } from './storage/storage.js';
import { applicationAd, type Vault } from './vault.js';

export class ApplicationDesk {
  constructor(
    private readonly storage: ServerStorage,
    private readonly vault: Vault,
    private readonly now: () => Date,
  ) {}

  receiveBatch(kioskId: string, body: unknown): Promise<BatchResult[]> {
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
    // One transaction per batch: every outcome, receipt and feed entry commits together or not at all.
    return this.storage.receive(kioskId, async (tx) => {
      const results: BatchResult[] = [];
      for (const p of parsed) {
        if (p.invalid) results.push({ ...p.invalid, outcome: 'invalid', httpStatus: 422, receiptNumber: null });
        else results.push(await this.receiveOne(tx, kioskId, p.app!));
      }
      return results;
    });
  }

  private async receiveOne(tx: ReceiveTx, kioskId: string, app: WireApplication): Promise<BatchResult> {
    const base = { id: app.id, idempotencyKey: app.idempotencyKey };
    const refuse = (reason: string): BatchResult => ({ ...base, outcome: 'invalid', httpStatus: 422, receiptNumber: null, reason });
    if (app.idempotencyKey !== idempotencyKeyOf(app.id, app.revision)) return refuse('idempotencyKey must be `${id}.${revision}`');
    if (!(serviceIds as readonly string[]).includes(app.serviceId)) return refuse(`本站不受理这项业务 (unknown service ${app.serviceId})`);
    if (app.applicant && !isValidIdNumber(app.applicant.idNumber)) return refuse('申请人身份证号校验不通过 (applicant ID number fails its check digit)');

    const bodySha256 = sha256Hex(canonicalJson(app));
    const existing = await tx.application(app.id);
    if (existing) {
      if (existing.kioskId !== kioskId) return { ...base, outcome: 'conflict', httpStatus: 422, receiptNumber: null, reason: 'application id belongs to another kiosk' };
      if (existing.idempotencyKey === app.idempotencyKey) {
        return existing.bodySha256 === bodySha256
          ? { ...base, outcome: 'replayed', httpStatus: 200, receiptNumber: existing.receiptNumber, reason: null }
          : { ...base, outcome: 'conflict', httpStatus: 422, receiptNumber: null, reason: '同一个幂等键提交了不同的内容 (same idempotency key, different body)' };
      }
      if (!(app.revision > existing.revision && existing.status === 'rejected')) {
        return { ...base, outcome: 'conflict', httpStatus: 422, receiptNumber: null, reason: `revision ${app.revision} does not follow a rejected revision ${existing.revision}` };
      }
    }
    let missing = 0;
    for (const a of app.attachments) {
      const u = await tx.upload(a.id);
      if (!u || !u.complete || u.size !== a.size || u.sha256 !== a.sha256 || u.kioskId !== kioskId) missing++;
    }
    if (missing) return { ...base, outcome: 'incomplete', httpStatus: 409, receiptNumber: null, reason: `${missing} attachment(s) not fully uploaded` };

    const receipt = await tx.accept({
      id: app.id,
      kioskId,
      revision: app.revision,
      idempotencyKey: app.idempotencyKey,
      bodySha256,
      // The body holds the resident's ID number, name, phone and address: sealed, bound to its row.
      bodyEnc: this.vault.seal(JSON.stringify(app), applicationAd(app.id)),
      receivedAt: this.now().toISOString(),
    });
    return { ...base, outcome: 'accepted', httpStatus: 201, receiptNumber: receipt, reason: null };
  }
}

/** 受理编号 SB-20261122-000042: the day it was received and a number unique on this server. */
export function receiptNumber(at: string, n: number): string {
  return `SB-${at.slice(0, 10).replaceAll('-', '')}-${String(n).padStart(6, '0')}`;
}
