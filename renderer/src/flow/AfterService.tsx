// What comes after a service is done: the satisfaction rating, then home.
import { useNav } from '../app/navigation.js';
import { Satisfaction } from '../services/Satisfaction.js';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';

export function AfterService({ serviceId, applicationId }: { serviceId: ServiceId; applicationId: string | null }) {
  const nav = useNav();
  return <Satisfaction serviceId={serviceId} {...(applicationId ? { applicationId } : {})} onDone={() => nav.home()} />;
}
