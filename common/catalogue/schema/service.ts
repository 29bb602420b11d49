// One service in the catalogue: how it is named and found by voice, where it is
// offered, who may use it, the steps, the documents, and what happens at the end.
import { z } from 'zod';
import { serviceIdSchema } from '../../domain/catalogue-summary.js';
import { conditionSchema, eligibilityRuleSchema } from './rules.js';
import { promptSchema, surfaceSchema } from './fields.js';
import { stepSchema } from './steps.js';

export const documentSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1).max(20),
    /** Read aloud on the "what to bring" screen. */
    say: z.string().min(1).max(80),
    /** Whether the kiosk photographs it (otherwise it is only shown to the specialist). */
    photo: z.boolean(),
  })
  .strict();
export type RequiredDocument = z.infer<typeof documentSchema>;

export const queryKinds = ['social-insurance-record', 'application-status'] as const;
export const printDocuments = ['insurance-certificate'] as const;

/** What the flow leads to once every step is answered (and, for submit, confirmed). */
export const actionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('submit'),
      /** Read when the application is saved but the link is down. */
      queuedSay: z.string().min(1).max(80),
      /** Read when the server accepted it; {receipt} is the receipt number. */
      acceptedSay: z.string().min(1).max(80),
      /** Printed on the receipt and read aloud: where to take it, what happens next. */
      nextSteps: z.string().min(1).max(120),
    })
    .strict(),
  z.object({ kind: z.literal('query'), query: z.enum(queryKinds) }).strict(),
  z.object({ kind: z.literal('print'), document: z.enum(printDocuments) }).strict(),
  z.object({ kind: z.literal('policy-qa') }).strict(),
]);
export type ServiceAction = z.infer<typeof actionSchema>;

/**
 * A yearly fee per person (城乡居民医保). The number of people is the resident
 * (when `selfWhen` holds) plus the members of the repeat group `membersOf`.
 * Payment itself happens by QR code on a phone or in cash at the village office
 * (common/flow/payment.ts says which, how much and by when).
 */
export const repeatPeriodSchema = z.enum(['calendar-year', 'calendar-month', 'none']);
export type RepeatPeriod = z.infer<typeof repeatPeriodSchema>;

export const feeSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    perPersonYuan: z.number().int().positive(),
    selfWhen: conditionSchema,
    membersOf: z.string().min(1),
    /** Summary label for the total, e.g. 一共要交. */
    label: z.string().min(1).max(16).default('一共要交'),
    /** The last day to pay (YYYY-MM-DD); default 31 December of the year before `year`. */
    deadline: z.iso.date().optional(),
    /** The choice field holding how the resident pays ('qr-phone' | 'village-office'). */
    methodField: z.string().min(1).default('payMethod'),
  })
  .strict();
export type Fee = z.infer<typeof feeSchema>;

export const serviceSchema = z
  .object({
    id: serviceIdSchema,
    names: z.object({ full: z.string().min(1).max(20), short: z.string().min(1).max(8) }).strict(),
    /** One plain sentence read when the home tile is focused. */
    description: z.string().min(1).max(40),
    /** Other words residents use for this service, for voice selection on the home screen. */
    synonyms: z.array(z.string().min(1)).default([]),
    icon: z.string().min(1),
    /** True when the service cannot work at all without the uplink. */
    needsLink: z.boolean(),
    offeredOn: z.array(surfaceSchema).min(1),
    /** Read when the service opens. */
    intro: promptSchema,
    eligibility: z.array(eligibilityRuleSchema).default([]),
    documents: z.array(documentSchema).default([]),
    steps: z.array(stepSchema).default([]),
    /** Whether the answers are read back for 是/不是 before the action. */
    confirm: z.boolean().default(true),
    fee: feeSchema.optional(),
    /**
     * How often one resident files this service: an application of the same
     * service by the same applicant in progress or done within this period is
     * said before starting again (common/flow/repeat-period.ts). 'none': no check.
     */
    repeatPeriod: repeatPeriodSchema.default('none'),
    action: actionSchema,
  })
  .strict();
export type ServiceDefinition = z.infer<typeof serviceSchema>;
export type ServiceDefinitionInput = z.input<typeof serviceSchema>;
