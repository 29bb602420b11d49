// A service is a list of steps; each step is one screen with one question (or one
// piece of information). Steps can depend on earlier answers (`when`), be offered
// only on the kiosk or the TV, and repeat once per family member.
import { z } from 'zod';
import { fieldSchema, promptSchema, surfaceSchema } from './fields.js';
import { conditionSchema } from './rules.js';

/**
 * Consecutive steps sharing a `group` are asked once per person, as many times as
 * the answer to `countField` says (e.g. 为几位家人缴费 → 2 → the member questions
 * twice). In the form data the group becomes an array of objects.
 */
export const repeatSchema = z
  .object({
    group: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    countField: z.string().min(1),
    /** Prompts of repeated steps say {who}; it becomes this, with {n} the person's number. */
    ordinal: z.string().min(1).max(12).default('第{n}位家人'),
    /** Used instead of `ordinal` when there is only one person, e.g. 您的家人. */
    single: z.string().min(1).max(12).default('您的家人'),
  })
  .strict();
export type Repeat = z.infer<typeof repeatSchema>;

const stepBase = {
  id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
  prompt: promptSchema,
  when: conditionSchema.optional(),
  offeredOn: z.array(surfaceSchema).min(1).optional(),
};

export const questionStepSchema = z
  .object({ ...stepBase, kind: z.literal('question'), field: fieldSchema, repeat: repeatSchema.optional() })
  .strict();

/** A screen that only tells (e.g. what to have ready); 继续 moves on. */
export const infoStepSchema = z.object({ ...stepBase, kind: z.literal('info') }).strict();

export const stepSchema = z.discriminatedUnion('kind', [questionStepSchema, infoStepSchema]);
export type Step = z.infer<typeof stepSchema>;
export type QuestionStep = z.infer<typeof questionStepSchema>;
export type InfoStep = z.infer<typeof infoStepSchema>;
