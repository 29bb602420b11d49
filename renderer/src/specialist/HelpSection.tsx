// 求助, a desk section: residents' open calls for help, a card each, paged like
// the queue so that any number of calls, at any text size, fits the screen with
// the desk's tabs: who (masked), where, how long ago, what happened and on which
// service, the number to call back for a TV at home, who answered. The calls are
// the desk's (useHelpRequests): the desk opens this section when one comes in.
import { Button } from '../design/Button.js';
import { Pager } from '../design/Pager.js';
import { t } from '../i18n/zh-CN.js';
import { helpRequestWords } from './help-words.js';
import type { HelpRequests } from './useHelpRequests.js';
import { useServices } from './useServiceTitles.js';
import { titleOf } from './service-title.js';

const h = t.specialist.help;

export function HelpSection({ calls }: { calls: HelpRequests }) {
  const services = useServices();
  const { open, now, message, acknowledge, resolve } = calls;
  return (
    <section className="desk-fill desk-help" aria-labelledby="desk-help-h">
      {/* The screen's title says 求助: the heading is for the screen reader, and the room for the calls. */}
      <h2 id="desk-help-h" className="visually-hidden">
        {h.title}
      </h2>
      <p className="desk-message" role="status" data-testid="desk-help-message">
        {message}
      </p>
      {open.length === 0 ? (
        <p className="lead" data-testid="desk-help-none">
          {h.none}
        </p>
      ) : (
        <Pager
          className="desk-list"
          listProps={{ 'aria-label': h.listLabel }}
          items={open.map((r) => {
            const w = helpRequestWords(r, now, (id) => titleOf(services, id));
            return (
              <li key={r.id} className="desk-item desk-help-item desk-item-row" data-help-request={r.id} data-help-from={r.where.kind}>
                {/* Its buttons first, at the left, as in the queue: Down from the tabs reaches them. */}
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
        />
      )}
    </section>
  );
}
