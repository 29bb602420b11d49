// The station's one time zone for everything shown, printed or counted: tracking
// numbers, receipts, the desk's times, 今日. The machine's own clock zone is not
// trusted (kiosk images often run in UTC), so every calendar day and clock time
// goes through Intl with the configured zone. Pure, so unit-tested at day
// boundaries.
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock reading in `tz` at the instant `at`. */
export function zonedParts(at: Date | string, tz: string): ZonedParts {
  const d = typeof at === 'string' ? new Date(at) : at;
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day in `tz`: 2026-12-06. */
export function zonedDay(at: Date | string, tz: string): string {
  const p = zonedParts(at, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 07:31 */
export function zonedClock(at: Date | string, tz: string): string {
  const p = zonedParts(at, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 12月6日 07:31, as the desk shows a time on another day. */
export function zonedMonthDayClock(at: Date | string, tz: string): string {
  const p = zonedParts(at, tz);
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 2026年12月06日 07:31, as receipts print it. */
export function zonedPrintedTime(at: Date | string, tz: string): string {
  const p = zonedParts(at, tz);
  return `${p.year}年${pad(p.month)}月${pad(p.day)}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** How far `tz` is ahead of UTC at the instant `ms`, in ms. */
function offsetAt(ms: number, tz: string): number {
  const p = zonedParts(new Date(ms), tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (ms % 1000 + 1000) % 1000);
}

/** The instant the day containing `at` began in `tz` (local midnight). */
export function startOfZonedDay(at: Date, tz: string): Date {
  const p = zonedParts(at, tz);
  const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day);
  let start = midnightAsUtc - offsetAt(midnightAsUtc, tz);
  // Across an offset change the first guess can be off by the change; the second is right.
  start = midnightAsUtc - offsetAt(start, tz);
  return new Date(start);
}
