import { describe, expect, it } from 'vitest';
import { ManualClock, openTestStore, tempDir } from './helpers.js';

describe('satisfaction ratings', () => {
  it('counts and averages the ratings since a moment, for the desk', async () => {
    const clock = new ManualClock();
    const store = await openTestStore(tempDir(), { clock });
    store.records.addRating({ serviceId: 'policy-qa', score: 2 });
    const since = clock.now().toISOString();
    clock.advanceDays(1);
    store.records.addRating({ serviceId: 'pension-certification', score: 5 });
    store.records.addRating({ serviceId: 'pension-certification', score: 4 });
    expect(store.records.ratingsSince(since)).toEqual({ count: 3, average: 11 / 3 });
    expect(store.records.ratingsSince(clock.now().toISOString())).toEqual({ count: 2, average: 4.5 });
    clock.advanceDays(1);
    expect(store.records.ratingsSince(clock.now().toISOString())).toEqual({ count: 0, average: null });
    store.close();
  });
});
