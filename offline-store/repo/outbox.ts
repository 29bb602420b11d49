// The outbox: what the sync engine reads and writes. Pending work is derived from
// the applications themselves (status queued or sending), so an application is
// in the outbox exactly when it is committed and not yet accepted: there is no
// second table that a crash could leave out of step.
import type { ApplicationStatus, FormData, OnBehalfOf } from '../../common/domain/application.js';
import type { Change, WireApplication } from '../sync/protocol.js';
import { idempotencyKeyOf } from '../sync/protocol.js';
import type { RepoContext } from './context.js';
import { ATTACHMENT_META_COLUMNS, type ApplicationRow, type AttachmentRow } from './rows.js';

export interface PendingAttachment {
  id: string;
  applicationId: string;
  size: number;
  uploaded: number;
  sha256: string;
}

export interface PendingApplication {
  id: string;
  revision: number;
  wire: WireApplication;
  attachments: PendingAttachment[];
}

/** Approximate JSON size of an application on the wire, for the pending-bytes figure. */
const APPLICATION_OVERHEAD_BYTES = 600;

export class OutboxRepo {
  constructor(private readonly c: RepoContext) {}

  /** Oldest first, so residents are served in the order they came. */
  pending(limit: number, afterId = ''): PendingApplication[] {
    return this.c.guard(() => {
      const rows = this.c.db
        .prepare("SELECT * FROM applications WHERE status IN ('queued', 'sending') AND id > ? ORDER BY id LIMIT ?")
        .all(afterId, limit) as ApplicationRow[];
      const atts = this.c.db.prepare(`SELECT ${ATTACHMENT_META_COLUMNS} FROM attachments WHERE application_id = ? ORDER BY ordinal`);
      return rows.map((r) => {
        const a = atts.all(r.id) as AttachmentRow[];
        return {
          id: r.id,
          revision: r.revision,
          attachments: a.map((x) => ({ id: x.id, applicationId: r.id, size: x.size, uploaded: x.uploaded, sha256: x.sha256 })),
          wire: {
            id: r.id,
            revision: r.revision,
            idempotencyKey: idempotencyKeyOf(r.id, r.revision),
            localTrackingNumber: r.local_tracking_number,
            serviceId: r.service_id,
            catalogueVersion: r.catalogue_version,
            applicant: r.applicant_id && r.applicant_name ? { idNumber: r.applicant_id, name: r.applicant_name } : null,
            formData: r.form_json ? (JSON.parse(r.form_json) as FormData) : {},
            onBehalfOf: r.on_behalf_json ? (JSON.parse(r.on_behalf_json) as OnBehalfOf) : null,
            attachments: a.map((x) => ({ id: x.id, name: x.name, mediaType: x.media_type, size: x.size, sha256: x.sha256 })),
            createdAt: r.created_at,
          },
        };
      });
    });
  }

  readChunk(attachmentId: string, offset: number, length: number): Buffer {
    return this.c.guard(() => {
      // substr() on a BLOB counts bytes, 1-based.
      const row = this.c.db.prepare('SELECT substr(data, ?, ?) AS chunk FROM attachments WHERE id = ?').get(offset + 1, length, attachmentId) as
        | { chunk: Buffer | null }
        | undefined;
      return row?.chunk ?? Buffer.alloc(0);
    });
  }

  /** Records what the server confirmed holding; never moves backwards except on a server reset. */
  setUploaded(attachmentId: string, received: number): void {
    this.c.guard(() => this.c.db.prepare('UPDATE attachments SET uploaded = ? WHERE id = ?').run(received, attachmentId));
  }

  markSending(ids: string[]): void {
    if (!ids.length) return;
    this.c.guard(() =>
      this.c.db
        .transaction(() => {
          for (const id of ids) this.transition(id, ['queued'], 'sending', null);
        })
        .immediate(),
    );
  }

  /** The server's receipt for this revision. A stale answer (older revision) is ignored. */
  accept(id: string, revision: number, receiptNumber: string): boolean {
    return this.c.guard(() =>
      this.c.db
        .transaction(() => {
          if (!this.revisionIs(id, revision)) return false;
          const changed = this.transition(id, ['queued', 'sending'], 'accepted', null);
          if (changed) this.c.db.prepare('UPDATE applications SET receipt_number = ? WHERE id = ?').run(receiptNumber, id);
          return changed;
        })
        .immediate(),
    );
  }

  /** A 4xx about this application: it leaves the outbox and the specialist sees the reason. */
  reject(id: string, revision: number, reason: string): boolean {
    return this.c.guard(() =>
      this.c.db
        .transaction(() => (this.revisionIs(id, revision) ? this.transition(id, ['queued', 'sending'], 'rejected', reason) : false))
        .immediate(),
    );
  }

  /** Applies one change from the server's feed; unknown applications are ignored. */
  applyChange(change: Change): boolean {
    return this.c.guard(() =>
      this.c.db
        .transaction(() => {
          if (change.kind === 'catalogue') {
            this.c.db
              .prepare('INSERT OR IGNORE INTO catalogue_versions (version, received_at, payload_json) VALUES (?, ?, ?)')
              .run(change.version, this.c.now().toISOString(), JSON.stringify(change.payload ?? null));
            return true;
          }
          const { applicationId: id, status, receiptNumber, reason } = change;
          if (receiptNumber) this.c.db.prepare('UPDATE applications SET receipt_number = COALESCE(receipt_number, ?) WHERE id = ?').run(receiptNumber, id);
          if (status === 'accepted') return this.transition(id, ['queued', 'sending'], 'accepted', null);
          if (status === 'completed') {
            const done = this.transition(id, ['queued', 'sending', 'accepted'], 'completed', null);
            if (done) this.c.db.prepare('UPDATE applications SET completed_at = ? WHERE id = ?').run(change.at, id);
            return done;
          }
          return this.transition(id, ['queued', 'sending', 'accepted'], 'rejected', reason ?? '未说明原因');
        })
        .immediate(),
    );
  }

  /** The newest catalogue version the server published (for the catalogue area to adopt). */
  latestCatalogue(): { version: string; payload: unknown; receivedAt: string } | null {
    return this.c.guard(() => {
      const r = this.c.db.prepare('SELECT version, payload_json, received_at FROM catalogue_versions ORDER BY received_at DESC, version DESC LIMIT 1').get() as
        | { version: string; payload_json: string; received_at: string }
        | undefined;
      return r ? { version: r.version, payload: JSON.parse(r.payload_json) as unknown, receivedAt: r.received_at } : null;
    });
  }

  stats(): { count: number; bytes: number } {
    return this.c.guard(() => {
      const apps = this.c.db.prepare("SELECT count(*) AS n FROM applications WHERE status IN ('queued', 'sending')").get() as { n: number };
      const att = this.c.db
        .prepare("SELECT coalesce(sum(a.size - a.uploaded), 0) AS b FROM attachments a JOIN applications p ON p.id = a.application_id WHERE p.status IN ('queued', 'sending')")
        .get() as { b: number };
      return { count: apps.n, bytes: att.b + apps.n * APPLICATION_OVERHEAD_BYTES };
    });
  }

  getState(key: string): string | null {
    return this.c.guard(() => (this.c.db.prepare('SELECT value FROM kv WHERE key = ?').get(`sync:${key}`) as { value: string } | undefined)?.value ?? null);
  }

  setState(key: string, value: string): void {
    this.c.guard(() =>
      this.c.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(`sync:${key}`, value),
    );
  }

  private revisionIs(id: string, revision: number): boolean {
    const r = this.c.db.prepare('SELECT revision FROM applications WHERE id = ?').get(id) as { revision: number } | undefined;
    return r?.revision === revision;
  }

  private transition(id: string, from: ApplicationStatus[], to: ApplicationStatus, reason: string | null): boolean {
    const at = this.c.now().toISOString();
    const r = this.c.db
      .prepare(`UPDATE applications SET status = ?, reason = ?, updated_at = ? WHERE id = ? AND status IN (${from.map(() => '?').join(',')})`)
      .run(to, reason, at, id, ...from);
    if (r.changes === 0) return false;
    this.c.db.prepare('INSERT INTO status_history (application_id, status, reason, at) VALUES (?, ?, ?, ?)').run(id, to, reason, at);
    this.c.changed(id, to);
    return true;
  }
}
