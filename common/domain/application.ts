// A resident's application as the kiosk keeps it and the renderer sees it: the
// shape shared by the service flows, the specialist queue, the store and sync.
// Form values are plain scalars so that a submitted form can be hashed
// canonically (the idempotency check compares bodies byte for byte).
import { z } from 'zod';
import { serviceIdSchema } from './catalogue-summary.js';

/** draft → queued → sending → accepted → completed | rejected; cancelled only from draft. */
export const applicationStatuses = ['draft', 'queued', 'sending', 'accepted', 'completed', 'rejected', 'cancelled'] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

// Resident ID numbers are validated and masked by the one shared implementation.
import { idNumberSchema } from './id-number-schema.js';
export { idNumberSchema } from './id-number-schema.js';
export { isValidIdNumber, maskIdNumber } from './id-number.js';

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 as 64 lower-case hex digits');
export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID');

export const formValueSchema = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
export const formDataSchema = z.record(z.string().min(1).max(100), formValueSchema);
export type FormData = z.infer<typeof formDataSchema>;

export const applicantSchema = z.object({ idNumber: idNumberSchema, name: z.string().min(1).max(50) });
export type Applicant = z.infer<typeof applicantSchema>;

/** A specialist applying for a resident (代办). */
export const onBehalfOfSchema = z.object({ specialistId: z.string().min(1).max(64), specialistName: z.string().max(50).optional() });
export type OnBehalfOf = z.infer<typeof onBehalfOfSchema>;

/** application/json: the face check's challenge log and face descriptor (common/domain/face.ts). */
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'application/pdf', 'application/json'] as const;

/** An attachment as the renderer sends it: bytes in base64 plus the hash it computed. */
export const attachmentInputSchema = z.object({
  name: z.string().min(1).max(100),
  mediaType: z.enum(attachmentMediaTypes),
  base64: z.string().min(1),
  sha256: sha256HexSchema,
});
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;

export const attachmentMetaSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
  /** Bytes the server has confirmed; equals size once uploaded. */
  uploaded: z.number().int().nonnegative(),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

export const statusChangeSchema = z.object({
  status: applicationStatusSchema,
  at: z.string(),
  reason: z.string().nullable(),
});

export const applicationSummarySchema = z.object({
  id: uuidSchema,
  localTrackingNumber: z.string(),
  serviceId: serviceIdSchema,
  catalogueVersion: z.string(),
  status: applicationStatusSchema,
  /** Masked (e.g. 110101********002X); the full number stays in the store. */
  applicantIdMasked: z.string().nullable(),
  applicantName: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  /** The server's reason for a rejection, or the kiosk's for a local failure. */
  reason: z.string().nullable(),
  onBehalfOf: onBehalfOfSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True once retention purged the form data and attachments. */
  purged: z.boolean(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const applicationDetailSchema = applicationSummarySchema.extend({
  formData: formDataSchema.nullable(),
  attachments: z.array(attachmentMetaSchema),
  history: z.array(statusChangeSchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

/** What the server holds about a resident's social insurance (参保证明 data). */
export const socialInsuranceRecordSchema = z.object({
  idNumberMasked: z.string(),
  name: z.string(),
  insuranceType: z.string(),
  status: z.string(),
  startDate: z.string(),
  monthsPaid: z.number().int().nonnegative(),
  pensionMonthlyYuan: z.number().nonnegative().nullable(),
  payments: z.array(z.object({ year: z.number().int(), amountYuan: z.number().nonnegative(), paidAt: z.string() })),
  agency: z.string(),
});
export type SocialInsuranceRecord = z.infer<typeof socialInsuranceRecordSchema>;

export const auditActors = ['resident', 'specialist', 'system'] as const;
export const auditActorSchema = z.object({ kind: z.enum(auditActors), id: z.string().max(64).optional() });
export type AuditActor = z.infer<typeof auditActorSchema>;
