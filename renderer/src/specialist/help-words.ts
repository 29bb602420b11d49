// A resident's call for help in the desk's words: who is asking (masked, as the
// station sent it), where (this kiosk, or a TV box at home), what happened and
// on which service, how long ago (counted from the first call: how long they
// have been waiting), how often they called, who answered, and for a TV at home
// the phone on file to ring back (or that nobody knows it yet).
import type { HelpRequest } from '../../../common/domain/help.js';
import { t } from '../i18n/zh-CN.js';
import { clockTime } from './format.js';

const h = t.specialist.help;

export interface HelpRequestWords {
  who: string;
  place: string;
  what: string;
  where: string;
  since: string;
  /** Only when they called more than once. */
  times: string | null;
  /** Only once a specialist acknowledged it. */
  answered: string | null;
  /** A TV's call: the number to ring back, or that it is not known. Null for the kiosk's own. */
  callBack: string | null;
}

export function helpRequestWords(r: HelpRequest, now: Date, serviceTitle: (id: string) => string): HelpRequestWords {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(r.openedAt)) / 60_000));
  return {
    who: r.who ? h.who(r.who.name, r.who.idNumber) : r.where.kind === 'tv' ? h.whoTv : h.whoUnknown,
    place: r.where.kind === 'kiosk' ? h.atKiosk(r.where.station) : h.atTv(r.where.box),
    what: r.reasons.map((x) => h.reasons[x] ?? x).join('；'),
    where: r.serviceId ? h.where(serviceTitle(r.serviceId)) : h.where(h.home),
    since: h.since(minutes, clockTime(r.openedAt)),
    times: r.times > 1 ? h.times(r.times) : null,
    answered: r.acknowledged ? h.answered(r.acknowledged.by, clockTime(r.acknowledged.at)) : null,
    callBack: r.where.kind === 'tv' ? (r.callBack ? h.callBack(r.callBack) : h.noCallBack) : null,
  };
}
