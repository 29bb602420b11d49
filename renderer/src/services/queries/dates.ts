// Dates and money as the query screens show and say them. A server time is
// shown in the station's time zone (config `timeZone`, default Asia/Shanghai)
// whatever the kiosk's clock zone is (the printer does the same). Pure, so
// unit-tested without a browser.
import { speakIsoDate, speakMoney } from '../../../../common/spoken/index.js';
import { zonedDay } from '../../../../common/time/zoned.js';
import { stationTimeZone } from '../../app/station-time.js';

/** An ISO datetime as the station's calendar day, YYYY-MM-DD; a plain YYYY-MM-DD passes through. */
export function stationDay(iso: string, tz: string = stationTimeZone()): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return zonedDay(new Date(ms), tz);
}

/** 2011-07-01 (or an ISO datetime) → 2011年7月1日, without leading zeros that confuse the eye. */
export function plainDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stationDay(iso));
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The same day read aloud: 二零一一年七月一日. */
export function spokenDate(iso: string): string {
  return speakIsoDate(stationDay(iso));
}

/** 300 → 300 元, 236.5 → 236.50 元: whole yuan stay whole, anything else shows its fen. */
export function shownYuan(yuan: number): string {
  return `${Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2)} 元`;
}

/** 236.5 → 二百三十六元五角 (TTS would read "236.5" as 二三六点五 or worse). */
export function spokenYuan(yuan: number): string {
  return speakMoney(Math.round(yuan * 100));
}
