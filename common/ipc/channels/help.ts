// A resident's call for help reaching the specialist. The resident's screen asks
// (app:help-request, with a reason and the service on screen: no personal data),
// the desk follows the open requests (specialist:help-requests) and marks one
// handled (specialist:help-resolve, which needs a logged-in specialist). The
// status bar learns that a request is open from the station status (`help`).
import { z } from 'zod';
import { channel, stream } from '../define.js';
import { helpReasonSchema, helpRequestIdSchema, helpRequestSchema } from '../../domain/help.js';
import { serviceIdSchema } from '../../domain/catalogue-summary.js';

const noArgs = z.object({}).strict();

export const helpChannels = {
  /** Asking again while a request is open refreshes it (`refreshed: true`) instead of opening a second. */
  'app:help-request': channel(
    z.object({ reason: helpReasonSchema, serviceId: serviceIdSchema.nullable() }).strict(),
    z.object({ request: helpRequestSchema, refreshed: z.boolean() }),
    { access: 'resident' },
  ),
  /**
   * The resident's session was cleared (the inactivity guard timed out): what the
   * station holds for that resident ends with it, open help requests included.
   */
  'app:resident-session-cleared': channel(noArgs, z.object({}), { access: 'resident' }),
  /** Marks a request handled, in the name of the caller's desk session; 'not-found' when it is no longer open. */
  'specialist:help-resolve': channel(z.object({ id: helpRequestIdSchema }).strict(), z.object({}), { access: 'specialist' }),
} as const;

export const helpStreams = {
  /**
   * The open requests, now and on every change. Not behind the desk login: it says
   * no more than the status bar shows everyone (a reason, a service, a time).
   */
  'specialist:help-requests': stream(noArgs, z.object({ open: z.array(helpRequestSchema) }), { access: 'resident' }),
} as const;
