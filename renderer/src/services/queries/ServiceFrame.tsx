// The outer frame of a query service: marks the service's screens with
// data-screen="service-<id>" (what the home tile opens, for tests and
// screenshots) without adding a box, and ends every service the same way: the
// satisfaction rating, then home.
import { useState, type ReactNode } from 'react';
import type { ServiceId } from '../../../../common/domain/catalogue-summary.js';
import { useNav } from '../../app/navigation.js';
import { Satisfaction } from '../Satisfaction.js';
import './queries.css';

export function ServiceFrame({ serviceId, children }: { serviceId: ServiceId; children: (finish: () => void) => ReactNode }) {
  const nav = useNav();
  const [rating, setRating] = useState(false);
  return (
    <div className="service-frame" data-screen={`service-${serviceId}`}>
      {rating ? <Satisfaction serviceId={serviceId} onDone={() => nav.home()} /> : children(() => setRating(true))}
    </div>
  );
}
