// Today's numbers read through a real (encrypted SQLite) store: submissions,
// acceptances and rejections since local midnight from the status history, and
// today's satisfaction ratings; yesterday's never count.
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineStore } from '../../../offline-store/store.js';
import { startOfLocalDay, todaySummary } from '../../../main/specialist/today.js';
import { ManualClock, openTestStore, sampleSubmit, tempDir } from '../store/helpers.js';

let store: OfflineStore | undefined;
afterEach(() => store?.close());

describe('today summary', () => {
  it('counts only what happened since local midnight', async () => {
    const clock = new ManualClock();
    store = await openTestStore(tempDir(), { clock });
    const yesterdayApp = store.applications.submit(sampleSubmit(0, false));
    store.records.addRating({ serviceId: 'elderly-allowance', score: 1 });
    clock.advanceDays(1);
    const midnight = startOfLocalDay(clock.now());
    clock.t = midnight.getTime() + 9 * 3_600_000;
    // Yesterday's application is accepted today: counts as accepted, not as submitted.
    expect(store.outbox.accept(yesterdayApp.id, 0, 'SB-1')).toBe(true);
    const a = store.applications.submit(sampleSubmit(1, false));
    const b = store.applications.submit(sampleSubmit(2, false));
    expect(store.outbox.reject(b.id, 0, '材料不全')).toBe(true);
    store.applications.retry(b.id, { kind: 'specialist', id: 'li.min' });
    store.records.addRating({ serviceId: 'elderly-allowance', score: 5 });
    store.records.addRating({ serviceId: 'pension-certification', score: 4 });
    void a;

    const t = todaySummary(store, clock.now());
    expect(t).toEqual({
      day: t.day,
      submitted: 2,
      accepted: 1,
      rejected: 1,
      satisfaction: { count: 2, average: 4.5 },
    });
    expect(t.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says zero (no average) on a quiet day', async () => {
    const clock = new ManualClock();
    store = await openTestStore(tempDir(), { clock });
    expect(todaySummary(store, clock.now())).toMatchObject({ submitted: 0, accepted: 0, rejected: 0, satisfaction: { count: 0, average: null } });
  });
});
