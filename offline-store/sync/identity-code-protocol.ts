// The wire shapes of the one-time code that checks a number keyed on a TV box
// at home (docs/sync-protocol.md, "One-time codes"): the box asks the server to
// text a code to the phone on file for an ID number, then sends back what the
// family keyed. Signed and answered like every other request.
//
// Every outcome the box acts on is a 200 with an `outcome`, not an HTTP error:
// the kiosk believes a 4xx only when signed, and takes an unsigned 429 as the
// link's "busy"; "this number has no phone on file", "wait 60 s" and "wrong code,
// 3 tries left" are the server's verdicts and must reach the family as such.
import { z } from 'zod';
import { idNumberSchema } from '../../common/domain/id-number-schema.js';
import { requestCodeAnswerSchema, verifyCodeAnswerSchema } from '../../common/domain/identity-code.js';

// The server's answers are the outcomes the TV's screen says: one definition, in common/.
export { requestCodeAnswerSchema, verifyCodeAnswerSchema };

/** A registered kiosk id (the station config's stationId). */
const kioskIdSchema = z.string().min(1).max(100);

export const oneTimeCodeSchema = z.string().regex(/^\d{6}$/, 'a one-time code is 6 digits');

/** TV → server: text a code for this number; `station` is the box's help.station (whose desk may see the simulated outbox). */
export const requestCodeSchema = z.object({ idNumber: idNumberSchema, station: kioskIdSchema.nullable() }).strict();
export type RequestCode = z.infer<typeof requestCodeSchema>;

export type RequestCodeAnswer = z.infer<typeof requestCodeAnswerSchema>;

/** TV → server: the code the family keyed. */
export const verifyCodeSchema = z.object({ idNumber: idNumberSchema, code: oneTimeCodeSchema }).strict();
export type VerifyCode = z.infer<typeof verifyCodeSchema>;

export type VerifyCodeAnswer = z.infer<typeof verifyCodeAnswerSchema>;

/** One text the simulated SMS gateway "sent", as the station's desk lists it. */
export const smsOutboxMessageSchema = z.object({ phoneMasked: z.string(), text: z.string(), at: z.string() });
export type SmsOutboxMessage = z.infer<typeof smsOutboxMessageSchema>;
export const smsOutboxAnswerSchema = z.object({ messages: z.array(smsOutboxMessageSchema) });
