// Service names for the lines of 办件进度 and the policy answers' 去办理, from
// the station's catalogue (tiles carry the short name residents know).
import { useEffect, useState } from 'react';
import type { ServiceId } from '../../../../common/domain/catalogue-summary.js';
import { useApi } from '../../api/ApiContext.js';

export function useServiceNames(): Partial<Record<ServiceId, string>> {
  const api = useApi();
  const [names, setNames] = useState<Partial<Record<ServiceId, string>>>({});
  useEffect(() => {
    let live = true;
    void api.call('catalogue:list', {}).then((r) => {
      if (live && r.ok) setNames(Object.fromEntries(r.value.services.map((s) => [s.id, s.title])));
    });
    return () => {
      live = false;
    };
  }, [api]);
  return names;
}
