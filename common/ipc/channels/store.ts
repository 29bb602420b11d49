// Store and sync channels: what the service flows (issue 6) and the specialist's
// queue call. Owned by the store area.
//
// - store:submit-application saves a resident's application for good (fsynced)
//   before answering, so the local tracking number can be printed at once; sync
//   to the server happens in the background and shows in the status bar.
// - store:list-applications serves both 办件进度查询 (by ID number, any screen)
//   and the specialist queue (by status, with rejection reasons: desk only).
// - Who did it is never an argument: a resident's screen acts as the resident, a
//   desk action (and a 代办, `onBehalf: true`) as the specialist of the caller's
//   own desk session, which main's dispatcher checks before the handler runs.
// - store:query-social-insurance answers live when the link is up, else from the
//   cache with the time it was fetched (source: 'cache').
import { z } from 'zod';
import { channel, stream, type Access } from '../define.js';
import {
  applicantSchema,
  applicationDetailSchema,
  applicationStatusSchema,
  applicationSummarySchema,
  attachmentInputSchema,
  formDataSchema,
  idNumberSchema,
  socialInsuranceRecordSchema,
  uuidSchema,
} from '../../domain/application.js';
import { serviceIdSchema } from '../../domain/catalogue-summary.js';
import { syncStatusSchema } from '../../domain/status.js';

/** Photos travel base64 in these calls: up to 6 attachments of ~1 MB each. */
export const SUBMIT_MAX_ARG_BYTES = 8 * 1024 * 1024;

const applicationContent = {
  serviceId: serviceIdSchema,
  catalogueVersion: z.string().min(1).max(32),
  formData: formDataSchema,
  applicant: applicantSchema.nullable().optional(),
  /**
   * A specialist applying on a resident's behalf (代办): needs the caller's desk
   * session, and is recorded and audited under that session's specialist.
   */
  onBehalf: z.boolean().default(false),
};

/** A 代办 is a desk action; a resident's own application is not. */
const onBehalfAccess = (a: { onBehalf: boolean }): Access => (a.onBehalf ? 'specialist' : 'resident');

export const submitApplicationArgsSchema = z
  .object({
    ...applicationContent,
    attachments: z.array(attachmentInputSchema).max(6).default([]),
    /** Submits a saved draft (same id) instead of creating a new application. */
    draftId: uuidSchema.optional(),
  })
  .strict();

export const submitApplicationResultSchema = z.object({
  id: uuidSchema,
  localTrackingNumber: z.string(),
  status: applicationStatusSchema,
  createdAt: z.string(),
});

export const socialInsuranceAnswerSchema = z.object({
  source: z.enum(['live', 'cache']),
  /** When this copy came from the server; read aloud as "截至…" when from the cache. */
  fetchedAt: z.string(),
  record: socialInsuranceRecordSchema.nullable(),
  /**
   * 'name-mismatch': the record under this number is in another name than the
   * card's; it is withheld (record null) rather than shown or printed in that name.
   */
  refused: z.literal('name-mismatch').optional(),
});

const syncNowResultSchema = z.object({
  status: syncStatusSchema,
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  downloaded: z.number().int().nonnegative(),
});

export const storeStatsSchema = z.object({
  schemaVersion: z.number().int(),
  fileBytes: z.number().int().nonnegative(),
  walBytes: z.number().int().nonnegative(),
  applications: z.record(z.string(), z.number().int().nonnegative()),
  pendingCount: z.number().int().nonnegative(),
  pendingBytes: z.number().int().nonnegative(),
  auditEntries: z.number().int().nonnegative(),
});

/** What a resident's screen may follow of an application it submitted: no form, no applicant. */
export const applicationProgressSchema = z.object({
  id: uuidSchema,
  status: applicationStatusSchema,
  /** The server's receipt number once it accepted. */
  receiptNumber: z.string().nullable(),
});

/** An earlier application of the same kind, as much as the resident's screen may say of it. */
export const sameKindApplicationSchema = z.object({
  id: uuidSchema,
  localTrackingNumber: z.string(),
  status: applicationStatusSchema,
  createdAt: z.string(),
});

export const storeChannels = {
  'store:submit-application': channel(submitApplicationArgsSchema, submitApplicationResultSchema, { access: onBehalfAccess, maxArgBytes: SUBMIT_MAX_ARG_BYTES }),
  'store:save-draft': channel(z.object({ ...applicationContent, draftId: uuidSchema.optional() }).strict(), applicationSummarySchema, { access: onBehalfAccess }),
  'store:cancel-draft': channel(z.object({ id: uuidSchema }).strict(), applicationSummarySchema, { access: 'specialist' }),
  'store:list-applications': channel(
    z
      .object({
        /** 办件进度查询: a resident's own applications. */
        idNumber: idNumberSchema.optional(),
        /** The specialist queue, e.g. ['rejected'] or ['queued', 'sending']. */
        statuses: z.array(applicationStatusSchema).max(7).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ applications: z.array(applicationSummarySchema) }),
    // One resident's own applications by their number; the whole queue is the desk's. Main answers a
    // kiosk screen without a desk session only for the card in the reader (a TV keys its own number).
    { access: (a) => (a.idNumber === undefined ? 'specialist' : 'resident') },
  ),
  /** The whole application (form, applicant, history): the desk's. */
  'store:get-application': channel(z.object({ id: uuidSchema }).strict(), applicationDetailSchema, { access: 'specialist' }),
  /** Status and receipt number only, for the resident's screen that just submitted it. */
  'store:application-progress': channel(z.object({ id: uuidSchema }).strict(), applicationProgressSchema, { access: 'resident' }),
  /** A rejected application goes back to the outbox under a new revision. */
  'store:retry-application': channel(z.object({ id: uuidSchema }).strict(), applicationSummarySchema, { access: 'specialist' }),
  /**
   * Before a service starts: the resident's latest application of this service
   * in progress or done within the service's repeat period (issue 19.15), or null.
   * Scoped to the identity on screen: main answers a kiosk screen without a desk
   * session only for the number of the card in the reader (TV boxes have no reader:
   * the family keys its own number). No name, no form: status, date and tracking number.
   */
  'store:same-kind-application': channel(
    z.object({ serviceId: serviceIdSchema, idNumber: idNumberSchema }).strict(),
    z.object({ application: sameKindApplicationSchema.nullable() }),
    { access: 'resident' },
  ),
  'store:query-social-insurance': channel(
    // name: as the ID card gives it (a keyed number has none); a record in another name is refused.
    // Scoped by main like store:list-applications: a kiosk screen without a desk session, the card in the reader only.
    z.object({ idNumber: idNumberSchema, name: z.string().min(1).max(30).optional() }).strict(),
    socialInsuranceAnswerSchema,
    { access: 'resident' },
  ),
  'store:rate-satisfaction': channel(
    z
      .object({
        serviceId: serviceIdSchema,
        applicationId: uuidSchema.optional(),
        score: z.number().int().min(1).max(5),
        comment: z.string().max(500).optional(),
      })
      .strict(),
    z.object({ id: z.number().int().positive() }),
    { access: 'resident' },
  ),
  /** A desk action for the audit log, written under the caller's desk session. */
  'store:audit-append': channel(
    z
      .object({
        action: z.string().min(1).max(100),
        subjectId: z.string().max(64).optional(),
        /** Plain words, no personal data. */
        detail: z.string().max(1000).optional(),
      })
      .strict(),
    z.object({ seq: z.number().int().positive() }),
    { access: 'specialist' },
  ),
  'store:stats': channel(z.object({}).strict(), storeStatsSchema, { access: 'specialist' }),
  /** No more than the status bar shows every screen. */
  /** Counts and the link's state, no resident's data: a desk device shows it before and after login. */
  'sync:status': channel(z.object({}).strict(), syncStatusSchema, { access: 'public' }),
  'sync:now': channel(z.object({}).strict(), syncNowResultSchema, { access: 'specialist' }),
} as const;

export const storeStreams = {
  /** Fires when any application changes status (submitted, accepted, completed, rejected…). */
  'store:application-changed': stream(z.object({}).strict(), z.object({ id: uuidSchema, status: applicationStatusSchema }), { access: 'resident' }),
} as const;
