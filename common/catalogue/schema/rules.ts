// Conditions (which steps a resident sees) and eligibility rules (who may apply),
// as data so a county can change a threshold through sync without a release.
import { z } from 'zod';

/** An answer value a condition can compare against. */
export const scalarSchema = z.union([z.string(), z.boolean(), z.number()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** True when the answer to `field` (a non-repeated field) is one of `is`. */
export const conditionSchema = z
  .object({
    field: z.string().min(1),
    is: z.array(scalarSchema).min(1),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/**
 * Whose age a rule looks at: the resident on the ID card, or the person whose ID
 * number was given in a field (a family member). Age is always from the birth date
 * in the ID number, never asked.
 */
export const ageSubjectSchema = z.union([z.literal('resident'), z.object({ field: z.string().min(1) }).strict()]);

/**
 * Explanations are read aloud when a rule says no. They may use {age} (whole
 * years today), {years} (the threshold) and {date} (when the person reaches it, as
 * 2031年5月). Say what to do instead, kindly.
 */
const explainSchema = z.string().min(1).max(160);

export const minAgeRuleSchema = z
  .object({
    kind: z.literal('min-age'),
    years: z.number().int().min(0).max(150),
    of: ageSubjectSchema.default('resident'),
    explain: explainSchema,
    when: conditionSchema.optional(),
  })
  .strict();

/** Stops the flow when a question gets one of the listed answers. */
export const answerRuleSchema = z
  .object({
    kind: z.literal('answer-not'),
    field: z.string().min(1),
    values: z.array(scalarSchema).min(1),
    explain: explainSchema,
    when: conditionSchema.optional(),
  })
  .strict();

export const eligibilityRuleSchema = z.discriminatedUnion('kind', [minAgeRuleSchema, answerRuleSchema]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type MinAgeRule = z.infer<typeof minAgeRuleSchema>;
