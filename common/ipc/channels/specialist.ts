// Specialist desk channels (PIN login, session, today's numbers). Owned by the
// specialist area. The desk's other actions (queue, retry, reprint, devices,
// sync) use the store and devices channels declared `access: 'specialist'`;
// their actor is the session's specialist, never one named in the arguments.
//
// A desk session belongs to the connection that logged in (one WebSocket, one
// Electron page): another connection has none until it logs in itself, and it
// ends when its connection closes. Main enforces the idle logout itself, so a
// closed or frozen page cannot leave a specialist logged in. Login, logout and
// asking for the session are open to any connection, a specialist's own desk
// device included ('public': they are how a session starts; five wrong PINs lock
// login on the whole station).
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
  'specialist:roster': channel(noArgs, z.object({ specialists: z.array(specialistSchema), lockedUntil: z.string().nullable() }), { access: 'public' }),
  /** Checks a PIN; wrong and locked are answers, not errors. */
  'specialist:login': channel(z.object({ specialistId: specialistIdSchema, pin: pinSchema }).strict(), loginResultSchema, { access: 'public' }),
  'specialist:logout': channel(z.object({ reason: z.enum(logoutReasons) }).strict(), z.object({}), { access: 'public' }),
  /** The current session, or null (never logged in, logged out, or expired while idle). */
  'specialist:session': channel(noArgs, z.object({ session: specialistSessionSchema.nullable() }), { access: 'public' }),
  /** The specialist is active at the screen: pushes main's idle deadline back. */
  'specialist:activity': channel(noArgs, z.object({ session: specialistSessionSchema.nullable() }), { access: 'public' }),
  /** Today's submitted / accepted / rejected and satisfaction. */
  'specialist:today': channel(noArgs, todaySummarySchema, { access: 'specialist' }),
} as const;
