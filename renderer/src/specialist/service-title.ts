// A service as the desk names it (kept apart from the hook that fetches the catalogue, so it is tested alone).
import type { ServiceSummary } from '../../../common/domain/catalogue-summary.js';

/**
 * The title a specialist reads. While the catalogue is still on its way, an ellipsis, not the
 * service's internal id (seen on a busy desk: 在办：social-insurance-query); the id only for a
 * service the catalogue no longer has.
 */
export function titleOf(services: ServiceSummary[] | null, id: string): string {
  if (!services) return '…';
  return services.find((s) => s.id === id)?.title ?? id;
}
