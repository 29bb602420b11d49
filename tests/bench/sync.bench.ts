// npm run bench:sync — 1,000 applications, each with a 60 KB photo, through the
// link emulator at 2 Mbit/s with 150 ms RTT and every connection reset every
// 30 s, from a kiosk store (synchronous=FULL) to the reference server.
// Prints progress, then one JSON line: seconds, wire bytes, the ratio to the
// link minimum (payload bytes ÷ bandwidth), lost, duplicated, enqueue p50/p99.
// Goals (issue 3): ratio ≤ 1.3, enqueue p99 ≤ 10 ms. Takes ~4-5 minutes by nature.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeConfigSchema, syncConfigSchema } from '../../offline-store/config.js';
import { memorySecretStore } from '../../offline-store/keys/secret-store.js';
import { openKioskSync } from '../../offline-store/kiosk-sync.js';
import { canonicalJson } from '../../offline-store/sync/canonical.js';
import { SyncServer } from '../../sync-server/server.js';
import { LinkEmulator } from '../tools/link-emulator.js';

const N = Number(process.env.XY_BENCH_APPS ?? 1000);
const PHOTO_BYTES = 60 * 1024;
const BANDWIDTH_BPS = 2_000_000;
const RTT_MS = 150;
const RESET_EVERY_MS = 30_000;

const residents = [
  { idNumber: '110101194303050028', name: '张秀英' },
  { idNumber: '130624193808120037', name: '李德福' },
  { idNumber: '13062419361118108X', name: '张桂兰' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-bench-sync-'));
  const server = await SyncServer.open({ dataDir: path.join(dir, 'server'), masterKey: crypto.randomBytes(32) });
  const serverUrl = await server.start();
  const link = new LinkEmulator({ targetPort: Number(new URL(serverUrl).port), bandwidthBps: BANDWIDTH_BPS, rttMs: RTT_MS, resetEveryMs: RESET_EVERY_MS });
  const linkUrl = await link.start();
  const k = await openKioskSync({
    dbFile: path.join(dir, 'kiosk', 'store', 'kiosk.db'),
    secrets: memorySecretStore(),
    kioskId: 'bench-kiosk',
    serverUrl: linkUrl,
    serverPublicKeyPem: server.publicKeyPem,
    sync: syncConfigSchema.parse({ intervalSeconds: 1 }),
    store: storeConfigSchema.parse({}),
    log: { info: () => {}, warn: () => {} },
  });
  await server.admin.registerKiosk('bench-kiosk', k.identity.publicKeyPem);

  // Enqueue: each call is a committed, fsynced transaction (synchronous=FULL).
  const enqueueMs: number[] = [];
  let payloadBytes = 0;
  const ids = new Set<string>();
  for (let i = 0; i < N; i++) {
    const r = residents[i % residents.length]!;
    const photo = crypto.randomBytes(PHOTO_BYTES); // a JPEG does not compress; neither does this
    const sha256 = crypto.createHash('sha256').update(photo).digest('hex');
    const t0 = performance.now();
    const a = k.store.applications.submit({
      serviceId: 'pension-certification',
      catalogueVersion: '2026.11.0',
      applicant: { idNumber: r.idNumber, name: r.name },
      formData: { address: '河北省保定市阜平县龙泉关镇骆驼湾村12号', phone: '13800138000', seq: i },
      attachments: [{ name: '人像照片', mediaType: 'image/jpeg', data: photo, sha256 }],
      actor: { kind: 'resident' },
    });
    enqueueMs.push(performance.now() - t0);
    ids.add(a.id);
    payloadBytes += PHOTO_BYTES;
  }
  for (const p of k.store.outbox.pending(N)) payloadBytes += Buffer.byteLength(canonicalJson(p.wire));
  enqueueMs.sort((a, b) => a - b);
  const linkMinimumSeconds = (payloadBytes * 8) / BANDWIDTH_BPS;
  console.log(`enqueued ${N} applications (${(payloadBytes / 1e6).toFixed(1)} MB payload); link minimum ${linkMinimumSeconds.toFixed(1)} s`);

  const t0 = performance.now();
  k.engine.start();
  let lastReport = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const pending = k.store.outbox.stats().count;
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed - lastReport >= 15) {
      lastReport = elapsed;
      console.log(`${elapsed.toFixed(0)} s: ${N - pending} of ${N} accepted, ${(link.wireBytes.total / 1e6).toFixed(1)} MB on the wire, ${link.resets} resets, last error ${k.engine.status.lastError?.code ?? 'none'}`);
    }
    if (pending === 0) break;
    if (elapsed > linkMinimumSeconds * 4) throw new Error(`bench gave up after ${elapsed.toFixed(0)} s with ${pending} pending`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const wireBytes = link.wireBytes.total;
  await k.engine.stop();

  const onServer = await server.admin.applications({ kioskId: 'bench-kiosk' });
  const serverIds = new Set(onServer.map((a) => a.id));
  const lost = [...ids].filter((id) => !serverIds.has(id)).length;
  const receipts = new Map(k.store.applications.list({ limit: N * 2 }).map((a) => [a.id, a.receiptNumber]));
  const duplicated = onServer.length - serverIds.size + onServer.filter((a) => !ids.has(a.id) || receipts.get(a.id) !== a.receiptNumber).length;
  console.log(`${link.resets} connection resets, ${link.connections} connections; wire ${(wireBytes / 1e6).toFixed(1)} MB for ${(payloadBytes / 1e6).toFixed(1)} MB payload`);

  await k.close();
  await link.stop();
  await server.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      applications: N,
      seconds: round(seconds, 1),
      wireBytes,
      ratioToLinkMinimum: round(seconds / linkMinimumSeconds, 3),
      lost,
      duplicated,
      enqueueP50Ms: round(percentile(enqueueMs, 50), 2),
      enqueueP99Ms: round(percentile(enqueueMs, 99), 2),
    }),
  );
}

await main();
