// The outcomes of a one-time code (offline-store/sync/identity-code-protocol.ts
// carries them between a TV box and the sync server; common/ipc/channels/identity.ts
// gives them, plus `offline`, to the TV's screen). Defined once, here, because
// both the wire and the screen's contract speak them.
import { z } from 'zod';

export const requestCodeAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('sent'),
    /** 138****5678: what the family is told, never the whole number. */
    phoneMasked: z.string().regex(/^1\d{2}\*{4}\d{4}$/),
    expiresInSeconds: z.number().int().positive(),
    resendAfterSeconds: z.number().int().nonnegative(),
  }),
  z.object({ outcome: z.literal('no-phone-on-file') }),
  z.object({ outcome: z.literal('rate-limited'), retryAfterSeconds: z.number().int().positive() }),
]);

export const verifyCodeAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('verified') }),
  z.object({ outcome: z.literal('wrong-code'), attemptsLeft: z.number().int().positive() }),
  z.object({ outcome: z.literal('expired') }),
  z.object({ outcome: z.literal('locked') }),
  /** No code was sent for this number from this box (or it was used already). */
  z.object({ outcome: z.literal('no-code') }),
]);
