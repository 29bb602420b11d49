// What the home screen needs to know about a service: enough to draw its tile.
// The full, versioned service definitions (steps, fields, eligibility) live in
// common/catalogue/ and are synced from the server.
import { z } from 'zod';

export const serviceIds = [
  'pension-certification',
  'social-insurance-query',
  'medical-insurance-payment',
  'elderly-allowance',
  'subsistence-allowance',
  'application-status',
  'certificate-print',
  'policy-qa',
] as const;
export const serviceIdSchema = z.enum(serviceIds);
export type ServiceId = z.infer<typeof serviceIdSchema>;

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
