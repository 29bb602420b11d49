// The desk's "today" panel, read through the station's 'store' service:
// applications submitted, accepted and rejected since local midnight (from each
// application's status history), and today's satisfaction ratings.
import type { ApplicationStatus } from '../../common/domain/application.js';
import type { TodaySummary } from '../../common/domain/specialist.js';
import type { OfflineStore } from '../../offline-store/store.js';
import { startOfZonedDay, zonedDay } from '../../common/time/zoned.js';

/** Statuses an application has once it was submitted (drafts and cancelled drafts never were). */
const SUBMITTED_STATUSES: ApplicationStatus[] = ['queued', 'sending', 'accepted', 'completed', 'rejected'];
const PAGE = 200;

/** Midnight at the start of `now`'s day in the station's time zone (config `timeZone`), not the machine's. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  return startOfZonedDay(now, timeZone);
}

type StoreForToday = Pick<OfflineStore, 'applications' | 'records'>;

export function todaySummary(store: StoreForToday, now: Date, timeZone: string): TodaySummary {
  const start = startOfLocalDay(now, timeZone).getTime();
  const isToday = (iso: string) => Date.parse(iso) >= start;
  let submitted = 0;
  let accepted = 0;
  let rejected = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = store.applications.list({ statuses: SUBMITTED_STATUSES, limit: PAGE, offset });
    for (const app of page) {
      // Only applications touched today can hold a status change from today.
      if (!isToday(app.updatedAt)) continue;
      const history = store.applications.get(app.id).history;
      // The first 'queued' is the submission; later ones are retries.
      const firstQueued = history.find((h) => h.status === 'queued');
      if (firstQueued && isToday(firstQueued.at)) submitted++;
      if (history.some((h) => h.status === 'accepted' && isToday(h.at))) accepted++;
      if (history.some((h) => h.status === 'rejected' && isToday(h.at))) rejected++;
    }
    if (page.length < PAGE) break;
  }
  return { day: zonedDay(now, timeZone), submitted, accepted, rejected, satisfaction: ratingsSince(store, new Date(start).toISOString()) };
}

/** Today's ratings: count and average, rounded to one decimal for the desk. */
export function ratingsSince(store: Pick<OfflineStore, 'records'>, sinceIso: string): TodaySummary['satisfaction'] {
  const r = store.records.ratingsSince(sinceIso);
  return { count: r.count, average: r.average === null ? null : Math.round(r.average * 10) / 10 };
}
