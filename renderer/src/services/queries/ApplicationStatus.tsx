// 办件进度查询: the resident's applications on this kiosk, newest first, each with
// its service name and its status in plain words (已保存等待提交 / 正在提交 /
// 已受理，受理号… / 已办结 / 未通过，原因…). The list follows the store live:
// when sync sends an application or the server decides, the line changes in place.
import { useCallback, useEffect, useState } from 'react';
import type { ApplicationSummary } from '../../../../common/domain/application.js';
import type { ResidentIdentity } from '../../../../common/flow/identity.js';
import type { IpcError } from '../../../../common/ipc/result.js';
import { useApi } from '../../api/ApiContext.js';
import { Screen } from '../../design/Screen.js';
import { Button } from '../../design/Button.js';
import { Pager } from '../../design/Pager.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';
import type { ServiceScreenProps } from '../registry.js';
import { IdentifiedService } from './ServiceFrame.js';
import { applicationWords, newestFirst } from './application-words.js';
import { lookupFailureWords } from './lookup-words.js';
import { useServiceNames } from './useServiceNames.js';

const s = t.queries.applications;

type Listing = { state: 'loading' } | { state: 'ready'; apps: ApplicationSummary[] } | { state: 'failed'; error: IpcError };

function useApplications(idNumber: string): Listing {
  const api = useApi();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const load = useCallback(
    () =>
      api.call('store:list-applications', { idNumber, limit: 50, offset: 0 }).then((r) => {
        setListing(r.ok ? { state: 'ready', apps: newestFirst(r.value.applications) } : { state: 'failed', error: r.error });
      }),
    [api, idNumber],
  );
  useEffect(() => {
    let live = true;
    void load();
    // Any status change may be one of this resident's: list again (a few rows, from the local store).
    const off = api.subscribe('store:application-changed', {}, () => {
      if (live) void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [api, load]);
  return listing;
}

/** The number under the status: the receipt once the server gave one (unless the status line says it), else the kiosk's own. */
function otherNumber(app: ApplicationSummary): string {
  if (app.receiptNumber) return app.status === 'accepted' ? '' : `，${s.receipt(app.receiptNumber)}`;
  return `，${s.tracking(app.localTrackingNumber)}`;
}

function Applications({ identity, finish }: { identity: ResidentIdentity; finish(): void }) {
  const listing = useApplications(identity.idNumber);
  const names = useServiceNames();
  const { speak } = useReadAloud();
  const items =
    listing.state === 'ready' ? listing.apps.map((a) => ({ app: a, words: applicationWords(a, names[a.serviceId] ?? a.serviceId) })) : [];
  const summary = listing.state === 'ready' ? (items.length ? s.count(items.length) : s.none) : listing.state === 'failed' ? lookupFailureWords(listing.error) : null;
  const spoken = summary ? [summary, ...items.map((i) => i.words.spoken)].join('') : undefined;

  // Read the list once when it first arrives; later live changes are announced by the polite region.
  const [announced, setAnnounced] = useState(false);
  useEffect(() => {
    if (spoken && !announced) {
      setAnnounced(true);
      void speak(spoken);
    }
  }, [spoken, announced, speak]);

  if (listing.state === 'loading') {
    return (
      <Screen id="status-loading" title={s.title}>
        <p className="query-big" role="status">
          {t.queries.common.loading}
        </p>
      </Screen>
    );
  }
  const done = (
    <Button variant="primary" autoFocusOnMount onClick={finish} data-action="done">
      {t.queries.common.done}
    </Button>
  );
  return (
    <Screen id="status-list" title={s.title} prompt={spoken}>
      <div className="list-head">
        <h2>{s.heading}</h2>
        <p className="lead" role={listing.state === 'failed' ? 'alert' : undefined}>
          {summary}
        </p>
      </div>
      {items.length ? (
        <Pager
          className="app-list"
          listProps={{ 'aria-live': 'polite', 'data-testid': 'applications', 'aria-label': s.heading }}
          items={items.map(({ app, words }) => (
            <li key={app.id}>
              <Button className="app-item" data-application={app.id} data-status={app.status} onClick={() => void speak(words.spoken)}>
                <span className="app-service">{names[app.serviceId] ?? app.serviceId}</span>
                <span className="app-status">{words.status}</span>
                {words.note ? <span>{words.note}</span> : null}
                <span>
                  {words.when}
                  {otherNumber(app)}
                </span>
              </Button>
            </li>
          ))}
          actions={done}
        />
      ) : (
        <div className="actions">{done}</div>
      )}
    </Screen>
  );
}

export function ApplicationStatus({ serviceId }: ServiceScreenProps) {
  return <IdentifiedService serviceId={serviceId} title={s.title} body={Applications} />;
}
