// The station audit log: who did what, including a specialist acting for a
// resident (代办). Appended inside the same transaction as the act it records.
import type { AuditActor, OnBehalfOf } from '../../common/domain/application.js';
import type { RepoContext } from './context.js';

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  subjectId?: string | null;
  onBehalfOf?: OnBehalfOf | null;
  detail?: string | null;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  at: string;
}

export function appendAudit(c: RepoContext, e: AuditEntry): number {
  const r = c.db
    .prepare('INSERT INTO audit_log (at, actor_kind, actor_id, action, subject_id, on_behalf_json, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(c.now().toISOString(), e.actor.kind, e.actor.id ?? null, e.action, e.subjectId ?? null, e.onBehalfOf ? JSON.stringify(e.onBehalfOf) : null, e.detail ?? null);
  return Number(r.lastInsertRowid);
}

export class AuditRepo {
  constructor(private readonly c: RepoContext) {}

  append(e: AuditEntry): number {
    return this.c.guard(() => appendAudit(this.c, e));
  }

  recent(limit = 100): AuditRecord[] {
    return this.c.guard(() =>
      (
        this.c.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as {
          seq: number;
          at: string;
          actor_kind: AuditActor['kind'];
          actor_id: string | null;
          action: string;
          subject_id: string | null;
          on_behalf_json: string | null;
          detail: string | null;
        }[]
      ).map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actor_id ? { kind: r.actor_kind, id: r.actor_id } : { kind: r.actor_kind },
        action: r.action,
        subjectId: r.subject_id,
        onBehalfOf: r.on_behalf_json ? (JSON.parse(r.on_behalf_json) as OnBehalfOf) : null,
        detail: r.detail,
      })),
    );
  }
}
