// Specialist desk channels (PIN login, session, today's numbers). Owned by the
// specialist area. The desk's other actions (queue, retry, reprint, devices,
// sync) use the store and devices channels declared `access: 'specialist'`;
// their actor is the session's specialist, never one named in the arguments.
//
// A desk session belongs to the connection that logged in (one WebSocket, one
// Electron page): another connection has none until it logs in itself, and it
// ends when its connection closes. Main enforces the idle logout itself, so a
// closed or frozen page cannot leave a specialist logged in. Login, logout and
// asking for the session are open to any screen (they are how a session starts).
import { z } from 'zod';
import { channel } from '../define.js';
import {
  loginResultSchema,
  logoutReasons,
  pinSchema,
  specialistIdSchema,
  specialistSchema,
  specialistSessionSchema,
  todaySummarySchema,
} from '../../domain/specialist.js';

const noArgs = z.object({}).strict();

export const specialistChannels = {
  /** Who may log in here (names for the login screen), and whether login is locked now. */
  'specialist:roster': channel(noArgs, z.object({ specialists: z.array(specialistSchema), lockedUntil: z.string().nullable() }), { access: 'resident' }),
  /** Checks a PIN; wrong and locked are answers, not errors. */
  'specialist:login': channel(z.object({ specialistId: specialistIdSchema, pin: pinSchema }).strict(), loginResultSchema, { access: 'resident' }),
  'specialist:logout': channel(z.object({ reason: z.enum(logoutReasons) }).strict(), z.object({}), { access: 'resident' }),
  /** The current session, or null (never logged in, logged out, or expired while idle). */
  'specialist:session': channel(noArgs, z.object({ session: specialistSessionSchema.nullable() }), { access: 'resident' }),
  /** The specialist is active at the screen: pushes main's idle deadline back. */
  'specialist:activity': channel(noArgs, z.object({ session: specialistSessionSchema.nullable() }), { access: 'resident' }),
  /** Today's submitted / accepted / rejected and satisfaction. */
  'specialist:today': channel(noArgs, todaySummarySchema, { access: 'specialist' }),
} as const;
