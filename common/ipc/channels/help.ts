// A resident's call for help reaching the specialist. The resident's screen asks
// (app:help-request, with a reason and the service on screen; who is asking the
// station takes from the card in its reader, never from the screen), the desk
// follows the open calls (specialist:help-requests: this kiosk's, and TV boxes'
// at home through the sync server), acknowledges one (specialist:help-acknowledge:
// the resident's screen then says 工作人员马上到) and marks it handled
// (specialist:help-resolve). The resident's screen learns the state of its call
// from the station status (`help`).
import { z } from 'zod';
import { channel, stream } from '../define.js';
import { helpReasonSchema, helpRequestIdSchema, helpRequestSchema } from '../../domain/help.js';
import { serviceIdSchema } from '../../domain/catalogue-summary.js';

const noArgs = z.object({}).strict();

export const helpChannels = {
  /**
   * Asking again while a request is open refreshes it (`refreshed: true`) instead
   * of opening a second. On a TV box the call goes to its station's desk through
   * the sync server (`unavailable` when the TV names no station, or is offline).
   */
  'app:help-request': channel(
    z.object({ reason: helpReasonSchema, serviceId: serviceIdSchema.nullable() }).strict(),
    z.object({ request: helpRequestSchema, refreshed: z.boolean() }),
    { access: 'resident' },
  ),
  /**
   * The resident's session was cleared (the inactivity guard timed out, the card
   * was taken out): what the station holds for that resident ends with it, open
   * help requests included.
   */
  'app:resident-session-cleared': channel(noArgs, z.object({}), { access: 'resident' }),
  /**
   * A specialist says they are coming, in the name of the caller's desk session
   * (audited under it); 'not-found' when the call is no longer open. A TV's call is
   * acknowledged through the sync server ('unavailable' while it cannot be reached).
   */
  'specialist:help-acknowledge': channel(z.object({ id: helpRequestIdSchema }).strict(), z.object({ request: helpRequestSchema }), { access: 'specialist' }),
  /** Marks a request handled, in the name of the caller's desk session; 'not-found' when it is no longer open. */
  'specialist:help-resolve': channel(z.object({ id: helpRequestIdSchema }).strict(), z.object({}), { access: 'specialist' }),
} as const;

export const helpStreams = {
  /**
   * The open calls, now and on every change: the kiosk's own and TV boxes'.
   * Desk-only: they say who is asking (masked name and number).
   */
  'specialist:help-requests': stream(noArgs, z.object({ open: z.array(helpRequestSchema) }), { access: 'specialist' }),
} as const;
