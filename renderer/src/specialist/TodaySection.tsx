// Today's numbers: submitted, accepted, rejected, and satisfaction (average and
// how many rated), from the specialist:today channel.
import { useCallback, useEffect, useState } from 'react';
import type { TodaySummary } from '../../../common/domain/specialist.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';

const d = t.specialist.today;

export function TodaySection() {
  const api = useApi();
  const [today, setToday] = useState<TodaySummary | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const r = await api.call('specialist:today', {});
    setFailed(!r.ok);
    if (r.ok) setToday(r.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const sat = today?.satisfaction;
  return (
    <section aria-labelledby="desk-today-h">
      <h2 id="desk-today-h" className="visually-hidden">
        {d.title}
      </h2>
      {failed ? <p className="notice notice-warn">{d.failed}</p> : null}
      {today ? (
        <>
          <p className="lead">{d.day(today.day)}</p>
          <ul className="desk-figures" data-testid="desk-today">
            {(['submitted', 'accepted', 'rejected'] as const).map((k) => (
              <li key={k} className="desk-figure" data-figure={k}>
                {d[k]}
                <span className="desk-figure-value">{d.count(today[k])}</span>
              </li>
            ))}
            <li className="desk-figure" data-figure="satisfaction">
              {d.satisfaction}
              <span className="desk-figure-value">
                {sat === null || sat === undefined ? d.ratingsUnavailable : sat.average === null ? d.noRatings : d.average(sat.average)}
              </span>
              {sat ? <span>{d.ratings(sat.count)}</span> : null}
            </li>
          </ul>
        </>
      ) : null}
      <div className="actions">
        <Button onClick={() => void load()} data-action="refresh-today">
          {d.refresh}
        </Button>
      </div>
    </section>
  );
}
