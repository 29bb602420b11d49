// 短信发件箱（模拟）, a desk section: in development the sync server's SMS gateway
// sends nothing and keeps the texts (the one-time codes of this station's TV
// boxes) where the desk can read them, so a specialist can help a family whose
// phone is not at hand, and a developer can see what went out. The desk offers
// the section only while the gateway is simulated (useSmsOutboxShown); the phone
// is masked, the code is the text's point.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { smsOutboxResultSchema } from '../../../common/ipc/channels/identity.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { Pager } from '../design/Pager.js';
import { t } from '../i18n/zh-CN.js';
import { dateTime } from './format.js';

const s = t.specialist.sms;
type Outbox = z.infer<typeof smsOutboxResultSchema>;

/** Whether the station's sync server keeps a simulated outbox: asked once a specialist is logged in at the desk. */
export function useSmsOutboxShown(loggedIn: boolean): boolean {
  const api = useApi();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!loggedIn) return setShown(false);
    let live = true;
    void api.call('specialist:sms-outbox', {}).then((r) => live && setShown(r.ok && r.value.simulated));
    return () => {
      live = false;
    };
  }, [api, loggedIn]);
  return shown;
}

export function SmsOutboxPanel() {
  const api = useApi();
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await api.call('specialist:sms-outbox', {});
    if (r.ok) {
      setOutbox(r.value);
      setFailed(null);
    } else setFailed(s.failed(r.error.message));
  }, [api]);
  useEffect(() => void load(), [load]);

  const refresh = (
    <Button onClick={() => void load()} data-action="sms-refresh">
      {s.refresh}
    </Button>
  );
  return (
    <section className="desk-sms" data-testid="desk-sms" aria-labelledby="desk-sms-h">
      <h2 id="desk-sms-h" className="visually-hidden">
        {s.title}
      </h2>
      <p>{failed ?? (outbox && !outbox.simulated ? s.notSimulated : s.note)}</p>
      {outbox && outbox.messages.length > 0 ? (
        <Pager
          listProps={{ 'data-testid': 'desk-sms-messages', 'aria-label': s.title }}
          items={outbox.messages.map((m, i) => (
            <li key={`${m.at}-${i}`} data-sms-phone={m.phoneMasked}>
              {s.line(dateTime(m.at), m.phoneMasked, m.text)}
            </li>
          ))}
          actions={refresh}
        />
      ) : (
        <>
          <p>{outbox ? s.empty : ''}</p>
          <div className="actions">{refresh}</div>
        </>
      )}
    </section>
  );
}
