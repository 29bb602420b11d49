// The village digital specialist (乡村数字专员) as the desk and the station see
// them: who they are, how their PIN is stored, what a login attempt answers, and
// the numbers of the desk's "today" panel. Pure: shared by main and the renderer.
import { z } from 'zod';

/** Wrong PINs in a row before login locks. */
export const LOCK_AFTER_FAILURES = 5;
/** How long login stays locked after too many wrong PINs. */
export const LOCK_MINUTES = 15;

/** Digits only: it is keyed on the big keypad or a remote. */
export const pinSchema = z.string().regex(/^\d{4,12}$/, 'PIN 为 4 到 12 位数字');

/**
 * `scrypt$N$r$p$salt$hash` (salt and hash base64): the parameters travel with the
 * hash so a station can raise the cost later without invalidating old hashes.
 */
export const PIN_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/;
export const pinHashSchema = z.string().regex(PIN_HASH_PATTERN, 'pinHash must come from `npx xiangyin specialist hash-pin`');

export const specialistIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, . _ -');

/** One entry of the station config's `specialists` list. */
export const specialistConfigSchema = z
  .object({
    id: specialistIdSchema,
    name: z.string().min(1).max(20),
    pinHash: pinHashSchema,
  })
  .strict();
export type SpecialistConfig = z.infer<typeof specialistConfigSchema>;

export const specialistsConfigSchema = z
  .array(specialistConfigSchema)
  .default([])
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, { message: 'specialist ids must be unique' });

/** What the renderer may know about a specialist: never the hash. */
export const specialistSchema = z.object({ id: specialistIdSchema, name: z.string() });
export type Specialist = z.infer<typeof specialistSchema>;

export const specialistSessionSchema = z.object({
  specialist: specialistSchema,
  /** When main will log the specialist out unless there is activity first. */
  expiresAt: z.string(),
});
export type SpecialistSession = z.infer<typeof specialistSessionSchema>;

export const loginResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), session: specialistSessionSchema }),
  z.object({ outcome: z.literal('wrong-pin'), triesLeft: z.number().int().min(1) }),
  /** Too many wrong PINs: nobody may log in at this station until `lockedUntil`. */
  z.object({ outcome: z.literal('locked'), lockedUntil: z.string() }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const logoutReasons = ['user', 'idle'] as const;

/** The desk's "today" panel: counts since local midnight of the station. */
export const todaySummarySchema = z.object({
  /** Local date, YYYY-MM-DD. */
  day: z.string(),
  submitted: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** null when the store cannot tell (then the desk says so). */
  satisfaction: z.object({ count: z.number().int().nonnegative(), average: z.number().min(1).max(5).nullable() }).nullable(),
});
export type TodaySummary = z.infer<typeof todaySummarySchema>;
