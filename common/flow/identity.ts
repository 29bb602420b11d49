// Who the resident is, as the ID card (or, on a TV, the keyed ID number) says.
// A flow never asks again for anything here. These values are personal data: keep
// them out of logs and error messages.
import { z } from 'zod';
import { checkIdNumber } from './id-number.js';

export const residentIdentitySchema = z
  .object({
    /** Null when only the number was keyed (TV at home, or an unreadable card). */
    name: z.string().min(1).nullable(),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    /** YYYY-MM-DD, from the card or from the ID number. */
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    address: z.string().min(1).nullable(),
    /** 'keyed' when the specialist or the resident typed the number. */
    source: z.enum(['card', 'keyed']),
  })
  .strict();
export type ResidentIdentity = z.infer<typeof residentIdentitySchema>;

export class IdentityError extends Error {
  constructor(readonly problem: string) {
    super(`ID number rejected: ${problem}`); // the number itself is never put in the message
    this.name = 'IdentityError';
  }
}

/** The identity of a resident who keyed or said their ID number instead of inserting the card. */
export function identityFromIdNumber(idNumber: string, today?: string): ResidentIdentity {
  const check = checkIdNumber(idNumber, today);
  if (!check.ok) throw new IdentityError(check.problem);
  return { name: null, idNumber: check.idNumber, birthDate: check.birthDate, address: null, source: 'keyed' };
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** Whole years of age on `today` (YYYY-MM-DD); a birthday today counts. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [ty, tm, td] = parts(today);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** The month in which someone born on `birthDate` turns `years`, as 2031年5月 (for spoken explanations). */
export function monthReaching(birthDate: string, years: number): string {
  const [by, bm] = parts(birthDate);
  return `${by + years}年${bm}月`;
}
