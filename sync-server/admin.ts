// What a server operator does (through `npx xiangyin server …`, or the embedded
// server for its own kiosk): register kiosks, and mark applications completed
// or rejected, which reaches the kiosk through the change feed (the download path).
import type { Db } from '../offline-store/db/sqlite.js';
import { catalogueVersionSchema } from '../offline-store/sync/protocol.js';
import { publicKeyFingerprint } from '../offline-store/sync/signing.js';
import { applicationAd, type Vault } from './vault.js';

/** Catalogue payloads larger than this would not fit a kiosk's answer limit. */
export const MAX_CATALOGUE_BYTES = 1024 * 1024;

/** An operator's command that cannot be carried out as given; nothing was written. */
export class AdminError extends Error {
  constructor(
    readonly code: 'bad-catalogue-version' | 'bad-catalogue',
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export interface ServerApplication {
  id: string;
  kioskId: string;
  revision: number;
  receiptNumber: string;
  status: string;
  reason: string | null;
  receivedAt: string;
  attachments: { id: string; name: string; mediaType: string; sha256: string; size: number }[];
}

export class AdminDesk {
  constructor(
    private readonly db: Db,
    private readonly vault: Vault,
    private readonly now: () => Date,
  ) {}

  registerKiosk(kioskId: string, publicKeyPem: string): { kioskId: string; fingerprint: string; replaced: boolean } {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(kioskId)) throw new Error('kiosk id: 1-64 letters, digits, dot, dash, underscore');
    const fingerprint = publicKeyFingerprint(publicKeyPem);
    const replaced = this.db.prepare('SELECT 1 FROM kiosks WHERE id = ?').get(kioskId) !== undefined;
    this.db
      .prepare('INSERT INTO kiosks (id, public_key_pem, fingerprint, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET public_key_pem = excluded.public_key_pem, fingerprint = excluded.fingerprint, registered_at = excluded.registered_at')
      .run(kioskId, publicKeyPem, fingerprint, this.now().toISOString());
    return { kioskId, fingerprint, replaced };
  }

  kiosks(): { id: string; fingerprint: string; registeredAt: string }[] {
    return (this.db.prepare('SELECT id, fingerprint, registered_at FROM kiosks ORDER BY id').all() as { id: string; fingerprint: string; registered_at: string }[]).map((k) => ({
      id: k.id,
      fingerprint: k.fingerprint,
      registeredAt: k.registered_at,
    }));
  }

  /** Marks an accepted application done (办结) or refused (不予受理/退回), with a reason for the latter. */
  decide(applicationId: string, status: 'completed' | 'rejected', reason: string | null): ServerApplication {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT kiosk_id, status, receipt_number FROM applications WHERE id = ?').get(applicationId) as
          | { kiosk_id: string; status: string; receipt_number: string }
          | undefined;
        if (!row) throw new Error(`no application ${applicationId} on this server`);
        if (row.status !== 'accepted') throw new Error(`application is already ${row.status}`);
        if (status === 'rejected' && !reason) throw new Error('a rejection needs a reason the specialist can read to the resident');
        const at = this.now().toISOString();
        this.db.prepare('UPDATE applications SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(status, reason, at, applicationId);
        this.db
          .prepare("INSERT INTO changes (kiosk_id, kind, application_id, status, receipt_number, reason, at) VALUES (?, 'application-status', ?, ?, ?, ?, ?)")
          .run(row.kiosk_id, applicationId, status, row.receipt_number, reason, at);
        return this.application(applicationId)!;
      })
      .immediate();
  }

  /**
   * Publishes a catalogue version to every kiosk through the change feed. What
   * the feed cannot carry is refused here, with a typed error, rather than
   * breaking the feed for every kiosk later.
   */
  publishCatalogue(version: string, payload: unknown): void {
    const v = catalogueVersionSchema.safeParse(version);
    if (!v.success) throw new AdminError('bad-catalogue-version', `catalogue version ${JSON.stringify(version.slice(0, 40))}: ${v.error.issues[0]?.message}`);
    if (payload === undefined || payload === null || typeof payload !== 'object') throw new AdminError('bad-catalogue', 'a catalogue is a JSON object');
    const json = JSON.stringify({ version, payload });
    if (Buffer.byteLength(json) > MAX_CATALOGUE_BYTES) throw new AdminError('bad-catalogue', `a catalogue must stay under ${MAX_CATALOGUE_BYTES} bytes`);
    this.db.prepare("INSERT INTO changes (kiosk_id, kind, payload_json, at) VALUES (NULL, 'catalogue', ?, ?)").run(json, this.now().toISOString());
  }

  application(id: string): ServerApplication | null {
    const r = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? this.toApplication(r) : null;
  }

  applications(opts: { kioskId?: string; status?: string; limit?: number } = {}): ServerApplication[] {
    const rows = this.db
      .prepare('SELECT * FROM applications WHERE (? IS NULL OR kiosk_id = ?) AND (? IS NULL OR status = ?) ORDER BY id LIMIT ?')
      .all(opts.kioskId ?? null, opts.kioskId ?? null, opts.status ?? null, opts.status ?? null, opts.limit ?? 1_000_000) as Record<string, unknown>[];
    return rows.map((r) => this.toApplication(r));
  }

  counts(): Record<string, number> {
    const rows = this.db.prepare('SELECT status, count(*) AS n FROM applications GROUP BY status').all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /** The whole application as the kiosk sent it (with the resident's data), opened from its sealed body. */
  body(id: string): unknown {
    const r = this.db.prepare('SELECT id, body_enc FROM applications WHERE id = ?').get(id) as { id: string; body_enc: Buffer } | undefined;
    return r ? JSON.parse(this.vault.openText(r.body_enc, applicationAd(r.id))) : null;
  }

  private toApplication(r: Record<string, unknown>): ServerApplication {
    const body = JSON.parse(this.vault.openText(r.body_enc as Buffer, applicationAd(String(r.id)))) as { attachments: { id: string; name: string; mediaType: string; sha256: string; size: number }[] };
    return {
      id: String(r.id),
      kioskId: String(r.kiosk_id),
      revision: Number(r.revision),
      receiptNumber: String(r.receipt_number),
      status: String(r.status),
      reason: (r.reason as string | null) ?? null,
      receivedAt: String(r.received_at),
      attachments: body.attachments.map((a) => ({ id: a.id, name: a.name, mediaType: a.mediaType, sha256: a.sha256, size: a.size })),
    };
  }
}
