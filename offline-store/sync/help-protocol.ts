// The wire shapes of help calls between a TV box at home, the sync server and
// the station whose desk answers them (docs/sync-protocol.md, "Help calls").
// Signed and answered like every other request. A call carries no name and no
// number: the reason, the service on screen, which box and which station.
import { z } from 'zod';
import { uuidSchema } from '../../common/domain/application.js';
import { helpReasonSchema } from '../../common/domain/help.js';
import { serviceIdSchema } from '../../common/domain/catalogue-summary.js';

/** A registered kiosk id (the station config's stationId). */
const kioskIdSchema = z.string().min(1).max(100);

/** TV → server: open (or, with the same id, refresh) a call to a station's desk. */
export const openHelpCallSchema = z
  .object({ id: uuidSchema, toStation: kioskIdSchema, reason: helpReasonSchema, serviceId: serviceIdSchema.nullable() })
  .strict();
export type OpenHelpCall = z.infer<typeof openHelpCallSchema>;

/** Station → server: the specialist who answered, by display name (what the TV may be told). */
export const acknowledgeHelpCallSchema = z.object({ by: z.string().min(1).max(40) }).strict();

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
});
export type WireHelpCall = z.infer<typeof wireHelpCallSchema>;

export const helpCallAnswerSchema = z.object({ call: wireHelpCallSchema });
export const helpCallListSchema = z.object({ calls: z.array(wireHelpCallSchema) });
