// Specialist desk channels (PIN login, session, today's numbers). Owned by the
// specialist area. The desk's other actions (queue, retry, reprint, devices,
// sync) use the store, devices and app channels with a specialist actor.
//
// There is one desk session per station (one screen); main enforces the idle
// logout itself, so a closed or frozen page cannot leave a specialist logged in.
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
  'specialist:roster': channel(noArgs, z.object({ specialists: z.array(specialistSchema), lockedUntil: z.string().nullable() })),
  /** Checks a PIN; wrong and locked are answers, not errors. */
  'specialist:login': channel(z.object({ specialistId: specialistIdSchema, pin: pinSchema }).strict(), loginResultSchema),
  'specialist:logout': channel(z.object({ reason: z.enum(logoutReasons) }).strict(), z.object({})),
  /** The current session, or null (never logged in, logged out, or expired while idle). */
  'specialist:session': channel(noArgs, z.object({ session: specialistSessionSchema.nullable() })),
  /** The specialist is active at the screen: pushes main's idle deadline back. */
  'specialist:activity': channel(noArgs, z.object({ session: specialistSessionSchema.nullable() })),
  /** Today's submitted / accepted / rejected and satisfaction; needs a session ('forbidden' without). */
  'specialist:today': channel(noArgs, todaySummarySchema),
} as const;
