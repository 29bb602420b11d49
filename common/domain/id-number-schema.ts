// The ID number as a schema field, apart from id-number.ts: the renderer's first
// screen masks numbers with that file and must not load zod for it.
import { z } from 'zod';
import { checkIdNumber, normalizeIdNumber } from './id-number.js';

/** zod schema for a well-formed, checksummed number (normalised to upper case). */
export const idNumberSchema = z
  .string()
  .transform(normalizeIdNumber)
  .refine((s) => checkIdNumber(s).ok, { message: '身份证号不正确' });
