// Plain words about the station: whether the specialist has been called (first,
// large, for the resident waiting and a specialist walking past), online or not,
// how many applications wait to be sent, and any device problem. Fed by the
// station:status-changed stream.
import { useEffect, useState } from 'react';
import type { StationStatus } from '../../../common/domain/status.js';
import { useApi } from '../api/ApiContext.js';
import { t } from '../i18n/zh-CN.js';
import { useAppInfo } from '../app/AppInfoContext.js';

export type StatusTone = 'help' | 'ok' | 'warn';

/**
 * `desk`: the specialist's own screens, which list the calls for help themselves and need the room: no
 * help badge, and the link's state in a few words rather than the resident's sentence.
 */
export function statusSentences(s: StationStatus | null, uiMode: 'kiosk' | 'tv' = 'kiosk', desk = false): { text: string; tone: StatusTone }[] {
  if (!s) return [{ text: t.status.connecting, tone: 'warn' }];
  const out: { text: string; tone: StatusTone }[] = [];
  // Someone is coming only once a specialist said so at the desk.
  if (s.help.open && !desk) out.push({ text: s.help.acknowledged ? (uiMode === 'tv' ? t.help.tvAnswered : t.help.answered) : t.help.called, tone: 'help' });
  out.push(s.sync.online ? { text: t.status.online, tone: 'ok' } : { text: desk ? t.status.offlineShort : t.status.offline, tone: 'warn' });
  if (s.sync.syncing) out.push({ text: t.status.syncing, tone: 'ok' });
  out.push({ text: t.status.pending(s.sync.pendingCount), tone: 'ok' });
  const broken = s.devices.filter((d) => d.state === 'fault' || d.state === 'disconnected' || d.state === 'warning');
  if (broken.length) {
    const names = [...new Set(broken.map((d) => t.status.deviceNames[d.kind] ?? d.kind))].join('、');
    out.push({ text: t.status.deviceProblem(names), tone: 'warn' });
  }
  if (s.store.state === 'error') out.push({ text: t.status.storeError, tone: 'warn' });
  return out;
}

export function StatusBar({ desk = false }: { desk?: boolean }) {
  const api = useApi();
  const { uiMode } = useAppInfo();
  const [status, setStatus] = useState<StationStatus | null>(null);
  useEffect(() => api.subscribe('station:status-changed', {}, setStatus), [api]);
  return (
    <section className="status-bar" aria-label={t.status.label} aria-live="polite" data-testid="status-bar">
      {statusSentences(status, uiMode, desk).map((s) => (
        <span
          key={s.text}
          className={`status-item status-${s.tone}`}
          data-testid={s.tone === 'help' ? 'help-called' : undefined}
          data-help-state={s.tone === 'help' ? (status?.help.acknowledged ? 'acknowledged' : 'calling') : undefined}
        >
          {s.text}
        </span>
      ))}
    </section>
  );
}
