// Whether an earlier application counts as "the same again": same service, same
// applicant, in progress or done, filed within the service's repeat period
// (declared in the catalogue: 养老认证 and the allowances once a calendar year).
// Pure: dates are the station's local calendar dates, YYYY-MM-DD.
import type { ApplicationStatus } from '../domain/application.js';
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
