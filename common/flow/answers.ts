// The values a flow stores for each kind of field, and the plain-words error a
// resident hears when an answer cannot be used.
import { z } from 'zod';

export const photoMimes = ['image/jpeg', 'image/png'] as const;

/** A photo lives in the store; the form only carries its reference and size. */
export const photoAnswerSchema = z
  .object({
    ref: z.string().min(1).max(200),
    mime: z.enum(photoMimes),
    bytes: z.number().int().positive(),
  })
  .strict();
export type PhotoAnswer = z.infer<typeof photoAnswerSchema>;

/**
 * A family member, from their own ID card (`card`) or keyed by a specialist after
 * their PIN (`keyed`, a 代办). The number is checked like any other (validate.ts).
 */
export const personAnswerSchema = z
  .object({
    idNumber: z.string().min(1).max(18),
    name: z.string().min(1).max(50),
    source: z.enum(['card', 'keyed']),
  })
  .strict();
export type PersonAnswer = z.infer<typeof personAnswerSchema>;

/** text/phone/bank/id/choice → string, amount/count → number, yes-no → boolean, photo → reference, family-card → person. */
export type AnswerValue = string | number | boolean | PhotoAnswer | PersonAnswer;
export const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), photoAnswerSchema, personAnswerSchema]);

export const isPersonAnswer = (v: unknown): v is PersonAnswer => typeof v === 'object' && v !== null && 'idNumber' in v && 'source' in v;

export const answerErrorCodes = [
  'empty',
  'too-short',
  'too-long',
  'not-digits',
  'wrong-length',
  'bad-prefix',
  'bad-date',
  'check-digit',
  'not-a-number',
  'too-small',
  'too-large',
  'too-precise',
  'not-an-option',
  'wrong-type',
  'photo-too-large',
  'own-id-number',
  'repeated-person',
] as const;
export type AnswerErrorCode = (typeof answerErrorCodes)[number];

/** `message` is read aloud as is: plain words, what went wrong and what to do. */
export interface AnswerError {
  readonly code: AnswerErrorCode;
  readonly message: string;
}

export type Validation = { readonly ok: true; readonly value: AnswerValue } | { readonly ok: false; readonly error: AnswerError };

export const valid = (value: AnswerValue): Validation => ({ ok: true, value });
export const invalid = (code: AnswerErrorCode, message: string): Validation => ({ ok: false, error: { code, message } });
