// The store:* and sync:* channel handlers over an open kiosk store and engine.
// StoreErrors become typed IPC failures; messages are plain words without
// personal data, so the renderer may show them to the specialist as they are.
// Who acted is taken from the caller's desk session (checked by the dispatcher
// against the contract's access rules), never from the arguments.
import { IpcFailure } from '../../../common/ipc/result.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { KioskSync } from '../../../offline-store/kiosk-sync.js';
import { querySocialInsurance, withNameChecked } from '../../../offline-store/sync/queries.js';
import { deskSpecialist, type HandlerContext, type Handlers } from '../module.js';
import type { ResidentScope } from './resident-scope.js';
import type { Applicant, AuditActor, FormData, OnBehalfOf } from '../../../common/domain/application.js';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';

function mapped<A extends unknown[], R>(fn: (...a: A) => R | Promise<R>): (...a: A) => Promise<R> {
  return async (...a: A): Promise<R> => {
    try {
      return await fn(...a);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      if (e.code === 'not-found') throw new IpcFailure('not-found', e.message);
      if (e.code === 'invalid') throw new IpcFailure('conflict', e.message);
      throw new IpcFailure('storage-error', e.message);
    }
  };
}

/** The desk's specialist as the audit log names them. */
function specialistActor(ctx: HandlerContext): AuditActor {
  return { kind: 'specialist', id: deskSpecialist(ctx).id };
}

/**
 * The application fields submit and save-draft share, as the store takes them.
 * A 代办 names the session's specialist (the dispatcher refused it without one);
 * anything else is the resident's own, whoever is logged in at the desk.
 */
function content<A extends { serviceId: ServiceId; catalogueVersion: string; formData: FormData; applicant?: Applicant | null; onBehalf: boolean; draftId?: string | undefined }>(a: A, ctx: HandlerContext) {
  const specialist = a.onBehalf ? deskSpecialist(ctx) : null;
  const onBehalfOf: OnBehalfOf | null = specialist ? { specialistId: specialist.id, specialistName: specialist.name } : null;
  const actor: AuditActor = specialist ? { kind: 'specialist', id: specialist.id } : { kind: 'resident' };
  return {
    serviceId: a.serviceId,
    catalogueVersion: a.catalogueVersion,
    formData: a.formData,
    applicant: a.applicant ?? null,
    onBehalfOf,
    actor,
    draftId: a.draftId,
  };
}

/**
 * `scope` refuses a resident's screen a number other than the card in the reader, `filing` an
 * applicant whose card was not read in this visit (resident-scope.ts).
 */
export function storeHandlers(k: KioskSync, now: () => Date, scope: ResidentScope, filing: ResidentScope): Handlers {
  const { store, engine } = k;
  return {
    'store:submit-application': mapped((a, ctx) => {
      if (a.applicant) filing(ctx, a.applicant.idNumber);
      const s = store.applications.submit({
        ...content(a, ctx),
        attachments: a.attachments.map((x) => ({ name: x.name, mediaType: x.mediaType, sha256: x.sha256, data: Buffer.from(x.base64, 'base64') })),
      });
      engine.trigger();
      return { id: s.id, localTrackingNumber: s.localTrackingNumber, status: s.status, createdAt: s.createdAt };
    }),
    'store:save-draft': mapped((a, ctx) => {
      if (a.applicant) filing(ctx, a.applicant.idNumber);
      return store.applications.saveDraft(content(a, ctx));
    }),
    'store:cancel-draft': mapped((a, ctx) => store.applications.cancelDraft(a.id, specialistActor(ctx))),
    'store:list-applications': mapped((a, ctx) => {
      // The whole queue is the desk's (the contract); one resident's list only their own screen's.
      if (a.idNumber !== undefined) scope(ctx, a.idNumber);
      return { applications: store.applications.list({ idNumber: a.idNumber, statuses: a.statuses, limit: a.limit, offset: a.offset }) };
    }),
    'store:get-application': mapped((a) => store.applications.get(a.id)),
    'store:application-progress': mapped((a) => {
      const d = store.applications.get(a.id);
      return { id: d.id, status: d.status, receiptNumber: d.receiptNumber };
    }),
    'store:retry-application': mapped((a, ctx) => {
      const s = store.applications.retry(a.id, specialistActor(ctx));
      engine.trigger();
      return s;
    }),
    'store:query-social-insurance': mapped(async (a, ctx) => {
      scope(ctx, a.idNumber);
      return withNameChecked(await querySocialInsurance(store, k.client, engine, a.idNumber, now), a.name);
    }),
    'store:rate-satisfaction': mapped((a) => ({
      id: store.records.addRating({ serviceId: a.serviceId, applicationId: a.applicationId ?? null, score: a.score, comment: a.comment ?? null }),
    })),
    'store:audit-append': mapped((a, ctx) => ({
      seq: store.audit.append({ actor: specialistActor(ctx), action: a.action, subjectId: a.subjectId ?? null, onBehalfOf: null, detail: a.detail ?? null }),
    })),
    'store:stats': mapped(() => {
      const s = store.stats();
      return {
        schemaVersion: s.schemaVersion,
        fileBytes: s.fileBytes,
        walBytes: s.walBytes,
        applications: s.applications,
        pendingCount: s.pendingCount,
        pendingBytes: s.pendingBytes,
        auditEntries: s.auditEntries,
      };
    }),
    'sync:status': () => engine.status,
    'sync:now': async () => {
      const r = await engine.syncNow();
      return { status: engine.status, accepted: r.accepted, rejected: r.rejected, downloaded: r.downloaded };
    },
  };
}
