// The versioned service catalogue, and its single validation entry point. The
// built-in catalogue and any catalogue arriving through sync go through
// parseCatalogue(); nothing else constructs a Catalogue.
import { z } from 'zod';
import { serviceSchema } from './service.js';
import { satisfactionSchema } from './satisfaction.js';
import { crossCheckService } from './cross-check.js';

export const catalogueSchema = z
  .object({
    /** Compared by sync to decide whether a newer catalogue exists; recorded in every submission. */
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/, 'version looks like 2027.1.0'),
    /** The day this version takes effect, YYYY-MM-DD. */
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    services: z.array(serviceSchema).min(1),
    satisfaction: satisfactionSchema,
  })
  .strict()
  .superRefine((cat, ctx) => {
    const ids = new Set<string>();
    cat.services.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `service ${s.id} listed twice` });
      ids.add(s.id);
      for (const issue of crossCheckService(s, i)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    });
  });

export type Catalogue = z.output<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;

/** Why a catalogue was refused; `issues` name the path so a county admin can fix the file. */
export class CatalogueError extends Error {
  constructor(
    readonly code: 'not-json' | 'invalid',
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/**
 * Validates a catalogue (a JSON string or an already-parsed value) and fills in
 * defaults. Throws CatalogueError; the caller keeps its current catalogue.
 */
export function parseCatalogue(json: unknown): Catalogue {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new CatalogueError('not-json', `catalogue is not valid JSON: ${(e as Error).message}`);
    }
  }
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CatalogueError('invalid', `catalogue is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return parsed.data;
}

/** Orders catalogue versions (2027.1.0 > 2026.11.3) so sync only moves forward. */
export function compareCatalogueVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
