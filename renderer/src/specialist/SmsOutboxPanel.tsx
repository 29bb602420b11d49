// 短信发件箱（模拟）: in development the sync server's SMS gateway sends nothing
// and keeps the texts (the one-time codes of this station's TV boxes) where the
// desk can read them, so a specialist can help a family whose phone is not at
// hand, and a developer can see what went out. Shown only while the gateway is
// simulated; the phone is masked, the code is the text's point.
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

  if (outbox && !outbox.simulated) return null;
  const refresh = (
    <Button onClick={() => void load()} data-action="sms-refresh">
      {s.refresh}
    </Button>
  );
  return (
    <div className="desk-sms" data-testid="desk-sms">
      <h3>{s.title}</h3>
      <p>{failed ?? s.note}</p>
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
    </div>
  );
}
