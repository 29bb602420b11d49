// The wire protocol between a kiosk and the sync server, as zod schemas both
// sides validate against (docs/sync-protocol.md explains it in prose). Every
// answer the kiosk reads goes through these: a server that answers garbage or
// the wrong shape produces a typed 'bad-response', never a crash or a guess.
import { z } from 'zod';
import { formDataSchema, onBehalfOfSchema, sha256HexSchema, socialInsuranceRecordSchema, uuidSchema } from '../../common/domain/application.js';

export const PROTOCOL_PREFIX = '/v1';

/** Signed request and answer headers (lower-case, as Node presents them). */
export const H = {
  kiosk: 'x-kiosk-id',
  contentEncoding: 'content-encoding',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  bodyHash: 'x-content-sha256',
  signature: 'x-signature',
  uploadOffset: 'x-upload-offset',
  uploadLength: 'x-upload-length',
  uploadSha256: 'x-upload-sha256',
  /** On every answer: the server's signature (signing.ts, canonicalAnswer). */
  serverSignature: 'x-server-signature',
} as const;

/** Catalogue versions are short labels (they are stored and shown on the kiosk). */
export const catalogueVersionSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, '1-32 letters, digits, dot, dash or underscore');

/** Clock skew the server tolerates; nonces are remembered for twice as long. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export const wireAttachmentSchema = z.object({
  id: uuidSchema,
  name: z.string().min(1).max(100),
  mediaType: z.string().min(1).max(100),
  size: z.number().int().min(1).max(20 * 1024 * 1024),
  sha256: sha256HexSchema,
});
export type WireAttachment = z.infer<typeof wireAttachmentSchema>;

export const wireApplicationSchema = z.object({
  id: uuidSchema,
  /** Bumped when a rejected application is retried; the idempotency key is `${id}.${revision}`. */
  revision: z.number().int().nonnegative(),
  idempotencyKey: z.string().min(1).max(80),
  localTrackingNumber: z.string().min(1).max(40),
  serviceId: z.string().min(1).max(64),
  catalogueVersion: z.string().min(1).max(32),
  applicant: z.object({ idNumber: z.string().max(18), name: z.string().max(50) }).nullable(),
  formData: formDataSchema,
  onBehalfOf: onBehalfOfSchema.nullable(),
  attachments: z.array(wireAttachmentSchema).max(20),
  createdAt: z.string().min(1).max(40),
});
export type WireApplication = z.infer<typeof wireApplicationSchema>;

export const batchRequestSchema = z.object({ applications: z.array(wireApplicationSchema).min(1).max(500) });

export const batchOutcomes = ['accepted', 'replayed', 'conflict', 'invalid', 'incomplete'] as const;
export const batchResultSchema = z.object({
  id: uuidSchema,
  idempotencyKey: z.string(),
  /** accepted (201) and replayed (200) carry the receipt; conflict and invalid (422) a reason; incomplete (409) is retried. */
  outcome: z.enum(batchOutcomes),
  httpStatus: z.number().int(),
  receiptNumber: z.string().nullable(),
  reason: z.string().nullable(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;
export const batchResponseSchema = z.object({ results: z.array(batchResultSchema) });

export const uploadStateSchema = z.object({
  id: uuidSchema,
  received: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

export const serverApplicationStatuses = ['accepted', 'completed', 'rejected'] as const;
export const changeSchema = z.discriminatedUnion('kind', [
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('application-status'),
    applicationId: uuidSchema,
    status: z.enum(serverApplicationStatuses),
    receiptNumber: z.string().nullable(),
    reason: z.string().nullable(),
    at: z.string(),
  }),
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('catalogue'),
    version: z.string().min(1).max(32),
    payload: z.unknown(),
    at: z.string(),
  }),
]);
export type Change = z.infer<typeof changeSchema>;
export const changesResponseSchema = z.object({
  changes: z.array(changeSchema),
  nextCursor: z.number().int().nonnegative(),
  more: z.boolean(),
});

export const socialInsuranceQuerySchema = z.object({ idNumber: z.string().min(1).max(18) });
export const socialInsuranceAnswerSchema = z.object({ record: socialInsuranceRecordSchema.nullable(), asOf: z.string() });

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function idempotencyKeyOf(id: string, revision: number): string {
  return `${id}.${revision}`;
}
