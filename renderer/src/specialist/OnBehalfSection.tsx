// 代办: start any service for a resident. The start is audited here; the
// service flow then submits with `onBehalf`, which main records under the desk session.
import { useNav } from '../app/navigation.js';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';
import { useDeskAudit } from './useDeskAudit.js';
import { useServices } from './useServiceTitles.js';

const o = t.specialist.onBehalf;

export function OnBehalfSection() {
  const nav = useNav();
  const audit = useDeskAudit();
  const services = useServices();
  return (
    <section aria-labelledby="desk-onbehalf-h">
      <h2 id="desk-onbehalf-h" className="visually-hidden">
        {o.title}
      </h2>
      <p className="lead">{o.hint}</p>
      <div className="actions" role="group" aria-label={o.listLabel}>
        {(services ?? [])
          .filter((s) => s.available)
          .map((s) => (
            <Button
              key={s.id}
              data-service={s.id}
              onClick={() => {
                void audit('specialist.on-behalf-start', { detail: s.id });
                nav.go({ name: 'service', serviceId: s.id, onBehalf: true });
              }}
            >
              {o.start(s.title)}
            </Button>
          ))}
      </div>
    </section>
  );
}
