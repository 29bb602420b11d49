// Checking a number keyed on a TV box at home: the family keys the ID number,
// the station has the sync server text a one-time code to the phone on file,
// and the family keys the code back. Only then does the station answer about
// that number (resident-scope.ts): the check is the host's, not the screen's.
// Every answer is an outcome the TV says in plain words; `offline` when the sync
// server cannot be reached (the TV then says that 查询个人信息 needs the network).
// At a kiosk (the card is the identity there) both answer `unavailable`.
import { z } from 'zod';
import { channel } from '../define.js';
import { idNumberSchema } from '../../domain/id-number-schema.js';
import { requestCodeAnswerSchema, verifyCodeAnswerSchema } from '../../domain/identity-code.js';

const offline = z.object({ outcome: z.literal('offline') });

// The server's outcomes (common/domain/identity-code.ts), and `offline` when it cannot be reached.
export const identityCodeRequestResultSchema = z.discriminatedUnion('outcome', [...requestCodeAnswerSchema.options, offline]);
export type IdentityCodeRequestResult = z.infer<typeof identityCodeRequestResultSchema>;

export const identityCodeVerifyResultSchema = z.discriminatedUnion('outcome', [...verifyCodeAnswerSchema.options, offline]);
export type IdentityCodeVerifyResult = z.infer<typeof identityCodeVerifyResultSchema>;

export const smsOutboxResultSchema = z.object({
  /** False where the sync server texts through a real gateway: there is no outbox to show. */
  simulated: z.boolean(),
  /** Newest first: the phone masked, the text with its code, when. */
  messages: z.array(z.object({ phoneMasked: z.string(), text: z.string(), at: z.string() })),
});

export const identityChannels = {
  /** Texts a one-time code to the phone on file for the keyed number. */
  'identity:request-code': channel(z.object({ idNumber: idNumberSchema }).strict(), identityCodeRequestResultSchema, { access: 'resident' }),
  /**
   * Checks the code the family keyed; `verified` grants this visit (until the
   * resident's session is cleared, 30 minutes at most) the records of that number.
   */
  'identity:verify-code': channel(z.object({ idNumber: idNumberSchema, code: z.string().regex(/^\d{6}$/) }).strict(), identityCodeVerifyResultSchema, { access: 'resident' }),
  /**
   * The desk's 短信发件箱（模拟）: in development the sync server's SMS gateway is
   * simulated and keeps the texts it would have sent (for this station's TV boxes,
   * and its own) where the station's specialist can read them out to a family.
   * `unavailable` when the sync server cannot be reached.
   */
  'specialist:sms-outbox': channel(z.object({}).strict(), smsOutboxResultSchema, { access: 'specialist' }),
} as const;
