// A decoded resident ID card as the renderer sees it. The photo never leaves main:
// it is personal data the UI has no use for, and it is large.
import { z } from 'zod';

/** Sex as printed on the card; GB/T 2261.1 codes 0 and 9 appear on some test cards. */
export const cardSexes = ['男', '女', '未知', '未说明'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const idCardSchema = z.object({
  name: z.string().min(1).max(30),
  sex: z.enum(cardSexes),
  /** Ethnic group name from GB 3304 without the 族 suffix, e.g. 汉, 蒙古, 其他, 外国血统. */
  ethnicity: z.string(),
  birthDate: isoDate,
  address: z.string(),
  idNumber: z.string(),
  /** Issuing authority, e.g. 北京市公安局东城分局. */
  issuer: z.string(),
  validFrom: isoDate,
  /** An end date, or 长期 for cards valid for life (residents over 46 at issue). */
  validTo: z.union([isoDate, z.literal('长期')]),
  /** Check digit correct and agrees with the birth date and sex on the card. */
  idNumberValid: z.boolean(),
});
export type IdCard = z.infer<typeof idCardSchema>;
