// The queue by status: what waits to be sent, what came back rejected (with the
// reason in plain words), drafts, accepted and completed. Actions: retry a
// rejected application, reprint a receipt, cancel a draft — each audited.
import { useCallback, useEffect, useState } from 'react';
import type { ApplicationStatus, ApplicationSummary } from '../../../common/domain/application.js';
import { useApi } from '../api/ApiContext.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { Button } from '../design/Button.js';
import { Pager } from '../design/Pager.js';
import { t } from '../i18n/zh-CN.js';
import { dateTime } from './format.js';
import { plainReason } from './reasons.js';
import { useSpecialist } from './SpecialistSession.js';
import { useDeskAudit } from './useDeskAudit.js';
import { useServices } from './useServiceTitles.js';
import { titleOf } from './service-title.js';

const q = t.specialist.queue;

const filters = {
  waiting: ['queued', 'sending'],
  rejected: ['rejected'],
  draft: ['draft'],
  accepted: ['accepted'],
  completed: ['completed'],
} as const satisfies Record<string, readonly ApplicationStatus[]>;
type Filter = keyof typeof filters;

export function QueueSection() {
  const api = useApi();
  const info = useAppInfo();
  const specialist = useSpecialist();
  const audit = useDeskAudit();
  const services = useServices();
  const [filter, setFilter] = useState<Filter>('waiting');
  const [apps, setApps] = useState<ApplicationSummary[] | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => {
    const r = await api.call('store:list-applications', { statuses: [...filters[filter]], limit: 50 });
    if (r.ok) setApps(r.value.applications);
    else setMessage(q.actionFailed(r.error.message));
  }, [api, filter]);

  useEffect(() => {
    setApps(null);
    void load();
    // Statuses change under the desk's eyes as sync runs: follow them.
    return api.subscribe('store:application-changed', {}, () => void load());
  }, [api, load]);

  if (!specialist) return null;

  const retry = async (a: ApplicationSummary) => {
    const r = await api.call('store:retry-application', { id: a.id });
    setMessage(r.ok ? q.retried(a.localTrackingNumber) : q.actionFailed(r.error.message));
    void load();
  };
  const cancel = async (a: ApplicationSummary) => {
    const r = await api.call('store:cancel-draft', { id: a.id });
    setMessage(r.ok ? q.cancelled(a.localTrackingNumber) : q.actionFailed(r.error.message));
    void load();
  };
  const reprint = async (a: ApplicationSummary) => {
    if (!a.applicantIdMasked) return;
    // Main composes the paper from the application in its store, marked as a reprint.
    const r = await api.call('printer:print-receipt', { applicationId: a.id, reprint: true });
    const printed = r.ok && r.value.printed;
    void audit('specialist.reprint-receipt', { subjectId: a.id, detail: printed ? 'printed' : 'not printed' });
    if (!r.ok) setMessage(q.printFailed(r.error.message));
    else setMessage(r.value.printed ? q.reprinted(a.localTrackingNumber) : q.printFailed(r.value.message));
  };

  return (
    <section aria-labelledby="desk-queue-h" className="desk-fill">
      <h2 id="desk-queue-h" className="visually-hidden">
        {t.specialist.sections.queue}
      </h2>
      <div className="desk-filters" role="group" aria-label={q.filters}>
        {(Object.keys(filters) as Filter[]).map((f) => (
          <Button key={f} aria-pressed={f === filter} data-filter={f} onClick={() => setFilter(f)}>
            {q.filter[f]}
          </Button>
        ))}
      </div>
      <p className="desk-message" role="status" aria-live="polite" data-testid="desk-queue-message">
        {message}
      </p>
      {apps === null ? (
        <p className="lead">{q.loading}</p>
      ) : apps.length === 0 ? (
        <p className="lead" data-testid="desk-queue-empty">
          {q.empty}
        </p>
      ) : (
        // A day with the link down leaves dozens waiting: they page (上一页 / 下一页) rather than run off the screen.
        <Pager
          className="desk-list"
          listProps={{ 'aria-label': q.listLabel }}
          items={apps.map((a) => {
            const reason = a.status === 'rejected' ? plainReason(a.reason) : null;
            return (
              <li key={a.id} className="desk-item desk-item-row" data-application={a.id}>
                {/* Its buttons first, at the card's left: under the filters, where Up from them goes back. */}
                <div className="actions">
                  {a.status === 'rejected' ? (
                    <Button variant="primary" onClick={() => void retry(a)} data-action="retry">
                      {q.retry}
                    </Button>
                  ) : null}
                  {/* The receipt printer is at the kiosk: a specialist's own device may not print on it. */}
                  {info.surface === 'kiosk' && a.status !== 'draft' && a.status !== 'cancelled' && a.applicantIdMasked ? (
                    <Button onClick={() => void reprint(a)} data-action="reprint">
                      {q.reprint}
                    </Button>
                  ) : null}
                  {a.status === 'draft' ? (
                    <Button variant="danger" onClick={() => void cancel(a)} data-action="cancel-draft">
                      {q.cancelDraft}
                    </Button>
                  ) : null}
                </div>
                <div className="desk-item-text">
                  <h3>
                    {titleOf(services, a.serviceId)} · {q.status[a.status] ?? a.status}
                  </h3>
                  {/* Three lines, not four: at 特大 a whole card must fit under the desk's two rows of tabs. */}
                  <p>
                    {q.tracking(a.localTrackingNumber)}
                    {a.receiptNumber ? ` · ${q.receipt(a.receiptNumber)}` : ''} · {q.created(dateTime(a.createdAt))}
                  </p>
                  <p>
                    {q.applicant(a.applicantName, a.applicantIdMasked)}
                    {a.onBehalfOf ? ` · ${q.onBehalf(a.onBehalfOf.specialistName ?? a.onBehalfOf.specialistId)}` : ''}
                  </p>
                  {a.purged ? <p>{q.purged}</p> : null}
                  {reason ? <p className="desk-reason">{q.reason(reason)}</p> : null}
                </div>
              </li>
            );
          })}
        />
      )}
    </section>
  );
}
