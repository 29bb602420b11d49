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
    const midnight = startOfLocalDay(clock.now(), 'Asia/Shanghai');
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

    const t = todaySummary(store, clock.now(), 'Asia/Shanghai');
    expect(t).toEqual({
      day: t.day,
      submitted: 2,
      accepted: 1,
      rejected: 1,
      satisfaction: { count: 2, average: 4.5 },
    });
    expect(t.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("counts by the station's day, not UTC's: at 07:31 on 12月6日 in Shanghai (23:31 UTC on the 5th)", async () => {
    const clock = new ManualClock(Date.parse('2026-12-05T15:30:00Z')); // 23:30 on 12月5日 in Shanghai: yesterday
    store = await openTestStore(tempDir(), { clock });
    store.applications.submit(sampleSubmit(0, false));
    store.records.addRating({ serviceId: 'elderly-allowance', score: 1 });
    clock.t = Date.parse('2026-12-05T17:00:00Z'); // 01:00 on 12月6日 in Shanghai: today
    store.applications.submit(sampleSubmit(1, false));
    store.records.addRating({ serviceId: 'elderly-allowance', score: 5 });
    clock.t = Date.parse('2026-12-05T23:31:00Z');
    expect(startOfLocalDay(clock.now(), 'Asia/Shanghai').toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(todaySummary(store, clock.now(), 'Asia/Shanghai')).toEqual({ day: '2026-12-06', submitted: 1, accepted: 0, rejected: 0, satisfaction: { count: 1, average: 5 } });
  });

  it('says zero (no average) on a quiet day', async () => {
    const clock = new ManualClock();
    store = await openTestStore(tempDir(), { clock });
    expect(todaySummary(store, clock.now(), 'Asia/Shanghai')).toMatchObject({ submitted: 0, accepted: 0, rejected: 0, satisfaction: { count: 0, average: null } });
  });
});
