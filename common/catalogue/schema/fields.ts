// The form fields a service step can ask for. Each field is one question on one
// screen; its kind decides the input (big keypad, choice buttons, 是/不是, camera)
// and the validation in common/flow/validate.ts. Prompts are the plain words read
// aloud: short sentences an 80-year-old follows on first hearing.
import { z } from 'zod';

/** Plain words for one screen: what is shown large, and what is read aloud. */
export const promptSchema = z
  .object({
    /** Shown large at the top of the screen; a few characters. */
    title: z.string().min(1).max(24),
    /** Read aloud when the screen opens. One question, short sentences. */
    say: z.string().min(1).max(120),
    /** Said again after a wrong answer or on "再说一遍"; defaults to `say`. */
    hint: z.string().min(1).max(120).optional(),
  })
  .strict();
export type Prompt = z.infer<typeof promptSchema>;

/** Where a choice or a step is offered: the kiosk at the station, or a TV at home. */
export const surfaces = ['kiosk', 'tv'] as const;
export const surfaceSchema = z.enum(surfaces);
export type Surface = z.infer<typeof surfaceSchema>;

export const choiceOptionSchema = z
  .object({
    value: z.string().min(1).max(40),
    label: z.string().min(1).max(16),
    /** Words a resident may say for this option, besides the label. */
    voice: z.array(z.string().min(1)).default([]),
    /** Omit to offer it everywhere. */
    offeredOn: z.array(surfaceSchema).min(1).optional(),
  })
  .strict();
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

const base = {
  /** Key in the form data; unique within a service (within a repeat group for repeated steps). */
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** Short name used in the summary read back before submitting, e.g. 手机号码. */
  label: z.string().min(1).max(16),
  /** Optional fields can be skipped with 跳过 (e.g. a second phone). */
  optional: z.boolean().default(false),
};

export const textFieldSchema = z.object({ ...base, kind: z.literal('text'), minLength: z.number().int().min(1).default(1), maxLength: z.number().int().max(200).default(30) }).strict();

/** A mobile number (11 digits starting 1); a landline with area code when allowed. */
export const phoneFieldSchema = z.object({ ...base, kind: z.literal('phone'), allowLandline: z.boolean().default(false) }).strict();

/** A bank card or passbook account number, digits only. */
export const bankAccountFieldSchema = z
  .object({ ...base, kind: z.literal('bank-account'), minDigits: z.number().int().min(8).default(16), maxDigits: z.number().int().max(30).default(19) })
  .strict();

/**
 * Another person's 18-digit resident ID number (GB 11643, check digit verified).
 * It is asked for a family member, so by default the resident's own number is
 * refused, and in a repeat group the same person cannot be given twice.
 */
export const idNumberFieldSchema = z
  .object({ ...base, kind: z.literal('id-number'), otherPerson: z.boolean().default(true) })
  .strict();

/**
 * A family member's identity (18-digit number and name), read from their own ID
 * card at the kiosk: nobody types a name in Chinese on a touch screen. When their
 * card cannot be read, a specialist keys it after their PIN (代办). The answer is
 * a person (common/flow/answers.ts), stored with the application as its subject.
 */
export const familyCardFieldSchema = z.object({ ...base, kind: z.literal('family-card') }).strict();

/** How a family member relates to the resident; the options are fixed words. */
export const relationshipFieldSchema = z.object({ ...base, kind: z.literal('relationship'), options: z.array(choiceOptionSchema).min(2) }).strict();

/** Money in yuan, at most two decimals. */
export const amountFieldSchema = z
  .object({ ...base, kind: z.literal('amount'), minYuan: z.number().min(0).default(0), maxYuan: z.number().positive(), unit: z.string().default('元') })
  .strict();

/** A whole number, e.g. how many people live in the household. */
export const countFieldSchema = z.object({ ...base, kind: z.literal('count'), min: z.number().int().min(0), max: z.number().int().max(99), unit: z.string().min(1) }).strict();

export const choiceFieldSchema = z.object({ ...base, kind: z.literal('choice'), options: z.array(choiceOptionSchema).min(2) }).strict();

export const yesNoFieldSchema = z.object({ ...base, kind: z.literal('yes-no') }).strict();

/** A photo taken with the kiosk camera: of a document (by its id) or of the resident's face. */
export const photoFieldSchema = z
  .object({
    ...base,
    kind: z.literal('photo'),
    /** A documents[].id of the service, or 'face' for a face photo. */
    subject: z.string().min(1),
    maxBytes: z.number().int().positive().default(2 * 1024 * 1024),
  })
  .strict();

export const fieldSchema = z.discriminatedUnion('kind', [
  textFieldSchema,
  phoneFieldSchema,
  bankAccountFieldSchema,
  idNumberFieldSchema,
  familyCardFieldSchema,
  relationshipFieldSchema,
  amountFieldSchema,
  countFieldSchema,
  choiceFieldSchema,
  yesNoFieldSchema,
  photoFieldSchema,
]);
export type Field = z.infer<typeof fieldSchema>;
export type FieldKind = Field['kind'];
export type FieldOf<K extends FieldKind> = Extract<Field, { kind: K }>;
