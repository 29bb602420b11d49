// Residents' calls for help, at the top of every desk screen while any is open:
// what happened, where, how long ago, and a big 已处理 that marks it handled
// (main checks the desk session and audits it under the specialist's id).
import { useEffect, useState } from 'react';
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

  useEffect(
    () =>
      api.subscribe('specialist:help-requests', {}, (e) => {
        setNow(new Date());
        setOpen(e.open);
        if (e.open.length > 0) setMessage(''); // a new call: the last outcome is old news
      }),
    [api],
  );
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(tick);
  }, []);

  const resolve = async (id: string) => {
    const r = await api.call('specialist:help-resolve', { id });
    if (r.ok) setMessage(h.resolved);
    else if (r.error.code === 'not-found') setMessage(h.gone);
    else if (r.error.code === 'forbidden') setMessage(t.specialist.errors.needLogin);
    else setMessage(h.failed(r.error.message));
  };

  if (open.length === 0 && !message) return null;
  return (
    <section className="desk-help" aria-labelledby="desk-help-h">
      {open.length > 0 ? (
        <>
          <h2 id="desk-help-h">{h.title}</h2>
          <ul className="desk-list" aria-label={h.listLabel}>
            {open.map((r) => {
              const w = helpRequestWords(r, now, (id) => titleOf(services, id));
              return (
                <li key={r.id} className="desk-item desk-help-item" data-help-request={r.id}>
                  <h3>{w.what}</h3>
                  <p>{w.where}</p>
                  <p>
                    {w.since}
                    {w.times ? `，${w.times}` : ''}
                  </p>
                  <Button variant="primary" onClick={() => void resolve(r.id)} data-action="help-resolve">
                    {h.resolve}
                  </Button>
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
