// The outer frame of a query service: marks the service's screens with
// data-screen="service-<id>" (what the home tile opens, for tests and
// screenshots) without adding a box, and ends every service the way the
// application flows end: the satisfaction rating, then home (AfterService).
import { useState, type ComponentType, type ReactNode } from 'react';
import type { ServiceId } from '../../../../common/domain/catalogue-summary.js';
import type { ResidentIdentity } from '../../../../common/flow/identity.js';
import { AfterService } from '../../flow/AfterService.js';
import { RequireIdentity } from '../../identity/RequireIdentity.js';
import './queries.css';

export function ServiceFrame({ serviceId, children }: { serviceId: ServiceId; children: (finish: () => void) => ReactNode }) {
  const [rating, setRating] = useState(false);
  return (
    <div className="service-frame" data-screen={`service-${serviceId}`}>
      {rating ? <AfterService serviceId={serviceId} applicationId={null} /> : children(() => setRating(true))}
    </div>
  );
}

/** What a service that needs to know the resident renders once it does. */
export type IdentifiedBody = ComponentType<{ identity: ResidentIdentity; finish(): void }>;

/**
 * A query service about the resident: the frame, then the ID card (or keyed
 * number), then the body. Keyed by the ID number so a card swapped mid-service
 * starts the body afresh.
 */
export function IdentifiedService({ serviceId, title, body: Body }: { serviceId: ServiceId; title: string; body: IdentifiedBody }) {
  return (
    <ServiceFrame serviceId={serviceId}>
      {(finish) => <RequireIdentity title={title}>{(identity) => <Body key={identity.idNumber} identity={identity} finish={finish} />}</RequireIdentity>}
    </ServiceFrame>
  );
}
