// The station's services, fetched once for the desk's titles (service-title.ts names them).
import { useEffect, useState } from 'react';
import type { ServiceSummary } from '../../../common/domain/catalogue-summary.js';
import { useApi } from '../api/ApiContext.js';

export function useServices(): ServiceSummary[] | null {
  const api = useApi();
  const [services, setServices] = useState<ServiceSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('catalogue:list', {}).then((r) => live && r.ok && setServices(r.value.services));
    return () => {
      live = false;
    };
  }, [api]);
  return services;
}
