// The link and the outbox, live from the station status stream, with 立即同步
// to try now instead of waiting for the next round (audited).
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../common/domain/status.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';
import { dateTime } from './format.js';
import { useDeskAudit } from './useDeskAudit.js';

const s = t.specialist.sync;

export function SyncSection() {
  const api = useApi();
  const audit = useDeskAudit();
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => api.subscribe('station:status-changed', {}, (st) => setSync(st.sync)), [api]);

  const now = async () => {
    setBusy(true);
    setMessage(s.running);
    const r = await api.call('sync:now', {});
    setBusy(false);
    void audit('specialist.sync-now', { detail: r.ok ? `accepted ${r.value.accepted}, rejected ${r.value.rejected}` : r.error.code });
    if (!r.ok) return setMessage(s.failed(r.error.message));
    setSync(r.value.status);
    setMessage(r.value.status.lastError && !r.value.status.online ? s.failed(r.value.status.lastError.message) : s.result(r.value.accepted, r.value.rejected));
  };

  return (
    <section aria-labelledby="desk-sync-h">
      <h2 id="desk-sync-h" className="visually-hidden">
        {s.title}
      </h2>
      {sync ? (
        <ul className="desk-figures" data-testid="desk-sync">
          <li className="desk-figure" data-online={sync.online}>
            <span className="desk-figure-value">{sync.syncing ? s.syncing : sync.online ? s.online : s.offline}</span>
          </li>
          <li className="desk-figure">
            <span className="desk-figure-value">{s.pending(sync.pendingCount)}</span>
          </li>
          <li className="desk-figure">{sync.lastSuccessAt ? s.lastSuccess(dateTime(sync.lastSuccessAt)) : s.never}</li>
          {sync.lastError ? <li className="desk-figure">{s.lastError(sync.lastError.message)}</li> : null}
        </ul>
      ) : null}
      <div className="actions">
        <Button variant="primary" onClick={() => void now()} disabled={busy} data-action="sync-now">
          {s.now}
        </Button>
      </div>
      <p className="desk-message" role="status" aria-live="polite" data-testid="desk-sync-message">
        {message}
      </p>
    </section>
  );
}
