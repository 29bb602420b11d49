// npm run bench:faults — the station under faults and attack, as issue 18
// measured it. Everything runs on 127.0.0.1, bounded in count and time.
//   Kills: a real kiosk process (tests/support/crash-kiosk.ts) is killed with
//   SIGKILL at random moments during start-up, enqueue and sync, --kills N times
//   (default 40); a last start drains the outbox. Counted: kills, applications
//   lost (reported committed or in the kiosk's store, not on the server) and
//   duplicated (twice on the server, or under another receipt number).
//   Link faults: a proxy between kiosk and server answers every second request
//   with a 400, 404, 408 or 413 (after the server processed it), an HTML page, a
//   relabelled answer, a forged "accepted" or a replayed answer (the last two
//   never reach the server). Counted: faults tried, applications lost,
//   duplicated, and wrongly rejected.
//   Bad server answers: the server itself (its key signs the garbage) answers
//   every second request with garbage, the wrong schema, an error inside a 200,
//   a huge or stalled or truncated or mis-encoded body, a 429 or a 5xx.
//   Counted: bad answers tried, typed errors raised, untyped errors, lost.
//   Hostile requests: --requests N (default 2,000) hostile request lines, paths
//   and headers (the generator of the hostile-requests test) over raw TCP to a
//   real web host process. Counted: crashes (the process exited, or stopped
//   answering `GET /`; it is restarted and the run goes on), 5xx answers, and
//   answers that leaked a file from outside the static folder.
//   Hostile frames: --frame-scripts N (default 500) connections to the same
//   kind of host's WebSocket, each authenticated like the kiosk's page and
//   sending one to four hostile messages and now and then a broken frame
//   (tests/support/hostile-frames.ts). Counted: frames, crashes, and internal
//   failures (answers that say `internal`, ERROR lines in the host's log).
// Prints progress, then one JSON line. Goals: 0 lost, 0 duplicated, 0 wrongly
// rejected, typed errors = tried, 0 untyped, 0 crashes, 0 server errors, 0
// leaks, 0 internal failures. Takes about a minute on 2 cores and needs no
// build (the web host serves a static folder of its own).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { storeConfigSchema, syncConfigSchema, type SyncConfig } from '../../offline-store/config.js';
import { memorySecretStore } from '../../offline-store/keys/secret-store.js';
import { openKioskSync, type KioskSync } from '../../offline-store/kiosk-sync.js';
import { SyncError } from '../../offline-store/sync/errors.js';
import { SyncServer } from '../../sync-server/server.js';
import { CRASH_KIOSK_ID, killKioskRepeatedly, openCrashKiosk } from '../support/crash-kiosk.js';
import { hostileFrameScript, sendFrameScript, sessionCookie } from '../support/hostile-frames.js';
import { getRequest, hostileRequest, makeStaticFolder, rawRequest, requestBytes, SECRET, startSmallWebHost, type SmallWebHost } from '../support/hostile-requests.js';
import { FaultProxy, faults, linkFaults, type Fault, type FaultProxyOptions } from '../tools/fault-proxy.js';

/** `--name N` on the command line, else the fallback. */
function countArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} wants a whole number, got ${process.argv[i + 1] ?? 'nothing'}`);
  return n;
}

const N = Number(process.env.XY_BENCH_FAULT_APPS ?? 200);
const KILLS = countArg('kills', 40);
const REQUESTS = countArg('requests', 2000);
const FRAME_SCRIPTS = countArg('frame-scripts', 500);
/** A host that takes this long to answer one request counts as stopped. */
const ANSWER_TIMEOUT_MS = 10_000;
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
  const server = await SyncServer.open({ dataDir: path.join(dir, 'server'), masterKey: crypto.randomBytes(32) });
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
  await server.admin.registerKiosk(`bench-${name}`, k.identity.publicKeyPem);
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

  const onServer = await r.server.admin.applications({ kioskId: `bench-${label}` });
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

/** Kills a kiosk process KILLS times mid-work, drains what it left, and counts the server's applications. */
async function kills() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-bench-faults-kills-'));
  const server = await SyncServer.open({ dataDir: path.join(dir, 'server'), masterKey: crypto.randomBytes(32) });
  const url = await server.start();
  const dataDir = path.join(dir, 'kiosk');
  fs.mkdirSync(dataDir);
  try {
    const run = await killKioskRepeatedly({
      kills: KILLS,
      dataDir,
      url,
      serverPublicKeyPem: server.publicKeyPem,
      register: (id, pem) => server.admin.registerKiosk(id, pem),
      onKill: (done) => done % 10 === 0 && console.log(`kills: ${done} of ${KILLS}`),
    });
    const k = await openCrashKiosk({ dataDir, secrets: run.secrets, url, serverPublicKeyPem: server.publicKeyPem });
    try {
      for (let i = 0; i < 20 && k.store.outbox.stats().count > 0; i++) await k.engine.syncNow();
      const local = k.store.applications.list({ limit: 1_000_000 });
      const receipts = new Map(local.map((a) => [a.id, a.receiptNumber]));
      const onServer = await server.admin.applications({ kioskId: CRASH_KIOSK_ID });
      const serverIds = new Set(onServer.map((a) => a.id));
      // Lost: reported committed (so a resident was told) or held by the kiosk, yet not on the server.
      const lost = [...new Set([...run.reported, ...receipts.keys()])].filter((id) => !serverIds.has(id)).length;
      const duplicated = onServer.length - serverIds.size + onServer.filter((a) => !receipts.has(a.id) || receipts.get(a.id) !== a.receiptNumber).length;
      let damagedAttachments = 0;
      for (const a of onServer)
        for (const att of a.attachments) {
          const bytes = await server.attachment(att.id);
          if (!bytes || crypto.createHash('sha256').update(bytes).digest('hex') !== att.sha256) damagedAttachments++;
        }
      console.log(`kills: ${KILLS} kills (${run.killedBeforeReady} during start-up); ${local.length} applications in the kiosk, ${onServer.length} on the server, ${run.reported.size} reported before their kill`);
      return { tried: KILLS, lost, duplicated, damagedAttachments, applications: local.length };
    } finally {
      await k.close();
    }
  } finally {
    await server.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the host process runs and serves its app shell. */
async function answers(host: SmallWebHost): Promise<boolean> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return false;
  try {
    return (await rawRequest(host.port, getRequest(host.port, '/'), ANSWER_TIMEOUT_MS)).status === 200;
  } catch {
    return false;
  }
}

/** Sends REQUESTS generated hostile requests to a real web host; a host that dies or hangs is counted and restarted. */
async function hostileRequests() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-bench-faults-hostile-'));
  const rendererDir = makeStaticFolder(work);
  let host = await startSmallWebHost(rendererDir);
  // A fixed seed: two runs send the same requests, so a figure that moves moved because of the host.
  const requests = fc.sample(hostileRequest, { numRuns: REQUESTS, seed: 18 });
  const byStatus: Record<number, number> = {};
  const crashedOn: string[] = [];
  let serverErrors = 0;
  let leaks = 0;
  try {
    for (const [i, r] of requests.entries()) {
      const a = await rawRequest(host.port, requestBytes(r, host.port), ANSWER_TIMEOUT_MS).catch(() => ({ status: 0, text: '', timedOut: false }));
      byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      if (a.status >= 500) serverErrors++;
      if (a.text.includes(SECRET)) leaks++;
      // No answer is often the parser closing a malformed request; it is a crash only if the host is gone or hung.
      if ((a.status === 0 || host.child.exitCode !== null) && !(await answers(host))) {
        crashedOn.push(`${r.method} ${r.target}`);
        const exited = new Promise((done) => (host.child.exitCode !== null || host.child.signalCode !== null ? done(null) : host.child.once('exit', done)));
        host.child.kill('SIGKILL');
        await exited;
        host = await startSmallWebHost(rendererDir);
      }
      if ((i + 1) % 500 === 0) console.log(`hostile requests: ${i + 1} of ${REQUESTS}`);
    }
    if (!(await answers(host))) crashedOn.push('(after the last request)');
    console.log(`hostile requests: ${REQUESTS} sent; by status ${JSON.stringify(byStatus)}; ${crashedOn.length} crashes${crashedOn.length ? ` (${crashedOn.slice(0, 5).join(', ')})` : ''}`);
    return { tried: REQUESTS, crashes: crashedOn.length, serverErrors, leaks };
  } finally {
    await host.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Sends FRAME_SCRIPTS scripts of hostile WebSocket frames (one connection each)
 * to a real web host's /ipc socket; a host that dies or hangs is counted and
 * restarted. Internal failures are answers that say `internal` and ERROR lines
 * in the host's log.
 */
async function hostileFrames() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xy-bench-faults-frames-'));
  const rendererDir = makeStaticFolder(work);
  let host = await startSmallWebHost(rendererDir);
  let cookie = await sessionCookie(host.launchUrl);
  let loggedErrors = 0;
  const countLogged = (h: SmallWebHost) => h.stderr().split('\n').filter((l) => / ERROR /.test(l)).length;
  const scripts = fc.sample(hostileFrameScript, { numRuns: FRAME_SCRIPTS, seed: 18 });
  const figures = { tried: 0, crashes: 0, internalErrors: 0, answers: 0, ponged: 0, closed: 0, timedOut: 0, refused: 0 };
  try {
    for (const [i, script] of scripts.entries()) {
      figures.tried += script.length;
      const o = await sendFrameScript(host.port, cookie, script, ANSWER_TIMEOUT_MS).catch(() => null);
      if (o) {
        figures.internalErrors += o.internalErrors;
        figures.answers += o.answers;
        if (o.ponged) figures.ponged++;
        else if (o.closed) figures.closed++;
        else if (o.timedOut) figures.timedOut++;
        if (o.refused) figures.refused++;
      }
      if ((!o || o.timedOut || host.child.exitCode !== null) && !(await answers(host))) {
        figures.crashes++;
        loggedErrors += countLogged(host);
        const exited = new Promise((done) => (host.child.exitCode !== null || host.child.signalCode !== null ? done(null) : host.child.once('exit', done)));
        host.child.kill('SIGKILL');
        await exited;
        host = await startSmallWebHost(rendererDir);
        cookie = await sessionCookie(host.launchUrl);
      }
      if ((i + 1) % 250 === 0) console.log(`hostile frames: ${i + 1} of ${FRAME_SCRIPTS} connections`);
    }
    if (!(await answers(host))) figures.crashes++;
    loggedErrors += countLogged(host);
    figures.internalErrors += loggedErrors;
    console.log(
      `hostile frames: ${figures.tried} frames on ${FRAME_SCRIPTS} connections, ${figures.answers} answers; ${figures.ponged} still answered a ping, ${figures.closed} closed by the host, ${figures.timedOut} left waiting, ${figures.refused} refused; ${figures.crashes} crashes, ${figures.internalErrors} internal failures`,
    );
    return figures;
  } finally {
    await host.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const killFigures = await kills();

  const link = await rig('link', () => ({}), { requestTimeoutMs: 2000 });
  const linkFigures = await run(link, linkFaults, 'link');
  await close(link);

  // A stalled answer costs one request timeout: keep it short.
  const bad = await rig('server', (server) => ({ signAs: server.identity }), { requestTimeoutMs: 300, maxResponseBytes: 1024 * 1024 });
  const badFigures = await run(bad, faults, 'server');
  await close(bad);

  const hostileFigures = await hostileRequests();
  const frameFigures = await hostileFrames();

  console.log(
    JSON.stringify({
      applications: N,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      kills: { tried: killFigures.tried, lost: killFigures.lost, duplicated: killFigures.duplicated, damagedAttachments: killFigures.damagedAttachments },
      linkFaults: { tried: linkFigures.tried, lost: linkFigures.lost, duplicated: linkFigures.duplicated, wronglyRejected: linkFigures.wronglyRejected },
      badServerAnswers: { tried: badFigures.tried, typedErrors: badFigures.typedErrors, untypedErrors: badFigures.untypedErrors, lost: badFigures.lost, duplicated: badFigures.duplicated },
      hostileRequests: hostileFigures,
      hostileFrames: { tried: frameFigures.tried, connections: FRAME_SCRIPTS, crashes: frameFigures.crashes, internalErrors: frameFigures.internalErrors },
    }),
  );
}

await main();
