// Residents' calls for help, at the top of every desk screen while any is open
// (this kiosk's, and TV boxes' at home): who (masked), where, what happened and
// on which service, how long ago; 我来处理 acknowledges it (the resident's
// screen then says 工作人员马上到; a TV, 工作人员会给您打电话) and 已处理 marks
// it handled. Main checks the desk session and audits both under its specialist.
import { useEffect, useRef, useState } from 'react';
import type { HelpRequest } from '../../../common/domain/help.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';
import { helpRequestWords } from './help-words.js';
import { titleOf, useServices } from './useServiceTitles.js';

const h = t.specialist.help;
/** "N 分钟前" moves on by itself while the desk is open. */
const TICK_MS = 30_000;

export function HelpRequestsPanel() {
  const api = useApi();
  const services = useServices();
  const [open, setOpen] = useState<HelpRequest[]>([]);
  const [now, setNow] = useState(() => new Date());
  const [message, setMessage] = useState('');
  const known = useRef(new Set<string>());

  useEffect(
    () =>
      api.subscribe('specialist:help-requests', {}, (e) => {
        setNow(new Date());
        // A new call: the last outcome is old news.
        if (e.open.some((r) => !known.current.has(r.id))) setMessage('');
        known.current = new Set(e.open.map((r) => r.id));
        setOpen(e.open);
      }),
    [api],
  );
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(tick);
  }, []);

  const failed = (e: { code: string; message: string }) => {
    if (e.code === 'not-found') setMessage(h.gone);
    else if (e.code === 'forbidden') setMessage(t.specialist.errors.needLogin);
    else setMessage(h.failed(e.message));
  };
  const acknowledge = async (id: string) => {
    const r = await api.call('specialist:help-acknowledge', { id });
    if (r.ok) setMessage(r.value.request.where.kind === 'tv' ? h.acknowledgedTv : h.acknowledged);
    else failed(r.error);
  };
  const resolve = async (id: string) => {
    const r = await api.call('specialist:help-resolve', { id });
    if (r.ok) setMessage(h.resolved);
    else failed(r.error);
  };

  if (open.length === 0 && !message) return null;
  return (
    <section className="desk-help" aria-labelledby="desk-help-h">
      {open.length > 0 ? (
        <>
          {/* The yellow cards say it: the heading is for the screen reader, and the room for the desk. */}
          <h2 id="desk-help-h" className="visually-hidden">
            {h.title}
          </h2>
          <ul className="desk-list" aria-label={h.listLabel}>
            {open.map((r) => {
              const w = helpRequestWords(r, now, (id) => titleOf(services, id));
              return (
                <li key={r.id} className="desk-item desk-help-item desk-item-row" data-help-request={r.id} data-help-from={r.where.kind}>
                  {/* Its buttons first, at the left, as in the queue: Down from the top bar and Up from the tabs reach them. */}
                  <div className="actions">
                    {r.acknowledged ? null : (
                      <Button variant="primary" onClick={() => void acknowledge(r.id)} data-action="help-acknowledge">
                        {h.acknowledge}
                      </Button>
                    )}
                    <Button variant={r.acknowledged ? 'primary' : 'secondary'} onClick={() => void resolve(r.id)} data-action="help-resolve">
                      {h.resolve}
                    </Button>
                  </div>
                  {/* Four short lines, not seven: with a call open the desk's own sections must still fit at 特大. */}
                  <div className="desk-item-text">
                    <h3 data-testid="help-who">{w.who}</h3>
                    <p>
                      <span data-testid="help-place">{w.place}</span> · {w.since}
                      {w.times ? `，${w.times}` : ''}
                    </p>
                    {w.callBack ? <p data-testid="help-callback">{w.callBack}</p> : null}
                    <p>
                      {w.what} · {w.where}
                    </p>
                    {w.answered ? <p data-testid="help-answered">{w.answered}</p> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <h2 id="desk-help-h" className="visually-hidden">
          {h.title}
        </h2>
      )}
      <p className="desk-message" role="status" data-testid="desk-help-message">
        {message}
      </p>
    </section>
  );
}
