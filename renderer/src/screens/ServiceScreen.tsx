// A service's first screen. The step-by-step flows are driven by the service
// catalogue (see common/flow); until a service's flow is available this screen
// says plainly that a specialist can help.
import { useEffect, useState } from 'react';
import type { ServiceSummary } from '../../../common/domain/catalogue-summary.js';
import { useApi } from '../api/ApiContext.js';
import { Screen } from '../design/Screen.js';
import { t } from '../i18n/zh-CN.js';

export function ServiceScreen({ serviceId }: { serviceId: string; onBehalf?: boolean }) {
  const api = useApi();
  const [service, setService] = useState<ServiceSummary | null>(null);
  useEffect(() => {
    void api.call('catalogue:list', {}).then((r) => {
      if (r.ok) setService(r.value.services.find((s) => s.id === serviceId) ?? null);
    });
  }, [api, serviceId]);
  return (
    <Screen id={`service-${serviceId}`} title={service?.title ?? ''}>
      <p className="lead">{service?.description}</p>
      <p className="notice">{t.service.preparing}</p>
    </Screen>
  );
}
