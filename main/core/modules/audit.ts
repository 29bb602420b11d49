// Writes an area's audit entries to the store's audit log through the 'store'
// service. Shared by the areas that audit from main (the desk, help requests).
// A missing or broken store is logged, not thrown: the desk keeps working on a
// broken store (it is how the specialist sees the fault), and a resident's call
// for help must still reach the specialist.
import type { OfflineStore } from '../../../offline-store/store.js';
import type { DeskAuditEntry } from '../../specialist/session.js';
import type { Logger } from '../logger.js';
import type { ServiceRegistry } from '../module.js';

export function storeAuditWriter(services: ServiceRegistry, log: Logger): (e: DeskAuditEntry) => void {
  return (e) => {
    const store = services.get<OfflineStore>('store');
    if (!store) {
      log.warn('audit log unavailable (store not open)', { action: e.action });
      return;
    }
    try {
      store.audit.append({ actor: e.actor, action: e.action, subjectId: e.subjectId ?? null, onBehalfOf: null, detail: e.detail ?? null });
    } catch (err) {
      log.error('audit append failed', { action: e.action, error: (err as Error).name });
    }
  };
}
