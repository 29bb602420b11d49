// Whether an earlier application counts as "the same again": same service, same
// applicant, in progress or done, filed within the service's repeat period
// (declared in the catalogue: 养老认证 and the allowances once a calendar year).
// Pure: dates are the station's calendar dates (its configured time zone), YYYY-MM-DD.
import type { ApplicationStatus } from '../domain/application.js';
import { zonedDay } from '../time/zoned.js';
import type { RepeatPeriod } from '../catalogue/schema/service.js';

/** In progress or done: a draft, a rejected or a cancelled application does not stop anyone. */
export const REPEAT_STATUSES: readonly ApplicationStatus[] = ['queued', 'sending', 'accepted', 'completed'];

/** The first day of the period holding `today`, or null when the service has no repeat check. */
export function periodStart(period: RepeatPeriod, today: string): string | null {
  if (period === 'none') return null;
  const [y, m] = today.split('-');
  return period === 'calendar-year' ? `${y}-01-01` : `${y}-${m}-01`;
}

/** True when an application filed on `filedOn` (local date) with `status` repeats one due `today`. */
export function repeatsWithin(period: RepeatPeriod, today: string, filed: { on: string; status: ApplicationStatus }): boolean {
  const start = periodStart(period, today);
  return start !== null && REPEAT_STATUSES.includes(filed.status) && filed.on >= start && filed.on <= today;
}

/**
 * The latest of `earlier` (instants as ISO strings) that repeats one due at `now`, with both read
 * as calendar dates in the station's time zone `tz`: 00:30 on 1 January in Shanghai is a new year
 * though UTC (the host's clock, often) still says 31 December.
 */
export function latestRepeat<T extends { createdAt: string; status: ApplicationStatus }>(period: RepeatPeriod, now: Date, tz: string, earlier: readonly T[]): T | null {
  const today = zonedDay(now, tz);
  return (
    earlier
      .filter((x) => repeatsWithin(period, today, { on: zonedDay(x.createdAt, tz), status: x.status }))
      .sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0] ?? null
  );
}
