// A sync longer than the gap between connection resets must still finish: each
// reset costs a short, jittered pause, not an ever-growing backoff, because the
// engine counts only failures in a row that moved nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { sampleSubmit } from '../../unit/store/helpers.js';
import { LinkEmulator } from '../../tools/link-emulator.js';
import { storages } from '../../support/postgres.js';
import { startKiosk, startServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(storages)('periodic resets (%s storage)', (storage) => {
  it('an upload that outlasts many resets still drains', { timeout: 120_000 }, async () => {
    const { server, url } = await startServer({ storage });
    cleanups.push(() => server.dispose());
    // ~0.25 MB at 1 Mbit/s ≈ 2 s of link; a reset every 800 ms: no pass can finish untouched.
    const link = new LinkEmulator({ targetPort: Number(new URL(url).port), bandwidthBps: 1_000_000, rttMs: 40, resetEveryMs: 800 });
    const linkUrl = await link.start();
    cleanups.push(() => link.stop());
    const k = await startKiosk({ server, url: linkUrl, sync: { backoffBaseMs: 300, backoffMaxMs: 60_000, chunkBytes: 4096, concurrency: 2, intervalSeconds: 0.2 } });
    cleanups.push(() => k.close());
    for (let i = 0; i < 30; i++) k.store.applications.submit(sampleSubmit(i));
    const seen = new Set<boolean>();
    const stopWatching = setInterval(() => seen.add(k.engine.status.online), 20);
    cleanups.push(() => clearInterval(stopWatching));
    const started = Date.now();
    k.engine.start();
    while (k.store.outbox.stats().count > 0 && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 100));
    expect(k.store.outbox.stats().count).toBe(0);
    expect(link.resets).toBeGreaterThan(3);
    expect(await server.admin.applications()).toHaveLength(30);
    expect(seen.has(true)).toBe(true);
  });
});
