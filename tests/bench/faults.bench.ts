// npm run bench:faults — the sync path under faults, as issue 18 measured it.
//   Link faults: a proxy between kiosk and server answers every second request
//   with a 400, 404, 408 or 413 (after the server processed it), an HTML page, a
//   relabelled answer, a forged "accepted" or a replayed answer (the last two
//   never reach the server). Counted: faults tried, applications lost,
//   duplicated, and wrongly rejected.
//   Bad server answers: the server itself (its key signs the garbage) answers
//   every second request with garbage, the wrong schema, an error inside a 200,
//   a huge or stalled or truncated or mis-encoded body, a 429 or a 5xx.
//   Counted: bad answers tried, typed errors raised, untyped errors, lost.
// Prints progress, then one JSON line. Goals: 0 lost, 0 duplicated, 0 wrongly
// rejected, typed errors = tried, 0 untyped. Takes about a minute.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeConfigSchema, syncConfigSchema, type SyncConfig } from '../../offline-store/config.js';
import { memorySecretStore } from '../../offline-store/keys/secret-store.js';
import { openKioskSync, type KioskSync } from '../../offline-store/kiosk-sync.js';
import { SyncError } from '../../offline-store/sync/errors.js';
import { SyncServer } from '../../sync-server/server.js';
import { FaultProxy, faults, linkFaults, type Fault, type FaultProxyOptions } from '../tools/fault-proxy.js';

const N = Number(process.env.XY_BENCH_FAULT_APPS ?? 200);
const MAX_PASSES = 2000;

const residents = [
  { idNumber: '110101194303050028', name: '张秀英' },
  { idNumber: '130624193808120037', name: '李德福' },
  { idNumber: '13062419361118108X', name: '张桂兰' },
];

interface Rig {
  dir: string;
  server: SyncServer;
  proxy: FaultProxy;
  k: KioskSync;
  ids: Set<string>;
  errors: { typed: number; untyped: number };
}

async function rig(name: string, proxyOptions: (server: SyncServer) => FaultProxyOptions, sync: Partial<SyncConfig>): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xy-bench-faults-${name}-`));
  const server = new SyncServer({ dataDir: path.join(dir, 'server'), masterKey: crypto.randomBytes(32) });
  const serverUrl = await server.start();
  const proxy = new FaultProxy(Number(new URL(serverUrl).port), proxyOptions(server));
  const proxyUrl = await proxy.start();
  const k = await openKioskSync({
    dbFile: path.join(dir, 'kiosk', 'store', 'kiosk.db'),
    secrets: memorySecretStore(),
    kioskId: `bench-${name}`,
    serverUrl: proxyUrl,
    serverPublicKeyPem: server.publicKeyPem,
    sync: syncConfigSchema.parse({ intervalSeconds: 3600, backoffBaseMs: 1, backoffMaxMs: 10, batchSize: 10, chunkBytes: 4096, concurrency: 2, ...sync }),
    store: storeConfigSchema.parse({}),
    log: { info: () => {}, warn: () => {} },
  });
  server.admin.registerKiosk(`bench-${name}`, k.identity.publicKeyPem);
  // Count every error a request raises, not only the first of each pass.
  const errors = { typed: 0, untyped: 0 };
  for (const m of ['changes', 'uploadChunk', 'uploadState', 'submitBatch'] as const) {
    const original = k.client[m].bind(k.client) as (...a: unknown[]) => Promise<unknown>;
    (k.client as unknown as Record<string, unknown>)[m] = (...a: unknown[]) =>
      original(...a).catch((e: unknown) => {
        if (e instanceof SyncError) errors.typed++;
        else errors.untyped++;
        throw e;
      });
  }
  const ids = new Set<string>();
  for (let i = 0; i < N; i++) {
    const r = residents[i % residents.length]!;
    // Every third application without a photo, the rest with one of a few KB (several chunks).
    const photo = i % 3 === 0 ? null : crypto.randomBytes(6000 + (i % 7) * 1000);
    const a = k.store.applications.submit({
      serviceId: 'elderly-allowance',
      catalogueVersion: '2026.11.0',
      applicant: { idNumber: r.idNumber, name: r.name },
      formData: { address: '河北省保定市阜平县龙泉关镇骆驼湾村12号', phone: '13800138000', seq: i },
      attachments: photo ? [{ name: '人像照片', mediaType: 'image/jpeg', data: photo, sha256: crypto.createHash('sha256').update(photo).digest('hex') }] : [],
      actor: { kind: 'resident' },
    });
    ids.add(a.id);
  }
  return { dir, server, proxy, k, ids, errors };
}

/** Syncs under faults until the outbox drains, then once more on a healed link; returns what came of it. */
async function run(r: Rig, list: readonly Fault[], label: string) {
  r.proxy.faultEvery(2, list);
  let passes = 0;
  while (r.k.store.outbox.stats().count > 0 && passes < MAX_PASSES) {
    await r.k.engine.syncNow();
    passes++;
  }
  const tried = r.proxy.applied.length;
  const errorsUnderFaults = { ...r.errors };
  r.proxy.faultEvery(0);
  for (let i = 0; i < 5 && r.k.store.outbox.stats().count > 0; i++) await r.k.engine.syncNow();
  await r.k.engine.syncNow(); // the feed brings any status the server holds

  const onServer = r.server.admin.applications({ kioskId: `bench-${label}` });
  const serverIds = new Set(onServer.map((a) => a.id));
  const local = r.k.store.applications.list({ limit: N * 2 });
  const receipts = new Map(local.map((a) => [a.id, a.receiptNumber]));
  const lost = [...r.ids].filter((id) => !serverIds.has(id)).length;
  const duplicated = onServer.length - serverIds.size + onServer.filter((a) => !r.ids.has(a.id) || receipts.get(a.id) !== a.receiptNumber).length;
  const wronglyRejected = local.filter((a) => a.status === 'rejected').length;
  console.log(`${label}: ${tried} faults over ${passes} passes; ${onServer.length} of ${N} on the server, ${wronglyRejected} rejected, ${errorsUnderFaults.typed} typed errors`);
  return { tried, lost, duplicated, wronglyRejected, typedErrors: errorsUnderFaults.typed, untypedErrors: errorsUnderFaults.untyped };
}

async function close(r: Rig): Promise<void> {
  await r.k.close();
  await r.proxy.stop();
  await r.server.dispose();
  fs.rmSync(r.dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const link = await rig('link', () => ({}), { requestTimeoutMs: 2000 });
  const linkFigures = await run(link, linkFaults, 'link');
  await close(link);

  // A stalled answer costs one request timeout: keep it short.
  const bad = await rig('server', (server) => ({ signAs: server.identity }), { requestTimeoutMs: 300, maxResponseBytes: 1024 * 1024 });
  const badFigures = await run(bad, faults, 'server');
  await close(bad);

  console.log(
    JSON.stringify({
      applications: N,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      linkFaults: { tried: linkFigures.tried, lost: linkFigures.lost, duplicated: linkFigures.duplicated, wronglyRejected: linkFigures.wronglyRejected },
      badServerAnswers: { tried: badFigures.tried, typedErrors: badFigures.typedErrors, untypedErrors: badFigures.untypedErrors, lost: badFigures.lost, duplicated: badFigures.duplicated },
    }),
  );
}

await main();
