// What the home screen needs to know about a service: enough to draw its tile.
// The full, versioned service definitions (steps, fields, eligibility) live in
// common/catalogue/ and are synced from the server.
import { z } from 'zod';
import { serviceIds } from './service-ids.js';

export type { ServiceId } from './service-ids.js';

export const serviceIdSchema = z.enum(serviceIds);

export const serviceSummarySchema = z.object({
  id: serviceIdSchema,
  title: z.string(),
  /** One plain sentence read aloud when the tile is focused. */
  description: z.string(),
  icon: z.string(),
  needsLink: z.boolean(),
  /** Whether this station offers it (a TV at home offers fewer services). */
  available: z.boolean(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;
