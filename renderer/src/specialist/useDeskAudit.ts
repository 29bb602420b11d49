// Every desk action goes to the station's audit log under the specialist's id,
// which main takes from this screen's desk session (nothing here names it).
// Details are plain words or ids: never a resident's name or number.
import { useCallback } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useSpecialist } from './SpecialistSession.js';

export function useDeskAudit(): (action: string, opts?: { subjectId?: string; detail?: string }) => Promise<void> {
  const api = useApi();
  const specialist = useSpecialist();
  return useCallback(
    async (action, opts = {}) => {
      if (!specialist) return;
      const r = await api.call('store:audit-append', { action, ...opts });
      if (!r.ok) void api.call('app:report-error', { where: 'specialist-audit', message: `${action}: ${r.error.code}` });
    },
    [api, specialist],
  );
}
