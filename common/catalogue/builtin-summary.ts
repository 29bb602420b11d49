// What the home screen needs from a catalogue: one tile per service, marked
// available when this station's surface (kiosk or TV) offers it. Derived from
// the full catalogue so the tiles can never disagree with the flows.
import type { Surface } from './schema/fields.js';
import type { Catalogue } from './schema/catalogue.js';
import type { ServiceSummary } from '../domain/catalogue-summary.js';
import { BUILTIN_CATALOGUE_VERSION, builtinCatalogue } from './builtin.js';

export { BUILTIN_CATALOGUE_VERSION };

export function summarize(catalogue: Catalogue, surface: Surface): ServiceSummary[] {
  return catalogue.services.map((s) => ({
    id: s.id,
    title: s.names.short,
    description: s.description,
    icon: s.icon,
    needsLink: s.needsLink,
    available: s.offeredOn.includes(surface),
  }));
}

/** The built-in tiles for a kiosk (every service offered). */
export const builtinServiceSummaries: readonly Omit<ServiceSummary, 'available'>[] = summarize(builtinCatalogue(), 'kiosk').map(
  ({ available: _a, ...rest }) => rest,
);

/** The services a TV at home offers (no card reader, printer or camera there). */
export const tvServiceIds: readonly string[] = builtinCatalogue()
  .services.filter((s) => s.offeredOn.includes('tv'))
  .map((s) => s.id);
