// An application whose resident has no phone (the contact number was skipped)
// is stored, sent and accepted like any other: neither the kiosk's store nor
// the reference server's validation asks for one.
import { afterEach, describe, expect, it } from 'vitest';
import { sampleSubmit } from '../../unit/store/helpers.js';
import { storages } from '../../support/postgres.js';
import { startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(storages)('an application without a phone number (%s storage)', (storage) => {
  it('is saved, synced once and gets a receipt number', async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    const k = await startKiosk({ server, url });
    cleanups.push(() => k.close());

    const { phone: _skipped, ...formData } = sampleSubmit(0).formData;
    const saved = k.store.applications.submit({ ...sampleSubmit(0), formData });
    expect(k.store.applications.get(saved.id).formData).not.toHaveProperty('phone');

    const r = await k.engine.syncNow();
    expect(r).toMatchObject({ accepted: 1, rejected: 0, error: null });
    expect(k.store.applications.get(saved.id)).toMatchObject({ status: 'accepted', receiptNumber: expect.stringMatching(/^SB-\d{8}-\d{6}$/) });
    expect(await server.admin.application(saved.id)).toMatchObject({ status: 'accepted', reason: null });
  });
});
