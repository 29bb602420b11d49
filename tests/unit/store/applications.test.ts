import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../offline-store/db/errors.js';
import type { OfflineStore } from '../../../offline-store/store.js';
import { ManualClock, openTestStore, residents, sampleSubmit, tempDir } from './helpers.js';

let store: OfflineStore | undefined;
afterEach(() => store?.close());

describe('applications', () => {
  it('submits with a UUIDv7 id and a printable tracking number, queued with its history and audit entry', async () => {
    const clock = new ManualClock();
    store = await openTestStore(tempDir(), { clock });
    const a = store.applications.submit(sampleSubmit(0));
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.localTrackingNumber).toBe('XY-20261122-0001');
    expect(a.status).toBe('queued');
    expect(a.applicantIdMasked).not.toContain(residents[0].idNumber);
    const b = store.applications.submit(sampleSubmit(1));
    expect(b.localTrackingNumber).toBe('XY-20261122-0002');
    expect(b.id > a.id).toBe(true);
    const d = store.applications.get(a.id);
    expect(d.history.map((h) => h.status)).toEqual(['queued']);
    expect(d.attachments).toHaveLength(1);
    expect(d.formData?.address).toBe(residents[0].address);
    expect(store.audit.recent().map((e) => e.action)).toEqual(['application.submit', 'application.submit']);
  });

  it('refuses an attachment whose sha256 does not match, and stores nothing', async () => {
    store = await openTestStore(tempDir());
    const input = sampleSubmit(0);
    input.attachments[0]!.sha256 = '0'.repeat(64);
    expect(() => store!.applications.submit(input)).toThrow(StoreError);
    expect(store.applications.list()).toHaveLength(0);
  });

  it('lists by ID number (for 办件进度查询) and by status (the specialist queue)', async () => {
    store = await openTestStore(tempDir());
    store.applications.submit(sampleSubmit(0));
    store.applications.submit(sampleSubmit(1));
    store.applications.submit(sampleSubmit(3));
    expect(store.applications.list({ idNumber: residents[0].idNumber })).toHaveLength(2);
    expect(store.applications.list({ idNumber: residents[0].idNumber.toLowerCase() })).toHaveLength(2);
    expect(store.applications.list({ statuses: ['queued'] })).toHaveLength(3);
    expect(store.applications.list({ statuses: ['rejected'] })).toHaveLength(0);
  });

  it('records a specialist applying on a resident’s behalf', async () => {
    store = await openTestStore(tempDir());
    const input = { ...sampleSubmit(2), onBehalfOf: { specialistId: 'sp-007', specialistName: '赵专员' }, actor: { kind: 'specialist' as const, id: 'sp-007' } };
    const a = store.applications.submit(input);
    expect(a.onBehalfOf).toEqual({ specialistId: 'sp-007', specialistName: '赵专员' });
    const entry = store.audit.recent(1)[0]!;
    expect(entry.actor).toEqual({ kind: 'specialist', id: 'sp-007' });
    expect(entry.onBehalfOf?.specialistId).toBe('sp-007');
  });

  it('saves, submits and cancels drafts; cancelling clears the personal data', async () => {
    store = await openTestStore(tempDir());
    const { attachments: _ignored, ...draftInput } = sampleSubmit(0);
    const d = store.applications.saveDraft(draftInput);
    expect(d.status).toBe('draft');
    const submitted = store.applications.submit({ ...sampleSubmit(0), draftId: d.id });
    expect(submitted.id).toBe(d.id);
    expect(submitted.status).toBe('queued');
    expect(() => store!.applications.cancelDraft(d.id, { kind: 'resident' })).toThrow(/queued/);
    const d2 = store.applications.saveDraft(draftInput);
    const c = store.applications.cancelDraft(d2.id, { kind: 'resident' });
    expect(c.status).toBe('cancelled');
    expect(store.applications.get(d2.id).formData).toBeNull();
    expect(c.applicantName).toBeNull();
  });

  it('retries a rejected application under a new revision', async () => {
    store = await openTestStore(tempDir());
    const a = store.applications.submit(sampleSubmit(0));
    expect(() => store!.applications.retry(a.id, { kind: 'specialist', id: 's1' })).toThrow(StoreError);
    store.outbox.reject(a.id, 0, '照片不清楚');
    const rejected = store.applications.summary(a.id);
    expect(rejected).toMatchObject({ status: 'rejected', reason: '照片不清楚' });
    const r = store.applications.retry(a.id, { kind: 'specialist', id: 's1' });
    expect(r.status).toBe('queued');
    const pending = store.outbox.pending(10);
    expect(pending[0]?.wire.idempotencyKey).toBe(`${a.id}.1`);
    // a late answer for the old revision must not touch the new one
    expect(store.outbox.accept(a.id, 0, 'OLD')).toBe(false);
    expect(store.outbox.accept(a.id, 1, 'R-1')).toBe(true);
    expect(store.applications.get(a.id).history.map((h) => h.status)).toEqual(['queued', 'rejected', 'queued', 'accepted']);
  });

  it('not-found is typed', async () => {
    store = await openTestStore(tempDir());
    expect(() => store!.applications.get('0190b3f0-0000-7000-8000-000000000000')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
