// What the home screen needs from a catalogue: one tile per service, marked
// available when this station's surface (kiosk or TV) offers it. Derived from
// the full catalogue so the tiles can never disagree with the flows. (Nothing
// here parses the catalogue: importing this costs nothing at start-up.)
import type { Surface } from './schema/fields.js';
import type { Catalogue } from './schema/catalogue.js';
import type { ServiceSummary } from '../domain/catalogue-summary.js';

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
