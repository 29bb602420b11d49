// The wire shapes of help calls between a TV box at home, the sync server and
// the station whose desk answers them (docs/sync-protocol.md, "Help calls").
// Signed and answered like every other request. A TV's call carries the reason,
// the service on screen, which box and which station, and, when the family's
// number was checked by its one-time code in this visit, that number: the server
// (which checks the code was keyed back on that very box) then gives the
// station's desk who is calling, masked, and the phone on file to ring back.
// Only the station's listing carries that caller; it is sealed at rest.
import { z } from 'zod';
import { uuidSchema } from '../../common/domain/application.js';
import { helpReasonSchema } from '../../common/domain/help.js';
import { serviceIdSchema } from '../../common/domain/catalogue-summary.js';

/** A registered kiosk id (the station config's stationId). */
const kioskIdSchema = z.string().min(1).max(100);

/** TV → server: open (or, with the same id, refresh) a call to a station's desk. */
export const openHelpCallSchema = z
  .object({
    id: uuidSchema,
    toStation: kioskIdSchema,
    reason: helpReasonSchema,
    serviceId: serviceIdSchema.nullable(),
    /** The number the family's one-time code opened on this box in this visit, if any. */
    checkedIdNumber: z.string().regex(/^\d{17}[\dX]$/).optional(),
  })
  .strict();
export type OpenHelpCall = z.infer<typeof openHelpCallSchema>;

/** Station → server: the specialist who answered, by display name (what the TV may be told). */
export const acknowledgeHelpCallSchema = z.object({ by: z.string().min(1).max(40) }).strict();

/** The caller as the station's desk sees them: name and number masked, the phone on file whole (to dial). */
export const helpCallerOnFileSchema = z.object({ name: z.string().min(1).max(40), idNumber: z.string().max(20), phone: z.string().regex(/^1\d{10}$/) }).strict();
export type HelpCallerOnFile = z.infer<typeof helpCallerOnFileSchema>;

export const wireHelpCallSchema = z.object({
  id: uuidSchema,
  /** The TV box that called. */
  fromKiosk: kioskIdSchema,
  toStation: kioskIdSchema,
  reasons: z.array(helpReasonSchema).min(1),
  serviceId: serviceIdSchema.nullable(),
  openedAt: z.string(),
  lastAskedAt: z.string(),
  times: z.number().int().positive(),
  acknowledged: z.object({ by: z.string(), at: z.string() }).nullable(),
  /** Set once the call is over: the TV's visit ended, or the station handled it. */
  endedAt: z.string().nullable(),
  /**
   * Who is calling and where to ring them back: in the station's listing only, for a call whose
   * number was checked by its code on that box; null when the family's number is not known.
   */
  caller: helpCallerOnFileSchema.nullable().optional(),
});
export type WireHelpCall = z.infer<typeof wireHelpCallSchema>;

export const helpCallAnswerSchema = z.object({ call: wireHelpCallSchema });
export const helpCallListSchema = z.object({ calls: z.array(wireHelpCallSchema) });
