import { describe, expect, it } from 'vitest';
import { ManualClock, openTestStore, sampleSubmit, tempDir } from './helpers.js';

describe('retention', () => {
  it('purges personal data of completed applications after the configured days, keeping the record', async () => {
    const clock = new ManualClock();
    const store = await openTestStore(tempDir(), { clock });
    const done = store.applications.submit(sampleSubmit(0));
    const waiting = store.applications.submit(sampleSubmit(1));
    store.outbox.accept(done.id, 0, 'R-1');
    store.outbox.accept(waiting.id, 0, 'R-2');
    store.outbox.applyChange({ seq: 1, kind: 'application-status', applicationId: done.id, status: 'completed', receiptNumber: 'R-1', reason: null, at: clock.now().toISOString() });
    store.cache.put('social-insurance', '110101194303050028', { x: 1 }, clock.now().toISOString());

    clock.advanceDays(29);
    expect(store.purgeExpired(30)).toEqual({ applications: 0, cacheEntries: 0 });
    clock.advanceDays(2);
    expect(store.purgeExpired(30)).toEqual({ applications: 1, cacheEntries: 1 });

    const purged = store.applications.get(done.id);
    expect(purged).toMatchObject({ status: 'completed', receiptNumber: 'R-1', purged: true, applicantName: null, applicantIdMasked: null, formData: null });
    expect(store.outbox.readChunk(purged.attachments[0]!.id, 0, 100).length).toBe(0);
    expect(store.applications.list({ idNumber: '110101194303050028' })).toHaveLength(0);
    // accepted but not completed: kept whole
    expect(store.applications.get(waiting.id)).toMatchObject({ purged: false, applicantName: '李德福' });
    expect(store.audit.recent(1)[0]).toMatchObject({ action: 'retention.purge', actor: { kind: 'system' } });
    store.close();
  });
});
