// The store:* and sync:* channel handlers over an open kiosk store and engine.
// StoreErrors become typed IPC failures; messages are plain words without
// personal data, so the renderer may show them to the specialist as they are.
import { IpcFailure } from '../../../common/ipc/result.js';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { KioskSync } from '../../../offline-store/kiosk-sync.js';
import { querySocialInsurance } from '../../../offline-store/sync/queries.js';
import type { Handlers } from '../module.js';
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

/** The application fields submit and save-draft share, as the store takes them. */
function content<A extends { serviceId: ServiceId; catalogueVersion: string; formData: FormData; applicant?: Applicant | null; onBehalfOf?: OnBehalfOf | null; actor: AuditActor; draftId?: string | undefined }>(a: A) {
  return {
    serviceId: a.serviceId,
    catalogueVersion: a.catalogueVersion,
    formData: a.formData,
    applicant: a.applicant ?? null,
    onBehalfOf: a.onBehalfOf ?? null,
    actor: a.actor,
    draftId: a.draftId,
  };
}

export function storeHandlers(k: KioskSync, now: () => Date): Handlers {
  const { store, engine } = k;
  return {
    'store:submit-application': mapped((a) => {
      const s = store.applications.submit({
        ...content(a),
        attachments: a.attachments.map((x) => ({ name: x.name, mediaType: x.mediaType, sha256: x.sha256, data: Buffer.from(x.base64, 'base64') })),
      });
      engine.trigger();
      return { id: s.id, localTrackingNumber: s.localTrackingNumber, status: s.status, createdAt: s.createdAt };
    }),
    'store:save-draft': mapped((a) =>
      store.applications.saveDraft(content(a)),
    ),
    'store:cancel-draft': mapped((a) => store.applications.cancelDraft(a.id, a.actor)),
    'store:list-applications': mapped((a) => ({
      applications: store.applications.list({ idNumber: a.idNumber, statuses: a.statuses, limit: a.limit, offset: a.offset }),
    })),
    'store:get-application': mapped((a) => store.applications.get(a.id)),
    'store:retry-application': mapped((a) => {
      const s = store.applications.retry(a.id, a.actor);
      engine.trigger();
      return s;
    }),
    'store:query-social-insurance': mapped((a) => querySocialInsurance(store, k.client, engine, a.idNumber, now)),
    'store:rate-satisfaction': mapped((a) => ({
      id: store.records.addRating({ serviceId: a.serviceId, applicationId: a.applicationId ?? null, score: a.score, comment: a.comment ?? null }),
    })),
    'store:audit-append': mapped((a) => ({
      seq: store.audit.append({ actor: a.actor, action: a.action, subjectId: a.subjectId ?? null, onBehalfOf: a.onBehalfOf ?? null, detail: a.detail ?? null }),
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
