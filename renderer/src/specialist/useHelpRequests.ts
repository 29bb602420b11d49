// Residents' open calls for help (this kiosk's, and TV boxes' at home), for the
// whole desk: the 求助 tab counts them and the desk opens that section when a new
// one comes in, whatever section the specialist was on. 我来处理 acknowledges a
// call (the resident's screen then says 工作人员马上到; a TV, 工作人员会给您打电话)
// and 已处理 marks it handled; main checks the desk session and audits both.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HelpRequest } from '../../../common/domain/help.js';
import { useApi } from '../api/ApiContext.js';
import { t } from '../i18n/zh-CN.js';

const h = t.specialist.help;
/** "N 分钟前" moves on by itself while the desk is open. */
const TICK_MS = 30_000;

export interface HelpRequests {
  open: HelpRequest[];
  /** Now, as of the last tick: how long ago each call was made. */
  now: Date;
  /** The outcome of the last 我来处理 / 已处理 ('' when there is none, or a new call made it old news). */
  message: string;
  acknowledge(id: string): Promise<void>;
  resolve(id: string): Promise<void>;
}

/**
 * `active`: a specialist is logged in here (the calls are theirs to see: main refuses anyone else).
 * `onArrival`: a call came in that the desk had not listed (or was open when the specialist logged in).
 */
export function useHelpRequests(active: boolean, onArrival: () => void): HelpRequests {
  const api = useApi();
  const [open, setOpen] = useState<HelpRequest[]>([]);
  const [now, setNow] = useState(() => new Date());
  const [message, setMessage] = useState('');
  const known = useRef(new Set<string>());
  const arrived = useRef(onArrival);
  arrived.current = onArrival;

  useEffect(() => {
    if (!active) {
      known.current = new Set();
      setOpen([]);
      return;
    }
    return api.subscribe('specialist:help-requests', {}, (e) => {
      setNow(new Date());
      const fresh = e.open.filter((r) => !known.current.has(r.id)).length;
      if (fresh > 0) {
        setMessage('');
        arrived.current();
      }
      known.current = new Set(e.open.map((r) => r.id));
      setOpen(e.open);
    });
  }, [api, active]);
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(tick);
  }, []);

  const failed = useCallback((e: { code: string; message: string }) => {
    if (e.code === 'not-found') setMessage(h.gone);
    else if (e.code === 'forbidden') setMessage(t.specialist.errors.needLogin);
    else setMessage(h.failed(e.message));
  }, []);
  const acknowledge = useCallback(
    async (id: string) => {
      const r = await api.call('specialist:help-acknowledge', { id });
      if (r.ok) setMessage(r.value.request.where.kind === 'tv' ? h.acknowledgedTv : h.acknowledged);
      else failed(r.error);
    },
    [api, failed],
  );
  const resolve = useCallback(
    async (id: string) => {
      const r = await api.call('specialist:help-resolve', { id });
      if (r.ok) setMessage(h.resolved);
      else failed(r.error);
    },
    [api, failed],
  );
  return { open, now, message, acknowledge, resolve };
}
