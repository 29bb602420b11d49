// Applications as the service flows and the specialist see them: drafts, submit
// (one transaction: application, attachments, history, audit; fsynced before the
// caller hears "saved"), list and get, retry after a rejection, cancel a draft.
import crypto from 'node:crypto';
import type {
  Applicant,
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  AuditActor,
  FormData,
  OnBehalfOf,
} from '../../common/domain/application.js';
import { StoreError } from '../db/errors.js';
import { uuidv7 } from '../uuidv7.js';
import type { RepoContext } from './context.js';
import { ATTACHMENT_META_COLUMNS, toSummary, type ApplicationRow, type AttachmentRow } from './rows.js';
import { appendAudit } from './audit.js';
import { zonedDay } from '../../common/time/zoned.js';

export interface AttachmentBytes {
  name: string;
  mediaType: string;
  data: Buffer;
  /** What the caller computed; the store recomputes and refuses a mismatch. */
  sha256: string;
}

export interface ApplicationInput {
  serviceId: string;
  catalogueVersion: string;
  formData: FormData;
  applicant?: Applicant | null;
  onBehalfOf?: OnBehalfOf | null;
  actor: AuditActor;
}

export interface SubmitInput extends ApplicationInput {
  attachments: AttachmentBytes[];
  /** Submits an existing draft instead of creating a new application. */
  draftId?: string;
}

export interface ListQuery {
  idNumber?: string;
  statuses?: ApplicationStatus[];
  limit?: number;
  offset?: number;
}

export class ApplicationsRepo {
  constructor(private readonly c: RepoContext) {}

  saveDraft(input: ApplicationInput & { draftId?: string }): ApplicationSummary {
    return this.c.guard(() =>
      this.c.db
        .transaction(() => {
          const id = input.draftId ? this.requireStatus(input.draftId, ['draft']).id : this.insertNew(input, 'draft');
          if (input.draftId) this.updateContent(id, input);
          appendAudit(this.c, { actor: input.actor, action: 'application.save-draft', subjectId: id, onBehalfOf: input.onBehalfOf ?? null });
          return this.summary(id);
        })
        .immediate(),
    );
  }

  submit(input: SubmitInput): ApplicationSummary {
    for (const a of input.attachments) {
      const actual = crypto.createHash('sha256').update(a.data).digest('hex');
      if (actual !== a.sha256) throw new StoreError('invalid', `附件“${a.name}”校验失败，请重新拍照 (attachment sha256 mismatch)`);
    }
    return this.c.guard(() =>
      this.c.db
        .transaction(() => {
          let id: string;
          if (input.draftId) {
            id = this.requireStatus(input.draftId, ['draft']).id;
            this.updateContent(id, input);
            this.setStatus(id, 'queued', null);
          } else {
            id = this.insertNew(input, 'queued');
          }
          const ins = this.c.db.prepare(
            'INSERT INTO attachments (id, application_id, ordinal, name, media_type, size, sha256, uploaded, data) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)',
          );
          input.attachments.forEach((a, i) => ins.run(uuidv7(this.c.now().getTime()), id, i, a.name, a.mediaType, a.data.length, a.sha256, a.data));
          appendAudit(this.c, { actor: input.actor, action: 'application.submit', subjectId: id, onBehalfOf: input.onBehalfOf ?? null });
          return this.summary(id);
        })
        .immediate(),
    );
  }

  /** A rejected application goes back to the outbox under a new revision (a new idempotency key). */
  retry(id: string, actor: AuditActor): ApplicationSummary {
    return this.c.guard(() =>
      this.c.db
        .transaction(() => {
          this.requireStatus(id, ['rejected']);
          this.c.db.prepare('UPDATE applications SET revision = revision + 1, attempts = 0, next_attempt_at = 0, receipt_number = NULL WHERE id = ?').run(id);
          this.setStatus(id, 'queued', null);
          appendAudit(this.c, { actor, action: 'application.retry', subjectId: id, onBehalfOf: null });
          return this.summary(id);
        })
        .immediate(),
    );
  }

  /** Only a draft can be cancelled: anything queued may already be at the server. */
  cancelDraft(id: string, actor: AuditActor): ApplicationSummary {
    return this.c.guard(() =>
      this.c.db
        .transaction(() => {
          this.requireStatus(id, ['draft']);
          this.c.db.prepare('UPDATE applications SET applicant_id = NULL, applicant_name = NULL, applicant_key = NULL, form_json = NULL WHERE id = ?').run(id);
          this.setStatus(id, 'cancelled', null);
          appendAudit(this.c, { actor, action: 'application.cancel-draft', subjectId: id, onBehalfOf: null });
          return this.summary(id);
        })
        .immediate(),
    );
  }

  list(q: ListQuery = {}): ApplicationSummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.idNumber) {
      where.push('applicant_key = ?');
      params.push(this.c.subjectKey(q.idNumber));
    }
    if (q.statuses?.length) {
      where.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
      params.push(...q.statuses);
    }
    const sql = `SELECT * FROM applications ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ? OFFSET ?`;
    return this.c.guard(() => (this.c.db.prepare(sql).all(...params, q.limit ?? 50, q.offset ?? 0) as ApplicationRow[]).map(toSummary));
  }

  get(id: string): ApplicationDetail {
    return this.c.guard(() => {
      const row = this.row(id);
      const attachments = this.c.db.prepare(`SELECT ${ATTACHMENT_META_COLUMNS} FROM attachments WHERE application_id = ? ORDER BY ordinal`).all(id) as AttachmentRow[];
      const history = this.c.db.prepare('SELECT status, reason, at FROM status_history WHERE application_id = ? ORDER BY seq').all(id) as {
        status: ApplicationStatus;
        reason: string | null;
        at: string;
      }[];
      return {
        ...toSummary(row),
        formData: row.form_json ? (JSON.parse(row.form_json) as FormData) : null,
        attachments: attachments.map((a) => ({ id: a.id, name: a.name, mediaType: a.media_type, size: a.size, sha256: a.sha256, uploaded: a.uploaded })),
        history,
      };
    });
  }

  /**
   * What a receipt is composed from, in one read: the summary, what was filed, and who filed it in full
   * (the summary masks the number; null once purged).
   */
  forPaper(id: string): { summary: ApplicationSummary; formData: FormData | null; applicant: { idNumber: string; name: string } | null } {
    return this.c.guard(() => {
      const row = this.row(id);
      return {
        summary: toSummary(row),
        formData: row.form_json ? (JSON.parse(row.form_json) as FormData) : null,
        applicant: row.applicant_id && row.applicant_name ? { idNumber: row.applicant_id, name: row.applicant_name } : null,
      };
    });
  }

  summary(id: string): ApplicationSummary {
    return toSummary(this.row(id));
  }

  private row(id: string): ApplicationRow {
    const row = this.c.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
    if (!row) throw new StoreError('not-found', `没有找到这笔办件 (no application ${id})`);
    return row;
  }

  private requireStatus(id: string, allowed: ApplicationStatus[]): ApplicationRow {
    const row = this.row(id);
    if (!allowed.includes(row.status)) throw new StoreError('invalid', `办件状态为 ${row.status}，不能这样操作 (application is ${row.status})`);
    return row;
  }

  private insertNew(input: ApplicationInput, status: ApplicationStatus): string {
    const now = this.c.now();
    const id = uuidv7(now.getTime());
    const at = now.toISOString();
    this.c.db
      .prepare(
        `INSERT INTO applications (id, local_tracking_number, service_id, catalogue_version, status, applicant_key, applicant_id, applicant_name, form_json, on_behalf_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        this.nextTrackingNumber(now),
        input.serviceId,
        input.catalogueVersion,
        status,
        input.applicant ? this.c.subjectKey(input.applicant.idNumber) : null,
        input.applicant?.idNumber ?? null,
        input.applicant?.name ?? null,
        JSON.stringify(input.formData),
        input.onBehalfOf ? JSON.stringify(input.onBehalfOf) : null,
        at,
        at,
      );
    this.c.db.prepare('INSERT INTO status_history (application_id, status, reason, at) VALUES (?, ?, NULL, ?)').run(id, status, at);
    this.c.changed(id, status);
    return id;
  }

  private updateContent(id: string, input: ApplicationInput): void {
    this.c.db
      .prepare('UPDATE applications SET service_id = ?, catalogue_version = ?, applicant_key = ?, applicant_id = ?, applicant_name = ?, form_json = ?, on_behalf_json = ? WHERE id = ?')
      .run(
        input.serviceId,
        input.catalogueVersion,
        input.applicant ? this.c.subjectKey(input.applicant.idNumber) : null,
        input.applicant?.idNumber ?? null,
        input.applicant?.name ?? null,
        JSON.stringify(input.formData),
        input.onBehalfOf ? JSON.stringify(input.onBehalfOf) : null,
        id,
      );
  }

  private setStatus(id: string, status: ApplicationStatus, reason: string | null): void {
    const at = this.c.now().toISOString();
    this.c.db.prepare('UPDATE applications SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(status, reason, at, id);
    this.c.db.prepare('INSERT INTO status_history (application_id, status, reason, at) VALUES (?, ?, ?, ?)').run(id, status, reason, at);
    this.c.changed(id, status);
  }

  /** XY-20261122-0007: short enough to read aloud and print at once, unique on this station. */
  private nextTrackingNumber(now: Date): string {
    const day = zonedDay(now, this.c.timeZone).replaceAll('-', '');
    const key = `tracking:${day}`;
    const row = this.c.db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    const next = (row ? Number(row.value) : 0) + 1;
    this.c.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(next));
    return `XY-${day}-${String(next).padStart(4, '0')}`;
  }
}
