// A resident's call for a person (the village digital specialist): why it was
// made, from which screen and service, and who is asking, masked (the station
// takes the name from the card in its reader, never from the screen's word). A
// call from a TV box at home comes to the station's desk through the sync
// server. Held open until the specialist marks it handled at the desk, the
// resident's visit ends (card taken out, a new card, the session cleared), or it
// grows stale. The specialist acknowledges it first (我来了): only then is the
// resident told that someone is coming. Pure: shared by main and the renderer.
import { z } from 'zod';
import { serviceIdSchema } from './catalogue-summary.js';

export const helpReasons = [
  /** The kiosk did not understand the resident's voice twice in a row. */
  'voice-failed-twice',
  /** The resident asked: the 叫工作人员 button, or saying 帮助 / 叫工作人员. */
  'asked',
] as const;
export const helpReasonSchema = z.enum(helpReasons);
export type HelpReason = z.infer<typeof helpReasonSchema>;

/**
 * A request no one has asked again for this long is dropped (audited as expired):
 * the resident has surely left, and a stale 已呼叫工作人员 would mislead the next one.
 */
export const HELP_REQUEST_MAX_MINUTES = 30;

export const helpRequestIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** Who is asking, as the desk may show it: masked name and number (张**, 1101**********0028). */
export const helpCallerSchema = z.object({ name: z.string().min(1).max(40), idNumber: z.string().max(20).nullable() }).strict();
export type HelpCaller = z.infer<typeof helpCallerSchema>;

/** Where the call comes from: this station's kiosk, or a family's TV box at home (its registered id). */
export const helpPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kiosk'), station: z.string().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('tv'), box: z.string().min(1).max(100) }).strict(),
]);
export type HelpPlace = z.infer<typeof helpPlaceSchema>;

/** A specialist said they are on their way (or, for a TV, will ring): their display name and when. */
export const helpAcknowledgementSchema = z.object({ by: z.string().min(1).max(40), at: z.string() }).strict();
export type HelpAcknowledgement = z.infer<typeof helpAcknowledgementSchema>;

export const helpRequestSchema = z.object({
  id: helpRequestIdSchema,
  /** Every reason given while it was open, first one first, each once. */
  reasons: z.array(helpReasonSchema).min(1),
  /** The service on screen at the last call; null for the home screen. */
  serviceId: serviceIdSchema.nullable(),
  /** When the resident first called: how long they have been waiting. */
  openedAt: z.string(),
  /** When they last called (asking again keeps the request from expiring). */
  lastAskedAt: z.string(),
  /** How many times they called while it was open. */
  times: z.number().int().positive(),
  /** Null when nobody was identified (no card in the reader). */
  who: helpCallerSchema.nullable(),
  where: helpPlaceSchema,
  /** Null until a specialist acknowledged it at the desk. */
  acknowledged: helpAcknowledgementSchema.nullable(),
  /**
   * A TV's call: the phone on file to ring back (工作人员会给您打电话), known when the family's number was
   * checked by its one-time code on that box; null or absent otherwise (a kiosk's resident is at the kiosk).
   */
  callBack: z.string().regex(/^1\d{10}$/).nullable().optional(),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

/**
 * The resident's own call, as their screen shows it: 正在呼叫工作人员… while
 * nobody has answered, 工作人员马上到 (a TV: 工作人员会给您打电话) once a
 * specialist acknowledged it. No names: any screen may read it.
 */
export const helpCallStates = ['none', 'calling', 'acknowledged'] as const;
export type HelpCallState = (typeof helpCallStates)[number];
