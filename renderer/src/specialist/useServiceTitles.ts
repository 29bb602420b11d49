// Service titles by id, from the station's catalogue (the desk shows titles, not ids).
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

export function titleOf(services: ServiceSummary[] | null, id: string): string {
  return services?.find((s) => s.id === id)?.title ?? id;
}
