// A resident's call for help in the desk's words: what happened, on which
// screen, how long ago (counted from the first call: how long they have been
// waiting), and how often they called.
import type { HelpRequest } from '../../../common/domain/help.js';
import { t } from '../i18n/zh-CN.js';
import { clockTime } from './format.js';

const h = t.specialist.help;

export interface HelpRequestWords {
  what: string;
  where: string;
  since: string;
  /** Only when they called more than once. */
  times: string | null;
}

export function helpRequestWords(r: HelpRequest, now: Date, serviceTitle: (id: string) => string): HelpRequestWords {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(r.openedAt)) / 60_000));
  return {
    what: r.reasons.map((x) => h.reasons[x] ?? x).join('；'),
    where: r.serviceId ? h.where(serviceTitle(r.serviceId)) : h.where(h.home),
    since: h.since(minutes, clockTime(r.openedAt)),
    times: r.times > 1 ? h.times(r.times) : null,
  };
}
