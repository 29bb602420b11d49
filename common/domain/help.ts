// A resident's call for a person (the village digital specialist): why it was
// made and from which screen, never who made it. Held open in the station core
// until the specialist marks it handled at the desk, the resident's session is
// cleared, or it grows stale. Pure: shared by main and the renderer.
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
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;
