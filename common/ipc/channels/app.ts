// Channels every screen needs: who we are, how to look, what the station's state
// is. None says anything about a resident, so a specialist's own desk device may
// call them before its login ('public').
import { z } from 'zod';
import { channel, stream } from '../define.js';
import { stationStatusSchema } from '../../domain/status.js';
import { linksSchema } from '../../domain/links.js';
import { challengeKindSchema } from '../../domain/face.js';
import { textSizes, uiModes } from '../../domain/display-modes.js';

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  uiMode: z.enum(uiModes),
  stationName: z.string(),
  defaultTextSize: z.enum(textSizes),
  inactivity: z.object({ idleSeconds: z.number().int().positive(), warningSeconds: z.number().int().positive() }),
  /** The station's QR link templates (no personal data: only {order}, {amount}, {tracking}). */
  links: linksSchema,
  /** The station's time zone: the renderer shows every date and time in it. */
  timeZone: z.string().min(1),
  /**
   * What the asking connection is: the kiosk's own screen (the resident's, with
   * the desk behind 工作人员), or a specialist's own device (the desk alone).
   */
  surface: z.enum(['kiosk', 'desk']),
  /**
   * Whether this screen can call a specialist: a kiosk's screen always; a TV box
   * when its config names the station whose desk takes its calls.
   */
  canCallHelp: z.boolean(),
  /** The face check's challenges pinned by a development station's config (tests); null: a random pair. */
  faceChallenges: z.array(challengeKindSchema).nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  'app:info': channel(z.object({}).strict(), appInfoSchema, { access: 'public' }),
  /** Renderer-side failures, reported without personal data (the renderer sends only a code and a stack-free message). */
  'app:report-error': channel(z.object({ where: z.string().max(200), message: z.string().max(2000) }).strict(), z.object({}), { access: 'public' }),
  'station:status': channel(z.object({}).strict(), stationStatusSchema, { access: 'public' }),
} as const;

export const appStreams = {
  'station:status-changed': stream(z.object({}).strict(), stationStatusSchema, { access: 'public' }),
} as const;
